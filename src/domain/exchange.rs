//! Files in and out, as the worker makes and reads them (off the first load, off the page's
//! thread). The library travels to the worker as its storage JSON, the very encoding the
//! browser keeps, and what a file adds comes back encoded the same way, to be merged by the
//! page with [`Library::merge`].

use super::document::seed_documents;
use super::library::Library;
use super::storage::{decode, encode};
use super::w3c::{self, Scope};

/// The kinds of file claimmark writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A W3C Web Annotation `AnnotationCollection` (JSON-LD).
    W3c,
}

impl Format {
    /// The name used in messages to the worker.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::W3c => "w3c",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "w3c" => Some(Format::W3c),
            _ => None,
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::W3c => "application/ld+json",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::W3c => "json",
        }
    }
}

/// The library a stored value holds (with the seed articles, as the app has it).
pub fn library_from(stored: &str) -> Result<Library, String> {
    let contents = decode(stored).map_err(|e| format!("the library could not be read: {e}"))?;
    Ok(Library::with_contents(seed_documents(), contents))
}

/// The file of `format` for one article (`doc`) or all.
pub fn export(
    stored: &str,
    format: Format,
    doc: Option<&str>,
    now: i64,
    version: &str,
) -> Result<String, String> {
    let library = library_from(stored)?;
    let scope = match doc {
        Some(id) => Scope::Document(id),
        None => Scope::All,
    };
    Ok(match format {
        Format::W3c => w3c::export(&library, scope, now, version),
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
    fn a_file_made_from_the_stored_library_loads_back_into_a_fresh_one() {
        let l = library_with_a_claim();
        let stored = encode(&l.contents());
        let file = export(&stored, Format::W3c, None, 9, "test").unwrap();
        assert!(file.contains("urn:uuid:1"));
        let fresh = encode(&Library::new(seed_documents()).contents());
        let imported = import(&fresh, &file, 10).unwrap();
        let mut back = library_from(&fresh).unwrap();
        back.merge(decode(&imported.contents).unwrap());
        assert_eq!(back.contents().annotations, l.contents().annotations);
    }

    #[test]
    fn bad_files_and_a_damaged_library_are_refused_with_a_reason() {
        let stored = encode(&Library::new(seed_documents()).contents());
        let e = import(&stored, "{\"type\": \"AnnotationCollection\"", 1).unwrap_err();
        assert!(e.contains("line 1"), "{e}");
        assert!(import("{oops", "{}", 1)
            .unwrap_err()
            .starts_with("the library could not be read"));
        assert!(export("[]", Format::W3c, None, 1, "t").is_err());
        assert_eq!(Format::parse(Format::W3c.as_str()), Some(Format::W3c));
        assert_eq!(Format::parse("pdf"), None);
    }
}
