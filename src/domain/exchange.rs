//! Files in and out, as the worker makes and reads them (off the first load, off the page's
//! thread). The library travels to the worker as its storage JSON, the very encoding the
//! browser keeps, and what a file adds comes back encoded the same way, to be merged by the
//! page with [`Library::merge`].

use super::document::seed_documents;
use super::formats::{self, Organisation};
use super::library::Library;
use super::rating::Scale;
use super::storage::{decode, encode};
use super::time::to_rfc3339;
use super::w3c::{self, Scope};

/// The kinds of file claimmark writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A W3C Web Annotation `AnnotationCollection` (JSON-LD).
    W3c,
    /// One row per claim, for spreadsheets.
    Csv,
    /// schema.org `ClaimReview` drafts of rated claims (JSON-LD).
    ClaimReview,
}

impl Format {
    /// The name used in messages to the worker.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::W3c => "w3c",
            Format::Csv => "csv",
            Format::ClaimReview => "claimreview",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        [Format::W3c, Format::Csv, Format::ClaimReview]
            .into_iter()
            .find(|f| f.as_str() == s)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::W3c | Format::ClaimReview => "application/ld+json",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::W3c => "json",
            Format::Csv => "csv",
            Format::ClaimReview => "claimreview.jsonld",
        }
    }
}

/// What to make: the format, of which article (`None`: all) or claim, and what the formats
/// need of the settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    pub doc: Option<String>,
    /// One claim (ClaimReview of one claim).
    pub claim: Option<String>,
    pub now: i64,
    pub version: String,
    pub organisation: String,
    /// The rating scale, written as text (`rating::Scale`).
    pub scale: String,
}

/// The library a stored value holds (with the seed articles, as the app has it).
pub fn library_from(stored: &str) -> Result<Library, String> {
    let contents = decode(stored).map_err(|e| format!("the library could not be read: {e}"))?;
    Ok(Library::with_contents(seed_documents(), contents))
}

/// The file of `format` the request asks for.
pub fn export(stored: &str, format: Format, r: &Request) -> Result<String, String> {
    let library = library_from(stored)?;
    let doc = r.doc.as_deref();
    Ok(match format {
        Format::W3c => {
            let scope = match doc {
                Some(id) => Scope::Document(id),
                None => Scope::All,
            };
            w3c::export(&library, scope, r.now, &r.version)
        }
        Format::Csv => formats::csv(&library, doc),
        Format::ClaimReview => {
            let doc = doc.ok_or("a ClaimReview draft is made for one article")?;
            let scale = Scale::parse(&r.scale).unwrap_or_default();
            let today = to_rfc3339(r.now)[..10].to_owned();
            formats::claim_reviews(
                &library,
                doc,
                r.claim.as_deref(),
                &scale,
                &Organisation {
                    name: &r.organisation,
                },
                &today,
            )?
        }
    })
}

/// What a file brings, ready to merge: the contents (encoded as stored) and what the user
/// should know beyond the merge counts.
#[derive(Debug, PartialEq, Eq)]
pub struct Imported {
    pub contents: String,
    pub note: Option<String>,
}

/// Reads a file against the library: its contents to merge, or why it cannot be loaded (the
/// message says what is wrong and where).
pub fn import(stored: &str, file: &str, now: i64) -> Result<Imported, String> {
    let library = library_from(stored)?;
    // A Hypothesis export is told by its own fields; anything else is read as a W3C file
    // (whose reader says what is wrong with a file that is neither).
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(file) {
        if formats::hypothesis::is_hypothesis(&v) {
            let read = formats::hypothesis::import(&v, &library, now)?;
            return Ok(Imported {
                note: read.note(),
                contents: encode(&read.contents),
            });
        }
    }
    let import = w3c::import(file, &library, now).map_err(|e| e.to_string())?;
    Ok(Imported {
        note: import.anchoring_note(),
        contents: encode(&import.contents),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::annotation::Verdict;

    fn library_with_a_claim() -> Library {
        let mut l = Library::new(seed_documents());
        let doc = l.documents()[0].id.clone();
        l.annotate(
            &doc,
            (0, 20),
            Verdict::Sourced,
            "urn:uuid:1".into(),
            1_700_000_000_000,
        )
        .unwrap();
        l
    }

    #[test]
    fn csv_and_claim_review_are_made_from_the_stored_library() {
        let mut l = library_with_a_claim();
        let doc = l.documents()[0].id.clone();
        l.set_rating("urn:uuid:1", "False", 1_700_000_000_001);
        let stored = encode(&l.contents());
        let csv = export(&stored, Format::Csv, &Request::default()).unwrap();
        assert!(csv.starts_with('\u{feff}') && csv.contains("\"False\""));
        let request = Request {
            doc: Some(doc),
            organisation: "Fact Desk".into(),
            scale: crate::domain::rating::DEFAULT.into(),
            now: 1_764_460_800_000,
            ..Request::default()
        };
        let review = export(&stored, Format::ClaimReview, &request).unwrap();
        assert!(
            review.contains("\"ratingValue\": 1") && review.contains("2025-11-30"),
            "{review}"
        );
    }

    #[test]
    fn a_file_made_from_the_stored_library_loads_back_into_a_fresh_one() {
        let l = library_with_a_claim();
        let stored = encode(&l.contents());
        let file = export(&stored, Format::W3c, &Request::default()).unwrap();
        assert!(file.contains("urn:uuid:1"));
        let fresh = encode(&Library::new(seed_documents()).contents());
        let imported = import(&fresh, &file, 10).unwrap();
        let mut back = library_from(&fresh).unwrap();
        back.merge(decode(&imported.contents).unwrap());
        assert_eq!(back.contents().annotations, l.contents().annotations);
    }

    #[test]
    fn an_article_left_out_of_the_stored_library_takes_its_claims_with_it() {
        // As "Download all" does when an article's text is missing from storage: the page
        // leaves the article out, no file then holds its claims, and the file loads.
        use crate::domain::document::{document_from_text, Origin};
        let mut l = library_with_a_claim();
        l.add_document(document_from_text(
            "lost".into(),
            "Lost words here.",
            None,
            Origin::User,
            1,
        ));
        l.annotate("lost", (0, 4), Verdict::Unsourced, "urn:uuid:2".into(), 2)
            .unwrap();
        let mut c = l.contents();
        c.documents.retain(|d| d.id != "lost");
        let stored = encode(&c);
        let file = export(&stored, Format::W3c, &Request::default()).unwrap();
        assert!(file.contains("urn:uuid:1") && !file.contains("urn:uuid:2"));
        let csv = export(&stored, Format::Csv, &Request::default()).unwrap();
        assert!(
            csv.contains("\"sourced\"") && !csv.contains("Lost"),
            "{csv}"
        );
        let fresh = encode(&Library::new(seed_documents()).contents());
        assert!(import(&fresh, &file, 10).is_ok());
    }

    #[test]
    fn bad_files_and_a_damaged_library_are_refused_with_a_reason() {
        let stored = encode(&Library::new(seed_documents()).contents());
        let e = import(&stored, "{\"type\": \"AnnotationCollection\"", 1).unwrap_err();
        assert!(e.contains("line 1"), "{e}");
        assert!(import("{oops", "{}", 1)
            .unwrap_err()
            .starts_with("the library could not be read"));
        assert!(export("[]", Format::W3c, &Request::default()).is_err());
        for f in [Format::W3c, Format::Csv, Format::ClaimReview] {
            assert_eq!(Format::parse(f.as_str()), Some(f));
        }
        let no_article = export(&stored, Format::ClaimReview, &Request::default());
        assert!(no_article.unwrap_err().contains("one article"));
        assert_eq!(Format::parse("pdf"), None);
    }
}
