//! What the reader shows: an article's paragraphs, each cut into segments with the claims that
//! cover them. Plain data for the view to map to elements, one element per segment.

use super::annotation::{Status, Verdict};
use super::document::Document;
use super::library::Library;
use super::segment::segments;
use super::text::{paragraphs, IndexedText};

/// A claim covering a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cover {
    pub id: String,
    pub verdict: Verdict,
    /// Re-anchored with changes: waiting for a person to confirm.
    pub moved: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Code-point offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Outermost first: the last is the innermost claim, the one a click means first.
    pub covers: Vec<Cover>,
    /// The suggestion covering this piece (index into the suggestions laid out), if any.
    /// Suggestions never overlap the user's claims.
    pub suggestion: Option<usize>,
}

impl Piece {
    /// The verdicts present, for styling: one of them, or both when claims disagree.
    pub fn verdicts(&self) -> (bool, bool) {
        let has = |v| self.covers.iter().any(|c| c.verdict == v);
        (has(Verdict::Sourced), has(Verdict::Unsourced))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub paragraphs: Vec<Vec<Piece>>,
}

/// Lays out `doc` with its claims as they are placed in its text now, and `suggestions`
/// (code-point spans) as a layer of their own.
pub fn layout(doc: &Document, library: &Library, suggestions: &[(usize, usize)]) -> Layout {
    let text = IndexedText::new(doc.text.as_str());
    let placed: Vec<(usize, usize, Cover)> = library
        .placed(doc, &text)
        .into_iter()
        .filter_map(|p| {
            let (s, e) = p.span?;
            Some((
                s,
                e,
                Cover {
                    id: p.annotation.id.clone(),
                    verdict: p.annotation.verdict,
                    moved: p.annotation.status == Status::Moved,
                },
            ))
        })
        .collect();
    let mut spans: Vec<(usize, usize)> = placed.iter().map(|(s, e, _)| (*s, *e)).collect();
    let claims = spans.len();
    spans.extend_from_slice(suggestions);
    let paragraphs = paragraphs(&text)
        .into_iter()
        .map(|range| {
            segments(range, &spans)
                .into_iter()
                .map(|seg| Piece {
                    start: seg.start,
                    end: seg.end,
                    text: text.slice(seg.start, seg.end).to_owned(),
                    covers: seg
                        .covering
                        .iter()
                        .filter(|&&i| i < claims)
                        .map(|&i| placed[i].2.clone())
                        .collect(),
                    suggestion: seg
                        .covering
                        .iter()
                        .find(|&&i| i >= claims)
                        .map(|&i| i - claims),
                })
                .collect()
        })
        .collect();
    Layout { paragraphs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{document_from_text, seed_documents, Origin};

    #[test]
    fn pieces_cover_every_paragraph_and_carry_their_claims() {
        let mut lib = Library::new(seed_documents());
        lib.add_document(document_from_text(
            "u".into(),
            "First 😀 para.\n\nSecond para here.",
            None,
            Origin::User,
            1,
        ));
        // "😀 para.\n\nSecond" spans both paragraphs; "para" nests in the second.
        lib.annotate("u", (6, 21), Verdict::Unsourced, "outer".into(), 1)
            .unwrap();
        lib.annotate("u", (22, 26), Verdict::Sourced, "inner".into(), 2)
            .unwrap();
        let doc = lib.document("u").unwrap().clone();
        let l = layout(&doc, &lib, &[]);
        let texts: Vec<Vec<&str>> = l
            .paragraphs
            .iter()
            .map(|p| p.iter().map(|x| x.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec!["First ", "😀 para."],
                vec!["Second", " ", "para", " here."]
            ]
        );
        let p1 = &l.paragraphs[1];
        assert_eq!(
            p1[0].covers,
            vec![Cover {
                id: "outer".into(),
                verdict: Verdict::Unsourced,
                moved: false,
            }]
        );
        assert!(p1[1].covers.is_empty());
        assert_eq!(p1[2].covers[0].id, "inner");
        assert_eq!((p1[2].start, p1[2].end), (22, 26));
        assert_eq!(l.paragraphs[0][1].verdicts(), (false, true));
    }
}
