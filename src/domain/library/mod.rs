//! The library: documents and their annotations, and every rule for changing them.
//!
//! A plain type with methods (as in Leptos' todomvc example): the UI holds it in one signal,
//! calls these methods, and one effect persists the result.
//!
//! - this file: the library's parts, reading it, adding articles and claims, editing claims;
//! - `revise`: replacing an article's text and re-anchoring its claims (moved, orphans);
//! - `merge`: the one rule by which copies from other tabs and files come together;
//! - `dismiss`: suggestions the user dismissed.

use super::anchor::quote_at;
use super::annotation::{Annotation, Dismissal, Status, Tombstone, Verdict};
use super::document::{Document, Origin};
use super::layout::Page;
use super::order;
use super::provenance::{same_address, Details};
use super::text::{trim_range, IndexedText};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    /// Seeds first, then the user's documents in the order they were added.
    docs: Vec<Document>,
    annotations: Vec<Annotation>,
    tombstones: Vec<Tombstone>,
    dismissed: Vec<Dismissal>,
    /// The records changed since saving last took them.
    journal: Journal,
    index: Index,
    /// Who is marking and editing claims here (the name they set; not stored with the library):
    /// each claim marked or changed carries it.
    person: String,
    /// The stored claims are not read yet ([`Library::listing`]).
    unread: bool,
}

/// The parts of a library that are stored and merged: everything but the seed texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    pub documents: Vec<Document>,
    pub annotations: Vec<Annotation>,
    pub tombstones: Vec<Tombstone>,
    pub dismissed: Vec<Dismissal>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddOutcome {
    Added(String),
    /// A document with the same text is already in the library.
    AlreadyPresent(String),
    /// A document from the same address, with another text, is in the library: nothing was
    /// added (replace its text, or add this as a new article with [`Library::add_as_new`]).
    SameAddress(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetailsError {
    UnknownDocument,
    /// Seed articles ship with the app, details and all.
    Seed,
    /// What is wrong, naming the field.
    Invalid(String),
}

impl std::fmt::Display for DetailsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DetailsError::UnknownDocument => {
                f.write_str("That article is no longer in the library.")
            }
            DetailsError::Seed => {
                f.write_str("The details of the sample articles cannot be changed.")
            }
            DetailsError::Invalid(why) => f.write_str(why),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnnotateError {
    UnknownDocument,
    /// The selection is empty or only white space.
    Empty,
}

impl std::fmt::Display for AnnotateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AnnotateError::UnknownDocument => "That article is no longer in the library.",
            AnnotateError::Empty => "Select some text of the article first.",
        })
    }
}

/// Counts of a document's claims by verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub sourced: usize,
    pub unsourced: usize,
}

impl Counts {
    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Sourced => self.sourced += 1,
            Verdict::Unsourced => self.unsourced += 1,
        }
    }
}

/// An annotation and where it currently sits in its document's text (`None`: its quote is no
/// longer in the text, an orphan, shown in the list but not highlighted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed<'a> {
    pub annotation: &'a Annotation,
    pub span: Option<(usize, usize)>,
}

mod dismiss;
mod index;
mod journal;
mod listing;
mod merge;
mod read;
mod revise;
#[cfg(test)]
mod tests;

use index::Index;
use journal::Journal;
pub use journal::{Record, Since, Touched};
pub use merge::MergeReport;
pub use read::at_stored_place;
pub use revise::{reanchor, ReanchorReport, ReplaceError};

impl Library {
    pub fn new(seeds: Vec<Document>) -> Self {
        Self {
            docs: seeds,
            ..Self::default()
        }
    }

    /// The seeds plus stored contents. Stored documents that claim a seed's id are ignored:
    /// seed texts come from the app.
    pub fn with_contents(seeds: Vec<Document>, contents: Contents) -> Self {
        let mut lib = Self::new(seeds);
        lib.merge(contents);
        lib
    }

    /// Names who marks and edits claims from now on ([`Annotation::creator`], `editor`).
    pub fn set_person(&mut self, name: &str) {
        name.trim().clone_into(&mut self.person);
    }

    /// Gives a sample article started without its text (`seed_stubs`) the text fetched for
    /// it (raw, as in `seeds/`). `false` when it is no such article, or has its text already.
    pub fn fill_seed(&mut self, id: &str, raw: &str) -> bool {
        self.fill_text(id, super::document::seed_text(raw))
    }

    /// Gives an article started without its text the text fetched or read for it: a sample
    /// article's, or a stored article's (`Document::text_hash`). `false` when it is no such
    /// article, has its text already, or `text` is not the text a stored article was stored
    /// with (another tab replaced it since: its new details are on the way).
    pub fn fill_text(&mut self, id: &str, text: String) -> bool {
        let doc = self
            .docs
            .iter_mut()
            .find(|d| d.id == id && d.text.is_empty());
        match doc {
            Some(d) if d.origin == Origin::Seed || d.has_text(&text) => {
                d.text = text;
                d.text_hash.clear();
                true
            }
            _ => false,
        }
    }

    /// The first stored article whose text is not read yet.
    pub fn unread(&self) -> Option<&str> {
        (self.docs.iter())
            .find(|d| d.unread())
            .map(|d| d.id.as_str())
    }

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }

    pub fn annotation(&self, id: &str) -> Option<&Annotation> {
        self.position(id).map(|i| &self.annotations[i])
    }

    pub fn all_annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// What is stored: the user's documents, all annotations, the deletion records, in a
    /// canonical order, so that two tabs holding the same library store the very same string
    /// (and so never keep rewriting it for each other).
    pub fn contents(&self) -> Contents {
        let mut annotations = self.annotations.clone();
        order::sort_by(&mut annotations, &|a, b| a.id.cmp(&b.id));
        let mut tombstones = self.tombstones.clone();
        order::sort_by(&mut tombstones, &|a, b| a.id.cmp(&b.id));
        let mut dismissed = self.dismissed.clone();
        order::sort_by(&mut dismissed, &|a, b| {
            (&a.doc, &a.exact).cmp(&(&b.doc, &b.exact))
        });
        Contents {
            documents: self
                .docs
                .iter()
                .filter(|d| d.origin == Origin::User)
                .cloned()
                .collect(),
            annotations,
            tombstones,
            dismissed,
        }
    }

    /// Accepts a suggestion: it becomes a claim that remembers it began as a suggestion, and
    /// the source the assistant detected. `page` as for [`Library::annotate_in`] ("Accept all"
    /// in a long article would index its text again for each suggestion).
    #[allow(clippy::too_many_arguments)] // annotate_in's, and what the assistant found
    pub fn accept(
        &mut self,
        page: Option<&Page>,
        doc_id: &str,
        span: (usize, usize),
        verdict: Verdict,
        detected_source: Option<&str>,
        id: String,
        now: i64,
    ) -> Result<&Annotation, AnnotateError> {
        self.annotate_in(page, doc_id, span, verdict, id, now)?;
        let a = self.annotations.last_mut().expect("just added");
        a.suggested = true;
        a.detected_source = detected_source.unwrap_or_default().to_owned();
        if verdict == Verdict::Sourced {
            a.source = a.detected_source.clone();
        }
        Ok(a)
    }

    /// Seeds first, then user documents by when they were added (the same in every tab).
    fn sort_documents(&mut self) {
        order::sort_by(&mut self.docs, &|a, b| {
            (a.origin == Origin::User, a.added, &a.id).cmp(&(
                b.origin == Origin::User,
                b.added,
                &b.id,
            ))
        });
    }

    /// Adds a user document, unless one with the same text is already there.
    /// Adds a user document, unless one with the same text, or from the same address, is
    /// already there.
    pub fn add_document(&mut self, doc: Document) -> AddOutcome {
        if let Some(existing) = self.docs.iter().find(|d| d.has_text(&doc.text)) {
            return AddOutcome::AlreadyPresent(existing.id.clone());
        }
        if let Some(url) = doc.url.as_deref() {
            let same = |d: &&Document| d.url.as_deref().is_some_and(|u| same_address(u, url));
            if let Some(existing) = self.docs.iter().find(same) {
                return AddOutcome::SameAddress(existing.id.clone());
            }
        }
        self.add_as_new(doc)
    }

    /// Adds a user document even if another comes from the same address (a person chose to
    /// keep both versions); still not one with the very same text.
    pub fn add_as_new(&mut self, doc: Document) -> AddOutcome {
        if let Some(existing) = self.docs.iter().find(|d| d.has_text(&doc.text)) {
            return AddOutcome::AlreadyPresent(existing.id.clone());
        }
        let id = doc.id.clone();
        self.docs.push(doc);
        self.sort_documents();
        self.touch(Touched::Document(id.clone()));
        AddOutcome::Added(id)
    }

    /// Changes a user document's details (title, address, outlet, author, date). `Ok(false)`
    /// when they are as they were.
    pub fn set_details(
        &mut self,
        doc_id: &str,
        details: &Details,
        now: i64,
    ) -> Result<bool, DetailsError> {
        let doc =
            (self.docs.iter_mut().find(|d| d.id == doc_id)).ok_or(DetailsError::UnknownDocument)?;
        if doc.origin == Origin::Seed {
            return Err(DetailsError::Seed);
        }
        if let Some(why) = details.problem() {
            return Err(DetailsError::Invalid(why));
        }
        let before = doc.clone();
        details.apply(doc);
        if *doc == before {
            return Ok(false);
        }
        doc.edited = now.max(before.edited.saturating_add(1));
        self.touch(Touched::Document(doc_id.to_owned()));
        Ok(true)
    }

    /// Marks `[start, end)` (code points, trimmed of outer white space) of a document.
    pub fn annotate(
        &mut self,
        doc_id: &str,
        span: (usize, usize),
        verdict: Verdict,
        id: String,
        now: i64,
    ) -> Result<&Annotation, AnnotateError> {
        self.annotate_in(None, doc_id, span, verdict, id, now)
    }

    /// [`Library::annotate`] with the document's text already indexed in the open page, as the
    /// reader has it: indexing it again took 8 ms a claim at 1,000,000 characters. A page of
    /// any other text is not used (known by [`Page::is_of`]: comparing the texts themselves
    /// took 3 ms of a tag at 1,000,000 characters).
    pub fn annotate_in(
        &mut self,
        page: Option<&Page>,
        doc_id: &str,
        (start, end): (usize, usize),
        verdict: Verdict,
        id: String,
        now: i64,
    ) -> Result<&Annotation, AnnotateError> {
        let doc = self
            .document(doc_id)
            .ok_or(AnnotateError::UnknownDocument)?;
        let own;
        let text = match page {
            Some(p) if p.is_of(doc) => &p.text,
            _ => {
                own = IndexedText::new(doc.text.as_str());
                &own
            }
        };
        let (start, end) = trim_range(text, start, end).ok_or(AnnotateError::Empty)?;
        let q = quote_at(text, start, end);
        let from = self.revision();
        self.touch_annotation(&id);
        self.mark(from, Since::Added(id.clone()));
        self.push_claim(Annotation {
            id,
            doc: doc_id.to_owned(),
            start,
            end,
            exact: q.exact,
            prefix: q.prefix,
            suffix: q.suffix,
            verdict,
            note: String::new(),
            evidence: String::new(),
            created: now,
            modified: now,
            status: Status::Anchored,
            was: String::new(),
            suggested: false,
            detected_source: String::new(),
            rating: String::new(),
            source: String::new(),
            creator: self.person.clone(),
            editor: self.person.clone(),
        });
        Ok(self.annotations.last().expect("just pushed"))
    }

    /// Changes an annotation and stamps it modified; `false` if there is no such annotation or
    /// the change changes nothing.
    fn update(&mut self, id: &str, now: i64, change: impl FnOnce(&mut Annotation)) -> bool {
        let Some(i) = self.position(id) else {
            return false;
        };
        let from = self.revision();
        let a = &mut self.annotations[i];
        let before = a.clone();
        change(a);
        if *a == before {
            return false;
        }
        a.modified = now.max(before.modified.saturating_add(1));
        a.editor.clone_from(&self.person);
        // Only what no list counts and nothing places (a keystroke in a note); confirming a
        // moved claim, rejecting or re-attaching it changes where or how it is shown.
        let shown = |a: &Annotation| (a.start, a.end, a.status);
        let fields_only = shown(a) == shown(&before) && a.exact == before.exact;
        match (a.verdict == before.verdict, fields_only) {
            (true, true) => {
                self.touch_unlisted(id);
                self.mark(from, Since::Fields(id.to_owned()));
            }
            (true, false) => self.touch_unlisted(id),
            (false, _) => self.touch_annotation(id),
        }
        true
    }

    pub fn set_verdict(&mut self, id: &str, verdict: Verdict, now: i64) -> bool {
        self.update(id, now, |a| a.verdict = verdict)
    }

    pub fn set_note(&mut self, id: &str, note: &str, now: i64) -> bool {
        self.update(id, now, |a| a.note = note.to_owned())
    }

    pub fn set_evidence(&mut self, id: &str, url: &str, now: i64) -> bool {
        self.update(id, now, |a| a.evidence = url.to_owned())
    }

    /// Names who the article attributes the claim to.
    pub fn set_source(&mut self, id: &str, source: &str, now: i64) -> bool {
        self.update(id, now, |a| a.source = source.to_owned())
    }

    /// Rates a claim with a label of the fact-checker's scale ("" takes the rating away).
    pub fn set_rating(&mut self, id: &str, rating: &str, now: i64) -> bool {
        self.update(id, now, |a| a.rating = rating.trim().to_owned())
    }

    pub fn delete(&mut self, id: &str, now: i64) -> bool {
        let Some(i) = self.position(id) else {
            return false;
        };
        let gone = self.remove_claim(i);
        self.tombstones.retain(|t| t.id != id);
        self.tombstones.push(Tombstone {
            id: id.to_owned(),
            deleted: now.max(gone.modified),
        });
        let from = self.revision();
        self.touch_annotation(id);
        self.touch(Touched::Tombstone(id.to_owned()));
        self.mark(from, Since::Removed(id.to_owned()));
        true
    }

    /// Brings back a claim deleted by mistake, as it was, and later than its deletion: so it
    /// also wins over the deletion in other tabs and in files that carry it. Refused when the
    /// claim is there already or its article is gone.
    pub fn restore(&mut self, annotation: Annotation, now: i64) -> bool {
        if self.annotation(&annotation.id).is_some() || self.document(&annotation.doc).is_none() {
            return false;
        }
        let deleted = self
            .tombstones
            .iter()
            .find(|t| t.id == annotation.id)
            .map_or(i64::MIN, |t| t.deleted);
        self.tombstones.retain(|t| t.id != annotation.id);
        let modified = now.max(annotation.modified).max(deleted.saturating_add(1));
        self.touch_annotation(&annotation.id);
        self.touch(Touched::Tombstone(annotation.id.clone()));
        self.push_claim(Annotation {
            modified,
            ..annotation
        });
        true
    }
}
