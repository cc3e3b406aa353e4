//! What the reader shows: the open article's text cut into paragraphs ([`Page`], worked out once
//! per text), its claims where they sit now ([`claims`], once per change of the library), and
//! the paragraphs cut into segments with the claims and suggestions that cover them
//! ([`layout`], once per change of where a claim sits or what it says). Plain data for the view
//! to map to elements, one element per segment; the view keys each element by its [`Piece`], so
//! a change redraws only the pieces it changed.

use super::annotation::{Status, Verdict};
use super::assistant::suggest::Suggestion;
use super::document::Document;
use super::library::Library;
use super::segment::cut;
use super::text::{paragraphs, IndexedText};
use std::sync::Arc;

/// An article's text as the reader needs it: indexed by code point and cut into paragraphs.
#[derive(Debug)]
pub struct Page {
    pub doc: String,
    revised: i64,
    bytes: usize,
    pub text: IndexedText,
    pub paragraphs: Vec<(usize, usize)>,
}

impl Page {
    pub fn new(doc: &Document) -> Page {
        let text = IndexedText::new(doc.text.as_str());
        Page {
            doc: doc.id.clone(),
            revised: doc.revised,
            bytes: doc.text.len(),
            paragraphs: paragraphs(&text),
            text,
        }
    }

    /// The revision of the document's text this page is of (0: never replaced).
    pub fn revised(&self) -> i64 {
        self.revised
    }

    /// Whether this is still `doc`'s text. A text changes only as a new revision (or as a
    /// sample's text arriving, when its length changes from nothing), so no change of the
    /// library compares or copies the text itself.
    pub fn is_of(&self, doc: &Document) -> bool {
        self.doc == doc.id && self.revised == doc.revised && self.bytes == doc.text.len()
    }
}

/// Pages are the same when they are of the same text (see [`Page::is_of`]).
impl PartialEq for Page {
    fn eq(&self, other: &Self) -> bool {
        (&self.doc, self.revised, self.bytes) == (&other.doc, other.revised, other.bytes)
    }
}

/// A claim as the open article shows it, in text order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub id: Arc<str>,
    /// Where its quote sits in the text now; `None` for an orphan.
    pub span: Option<(usize, usize)>,
    pub verdict: Verdict,
    /// [`Status::Orphan`] whenever the quote cannot be placed, whatever is stored.
    pub status: Status,
    pub exact: Arc<str>,
    pub note: Arc<str>,
    /// Who marked it (the name set on the team sync page; empty when none was).
    pub creator: Arc<str>,
}

/// The claims of the article on `page`, each placed in its text now, in text order. None while
/// its text is not here yet (a sample's not fetched, a stored article's not read): every claim
/// would seem lost from it, and be drawn twice.
pub fn claims(page: &Page, library: &Library) -> Vec<Claim> {
    claims_after(page, library, &[])
}

/// [`claims`], sharing the words of `before` (the claims as they were before a change) that
/// the change left alone: at each change of an article of 5,000 claims, its 20,000 strings
/// would otherwise be copied and the old ones freed (5 ms a keystroke in Chromium).
pub fn claims_after(page: &Page, library: &Library, before: &[Claim]) -> Vec<Claim> {
    let Some(doc) = library.document(&page.doc).filter(|_| page.bytes > 0) else {
        return Vec::new();
    };
    let placed = library.placed(doc, &page.text);
    // A claim keeps its place in the list, or moves by one or two when claims are added or
    // deleted before it (one that moved further is made afresh).
    let near = |k: usize, id: &str| {
        (k.saturating_sub(2)..k + 3)
            .filter_map(|j| before.get(j))
            .find(|c| *c.id == *id)
    };
    placed
        .into_iter()
        .enumerate()
        .map(|(k, p)| {
            let a = p.annotation;
            let old = near(k, &a.id);
            let share = |was: Option<&Arc<str>>, now: &str| match was {
                Some(w) if **w == *now => Arc::clone(w),
                _ => Arc::from(now),
            };
            Claim {
                id: share(old.map(|c| &c.id), &a.id),
                span: p.span,
                verdict: a.verdict,
                status: match p.span {
                    None => Status::Orphan,
                    Some(_) => a.status,
                },
                exact: share(old.map(|c| &c.exact), &a.exact),
                note: share(old.map(|c| &c.note), &a.note),
                creator: share(old.map(|c| &c.creator), &a.creator),
            }
        })
        .collect()
}

/// A claim covering a segment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cover {
    pub id: Arc<str>,
    pub verdict: Verdict,
    /// Re-anchored with changes: waiting for a person to confirm.
    pub moved: bool,
}

/// Where the placed claims sit and how they look: what the layout depends on (a note does not
/// change it).
pub fn covers(claims: &[Claim]) -> Vec<(usize, usize, Cover)> {
    claims
        .iter()
        .filter_map(|c| {
            let (s, e) = c.span?;
            Some((
                s,
                e,
                Cover {
                    id: Arc::clone(&c.id),
                    verdict: c.verdict,
                    moved: c.status == Status::Moved,
                },
            ))
        })
        .collect()
}

/// A suggestion as the reader marks it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hint {
    /// The whole suggestion (a piece may be part of it, where it runs over paragraphs).
    pub span: (usize, usize),
    pub verdict: Verdict,
    pub source: Option<String>,
}

impl Hint {
    pub fn of(s: &Suggestion) -> Hint {
        Hint {
            span: (s.start, s.end),
            verdict: s.verdict,
            source: s.source.clone(),
        }
    }
}

/// A segment of the text and what covers it. Its text is `page.text.slice(start, end)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Piece {
    /// Code-point offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// Outermost first: the last is the innermost claim, the one a click means first.
    pub covers: Vec<Cover>,
    /// The suggestion covering this piece, if any. Suggestions never overlap the user's claims.
    pub suggestion: Option<Hint>,
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

/// Cuts the paragraphs of `page` at the claims placed in it (`covers`) and the suggestions
/// (`hints`, a layer of their own), in one sweep: O((pieces + claims) log claims).
pub fn layout(page: &Page, covers: &[(usize, usize, Cover)], hints: &[Hint]) -> Layout {
    let claims = covers.len();
    let spans: Vec<(usize, usize)> = (covers.iter().map(|(s, e, _)| (*s, *e)))
        .chain(hints.iter().map(|h| h.span))
        .collect();
    let paragraphs = cut(&page.paragraphs, &spans)
        .into_iter()
        .map(|segs| {
            segs.into_iter()
                .map(|seg| Piece {
                    start: seg.start,
                    end: seg.end,
                    covers: (seg.covering.iter())
                        .filter(|&&i| i < claims)
                        .map(|&i| covers[i].2.clone())
                        .collect(),
                    suggestion: (seg.covering.iter())
                        .find(|&&i| i >= claims)
                        .map(|&i| hints[i - claims].clone()),
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
        let page = Page::new(lib.document("u").unwrap());
        let l = layout(&page, &covers(&claims(&page, &lib)), &[]);
        let texts: Vec<Vec<&str>> = l
            .paragraphs
            .iter()
            .map(|p| p.iter().map(|x| page.text.slice(x.start, x.end)).collect())
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
        assert_eq!(&*p1[2].covers[0].id, "inner");
        assert_eq!((p1[2].start, p1[2].end), (22, 26));
        assert_eq!(l.paragraphs[0][1].verdicts(), (false, true));
    }

    /// A long one-paragraph article with `n` claims, one a sentence.
    fn big(n: usize) -> Library {
        let text: String = (0..n + 20)
            .map(|i| format!("Sentence {i} says a thing. "))
            .collect();
        let mut lib = Library::new(Vec::new());
        lib.add_document(document_from_text(
            "big".into(),
            &text,
            None,
            Origin::User,
            1,
        ));
        let mut at = 0;
        for i in 0..n {
            let len = format!("Sentence {i} says a thing.").chars().count();
            let v = [Verdict::Sourced, Verdict::Unsourced][i % 2];
            lib.annotate("big", (at, at + len), v, format!("c{i}"), 1)
                .unwrap();
            at += len + 1;
        }
        lib
    }

    #[test]
    fn a_note_leaves_the_layout_as_it_was_and_a_tag_changes_only_its_own_pieces() {
        let mut lib = big(200);
        let page = Page::new(lib.document("big").unwrap());
        let before = claims(&page, &lib);
        let laid = layout(&page, &covers(&before), &[]);
        assert_eq!(
            laid.paragraphs[0].len(),
            200 * 2,
            "claims, the 199 spaces between, the rest"
        );

        lib.set_note("c7", "checked", 2);
        assert!(page.is_of(lib.document("big").unwrap()), "the same text");
        let after = claims_after(&page, &lib, &before);
        assert_ne!(after, before, "the claims list shows the note");
        // What the note left alone is shared with the claims before, not copied.
        let (c7, c8) = (&after[7], &after[8]);
        assert_eq!((&*c7.id, &*c7.note), ("c7", "checked"));
        assert!(!Arc::ptr_eq(&c7.note, &before[7].note), "the new note");
        assert!(Arc::ptr_eq(&c7.exact, &before[7].exact));
        assert!(Arc::ptr_eq(&c8.id, &before[8].id) && Arc::ptr_eq(&c8.note, &before[8].note));
        assert_eq!(after, claims(&page, &lib), "the same claims as made afresh");
        assert_eq!(
            covers(&after),
            covers(&before),
            "nothing for the reader to redraw"
        );

        // A new claim inside the plain rest of the text: one piece becomes three.
        let rest = laid.paragraphs[0].last().unwrap().clone();
        lib.annotate(
            "big",
            (rest.start + 1, rest.start + 9),
            Verdict::Sourced,
            "new".into(),
            3,
        )
        .unwrap();
        let relaid = layout(&page, &covers(&claims(&page, &lib)), &[]);
        let old: std::collections::HashSet<&Piece> = laid.paragraphs[0].iter().collect();
        let changed: Vec<&Piece> = relaid.paragraphs[0]
            .iter()
            .filter(|p| !old.contains(p))
            .collect();
        assert_eq!(changed.len(), 3, "{changed:?}");
        assert_eq!(&*changed[1].covers[0].id, "new");
    }

    #[test]
    fn orphans_are_listed_but_not_laid_out_and_suggestions_mark_their_own_pieces() {
        let mut lib = Library::new(Vec::new());
        lib.add_document(document_from_text(
            "u".into(),
            "One two three.\n\nFour five six.",
            None,
            Origin::User,
            1,
        ));
        lib.annotate("u", (4, 7), Verdict::Sourced, "two".into(), 1)
            .unwrap();
        lib.replace_text("u", "One zwei three.\n\nFour five six.", 2)
            .unwrap();
        let page = Page::new(lib.document("u").unwrap());
        assert!(!page.is_of(&document_from_text("u".into(), "x", None, Origin::User, 1)));
        let c = claims(&page, &lib);
        assert_eq!((c[0].span, c[0].status), (None, Status::Orphan));
        let hint = Hint {
            span: (17, 31),
            verdict: Verdict::Unsourced,
            source: None,
        };
        let l = layout(&page, &covers(&c), std::slice::from_ref(&hint));
        assert_eq!(l.paragraphs[0].len(), 1, "the orphan marks nothing");
        assert_eq!(l.paragraphs[1][0].suggestion.as_ref(), Some(&hint));
        assert!(l.paragraphs[1][0].covers.is_empty());
    }

    #[test]
    fn an_article_whose_text_is_not_here_yet_shows_no_claims_rather_than_lost_ones() {
        let mut lib = Library::new(crate::domain::document::seed_stubs());
        let (id, raw) = crate::domain::document::SEEDS[0];
        let mut with_text = lib.clone();
        with_text.fill_seed(id, raw);
        with_text
            .annotate(id, (0, 9), Verdict::Sourced, "c".into(), 1)
            .unwrap();
        lib.merge(with_text.contents());
        let page = Page::new(lib.document(id).unwrap());
        assert!(claims(&page, &lib).is_empty(), "not one claim an orphan");
        lib.fill_seed(id, raw);
        let page = Page::new(lib.document(id).unwrap());
        assert_eq!(claims(&page, &lib)[0].span, Some((0, 9)));
    }
}
