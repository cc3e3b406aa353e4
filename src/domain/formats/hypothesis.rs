//! Hypothesis files in: the JSON its client exports ("Export" in the sidebar:
//! `{export_date, export_userid, client_version, annotations: [...]}`, each annotation with a
//! `uri`, `target[].selector` (`TextQuoteSelector`, `TextPositionSelector`), `tags` and
//! `text`). An annotation whose page is an article of the library attaches to it by its quote;
//! the tags `sourced` and `unsourced` give the verdict and the text becomes the note. What
//! cannot be taken is counted and said, never dropped in silence.

use serde_json::Value;

use crate::domain::anchor::{quote_at, Anchorer, Quote};
use crate::domain::annotation::{Annotation, Status, Verdict};
use crate::domain::document::Document;
use crate::domain::library::{reanchor, Contents, Library, ReanchorReport};
use crate::domain::provenance::same_address;
use crate::domain::text::IndexedText;
use crate::domain::time::parse_rfc3339;

/// Whether a parsed file looks like a Hypothesis export (not a W3C collection).
pub fn is_hypothesis(v: &Value) -> bool {
    v.get("annotations").is_some_and(Value::is_array)
        && (v.get("export_date").is_some() || v.get("client_version").is_some())
}

/// What a Hypothesis file brings: the claims to merge, how they sit in the texts, and what was
/// left out and why.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HypothesisImport {
    pub contents: Contents,
    pub anchoring: ReanchorReport,
    /// Pages not in the library, with how many annotations each.
    pub unknown_pages: Vec<(String, usize)>,
    /// Annotations with neither a `sourced` nor an `unsourced` tag.
    pub untagged: usize,
    /// Page notes and replies: no quote to place.
    pub without_quote: usize,
}

impl HypothesisImport {
    /// What the user should know: what was left out and why.
    pub fn note(&self) -> Option<String> {
        let mut parts = Vec::new();
        let n = self.contents.annotations.len();
        parts.push(format!(
            "From Hypothesis: {n} annotation{} taken.",
            if n == 1 { "" } else { "s" }
        ));
        if self.untagged > 0 {
            parts.push(format!(
                "{} left out: tagged neither “sourced” nor “unsourced” (tag them in Hypothesis and load again).",
                self.untagged
            ));
        }
        if self.without_quote > 0 {
            parts.push(format!(
                "{} left out: page notes or replies, with no quote of the article.",
                self.without_quote
            ));
        }
        for (page, count) in &self.unknown_pages {
            parts.push(format!(
                "{count} left out: {page} is not an article of your library (add it, then load again)."
            ));
        }
        parts.extend(self.anchoring.sentences());
        Some(parts.join(" "))
    }
}

fn verdict_of(tags: &[&str]) -> Option<Verdict> {
    let has = |t: &str| tags.iter().any(|x| x.trim().eq_ignore_ascii_case(t));
    match (has("sourced"), has("unsourced")) {
        (true, false) => Some(Verdict::Sourced),
        (false, true) => Some(Verdict::Unsourced),
        _ => None,
    }
}

/// The quote of an annotation's first target that has one.
fn quote_of(a: &Value) -> Option<Quote> {
    let targets = a.get("target")?.as_array()?;
    targets.iter().find_map(|t| {
        let selectors = t.get("selector")?.as_array()?;
        selectors.iter().find_map(|s| {
            (s.get("type")?.as_str()? == "TextQuoteSelector").then_some(())?;
            let text = |k: &str| {
                s.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            let exact = text("exact");
            (!exact.trim().is_empty()).then(|| Quote {
                exact,
                prefix: text("prefix"),
                suffix: text("suffix"),
            })
        })
    })
}

/// Reads a Hypothesis export against the library. A file that is not one says what is wrong
/// and where.
pub fn import(v: &Value, library: &Library, now: i64) -> Result<HypothesisImport, String> {
    let list = v
        .get("annotations")
        .and_then(Value::as_array)
        .ok_or("At annotations: a Hypothesis export has an array of annotations")?;
    let mut out = HypothesisImport::default();
    let mut anchorers: Vec<(String, Anchorer, IndexedText)> = Vec::new();
    for (i, a) in list.iter().enumerate() {
        let at = format!("annotations[{i}]");
        let id = a
            .get("id")
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .ok_or(format!("At {at}.id: each annotation needs its id"))?;
        let uri = a.get("uri").and_then(Value::as_str).ok_or(format!(
            "At {at}.uri: each annotation needs the address of its page"
        ))?;
        let tags: Vec<&str> = a
            .get("tags")
            .and_then(Value::as_array)
            .map(|t| t.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let replies = a
            .get("references")
            .and_then(Value::as_array)
            .is_some_and(|r| !r.is_empty());
        let Some(quote) = quote_of(a).filter(|_| !replies) else {
            out.without_quote += 1;
            continue;
        };
        let Some(verdict) = verdict_of(&tags) else {
            out.untagged += 1;
            continue;
        };
        let Some(doc) = article_at(library, uri) else {
            match out.unknown_pages.iter_mut().find(|(p, _)| p == uri) {
                Some((_, n)) => *n += 1,
                None => out.unknown_pages.push((uri.to_owned(), 1)),
            }
            continue;
        };
        if !anchorers.iter().any(|(d, _, _)| *d == doc.id) {
            anchorers.push((
                doc.id.clone(),
                Anchorer::new(&doc.text),
                IndexedText::new(doc.text.as_str()),
            ));
        }
        let (_, anchorer, text) = anchorers
            .iter()
            .find(|(d, _, _)| *d == doc.id)
            .expect("just added");
        let time = |k: &str| a.get(k).and_then(Value::as_str).and_then(parse_rfc3339);
        let created = time("created").unwrap_or(now);
        let mut annotation = Annotation {
            id: format!("urn:x-hypothesis:{id}"),
            doc: doc.id.clone(),
            start: 0,
            end: 0,
            exact: quote.exact.clone(),
            prefix: quote.prefix,
            suffix: quote.suffix,
            verdict,
            note: a
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim()
                .to_owned(),
            evidence: String::new(),
            created,
            modified: time("updated").unwrap_or(created),
            status: Status::Anchored,
            was: String::new(),
            suggested: false,
            detected_source: String::new(),
            rating: String::new(),
            source: String::new(),
            creator: String::new(),
            editor: String::new(),
        };
        // The page's offsets count its whole text, not the article's: the quote alone places it.
        reanchor(&mut annotation, anchorer, text, &mut out.anchoring);
        if annotation.status != Status::Orphan && annotation.start < annotation.end {
            let q = quote_at(text, annotation.start, annotation.end);
            annotation.prefix = q.prefix;
            annotation.suffix = q.suffix;
        }
        out.contents.annotations.push(annotation);
    }
    Ok(out)
}

/// The article of the library published at `uri` (its canonical address).
fn article_at<'a>(library: &'a Library, uri: &str) -> Option<&'a Document> {
    library
        .documents()
        .iter()
        .find(|d| d.url.as_deref().is_some_and(|u| same_address(u, uri)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{document_from_text, Origin};

    const TEXT: &str = "The mayor said crime fell 20% last year. Taxes rose again in June.";

    fn library() -> Library {
        let mut l = Library::new(vec![]);
        let mut d = document_from_text("user-1".into(), TEXT, Some("T"), Origin::User, 1);
        d.url = Some("https://news.example/story".into());
        l.add_document(d);
        l
    }

    /// A file as Hypothesis' client exports it (its documented annotation fields).
    fn file(annotations: Value) -> Value {
        serde_json::json!({
            "export_date": "2026-11-30T10:00:00.000Z",
            "export_userid": "acct:jane@hypothes.is",
            "client_version": "1.1400.0",
            "annotations": annotations,
        })
    }

    fn annotation(id: &str, uri: &str, exact: &str, tags: &[&str], text: &str) -> Value {
        serde_json::json!({
            "id": id,
            "created": "2026-11-29T09:00:00.000000+00:00",
            "updated": "2026-11-29T09:05:00.000000+00:00",
            "user": "acct:jane@hypothes.is",
            "uri": uri,
            "text": text,
            "tags": tags,
            "group": "__world__",
            "target": [{
                "source": uri,
                "selector": [
                    { "type": "TextPositionSelector", "start": 1500, "end": 1540 },
                    { "type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": "" }
                ]
            }],
            "document": { "title": ["Story"] }
        })
    }

    #[test]
    fn tagged_annotations_of_a_known_page_attach_by_their_quote() {
        let l = library();
        let f = file(serde_json::json!([
            annotation(
                "a1",
                "https://www.news.example/story?utm_source=x",
                "crime fell 20% last year",
                &["Sourced"],
                "Check police data"
            ),
            annotation(
                "a2",
                "https://news.example/story",
                "Taxes rose again",
                &["unsourced", "economy"],
                ""
            ),
        ]));
        assert!(is_hypothesis(&f));
        let got = import(&f, &l, 0).unwrap();
        let a = &got.contents.annotations;
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].id, "urn:x-hypothesis:a1");
        assert_eq!(
            (a[0].verdict, a[0].note.as_str()),
            (Verdict::Sourced, "Check police data")
        );
        let chars: Vec<char> = TEXT.chars().collect();
        let placed: String = chars[a[0].start..a[0].end].iter().collect();
        assert_eq!(placed, "crime fell 20% last year");
        assert_eq!(a[0].prefix, "The mayor said ");
        assert_eq!(a[1].verdict, Verdict::Unsourced);
        assert!(a[0].created > 0 && a[0].modified > a[0].created);
        assert_eq!(got.anchoring.kept, 2);
    }

    #[test]
    fn what_cannot_be_taken_is_counted_and_said() {
        let l = library();
        let mut note = annotation(
            "n",
            "https://news.example/story",
            "",
            &["sourced"],
            "page note",
        );
        note["target"] = serde_json::json!([{ "source": "https://news.example/story" }]);
        let mut reply = annotation(
            "r",
            "https://news.example/story",
            "crime fell",
            &["sourced"],
            "reply",
        );
        reply["references"] = serde_json::json!(["a1"]);
        let f = file(serde_json::json!([
            annotation(
                "u",
                "https://news.example/story",
                "crime fell",
                &["economy"],
                ""
            ),
            annotation(
                "o",
                "https://elsewhere.example/x",
                "crime fell",
                &["sourced"],
                ""
            ),
            annotation(
                "o2",
                "https://elsewhere.example/x",
                "taxes",
                &["sourced"],
                ""
            ),
            annotation(
                "g",
                "https://news.example/story",
                "words that are not there at all",
                &["sourced"],
                ""
            ),
            note,
            reply,
        ]));
        let got = import(&f, &l, 0).unwrap();
        assert_eq!(got.untagged, 1);
        assert_eq!(got.without_quote, 2);
        assert_eq!(
            got.unknown_pages,
            vec![("https://elsewhere.example/x".to_owned(), 2)]
        );
        assert_eq!(got.contents.annotations.len(), 1);
        assert_eq!(got.anchoring.orphaned, 1, "kept, not found");
        let note = got.note().unwrap();
        for part in [
            "1 annotation taken",
            "neither",
            "page notes or replies",
            "2 left out: https://elsewhere.example/x",
            "not found in the text",
        ] {
            assert!(note.contains(part), "{part}: {note}");
        }
    }

    #[test]
    fn a_broken_file_says_where() {
        let l = library();
        let no_id = file(serde_json::json!([{ "uri": "https://news.example/story" }]));
        assert!(import(&no_id, &l, 0)
            .unwrap_err()
            .starts_with("At annotations[0].id"));
        let no_uri = file(serde_json::json!([{ "id": "x" }]));
        assert!(import(&no_uri, &l, 0)
            .unwrap_err()
            .starts_with("At annotations[0].uri"));
        assert!(!is_hypothesis(
            &serde_json::json!({ "type": "AnnotationCollection" })
        ));
    }
}
