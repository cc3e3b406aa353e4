//! The library: documents and their annotations, and every rule for changing them.
//!
//! A plain type with methods (as in Leptos' todomvc example): the UI holds it in one signal,
//! calls these methods, and one effect persists the result.

use super::anchor::quote_at;
use super::anchor::Anchorer;
use super::annotation::{Annotation, Dismissal, Status, Tombstone, Verdict};
use super::document::{Document, Origin};
use super::order;
use super::text::{trim_range, IndexedText};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    /// Seeds first, then the user's documents in the order they were added.
    docs: Vec<Document>,
    annotations: Vec<Annotation>,
    tombstones: Vec<Tombstone>,
    dismissed: Vec<Dismissal>,
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

/// An annotation and where it currently sits in its document's text (`None`: its quote is no
/// longer in the text, an orphan, shown in the list but not highlighted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed<'a> {
    pub annotation: &'a Annotation,
    pub span: Option<(usize, usize)>,
}

/// What merging in annotations from another tab or a file did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The local copy was newer and was kept.
    pub kept_local: usize,
    /// Deleted here after the incoming copy was last changed, so it stays deleted.
    pub stayed_deleted: usize,
    pub documents_added: usize,
    /// Documents whose text a newer revision replaced.
    pub documents_revised: usize,
}

/// What replacing a document's text did to its claims.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// Found at their place or moved with their words and context intact.
    pub kept: usize,
    /// Found with changed words or context: shown as "moved, please confirm".
    pub to_confirm: usize,
    /// Not found in the new text: kept as orphans.
    pub orphaned: usize,
}

impl ReanchorReport {
    pub fn summary(&self, title: &str) -> String {
        format!(
            "Replaced the text of “{title}”: {} claims in place, {} moved (please confirm), {} not found in the new text.",
            self.kept, self.to_confirm, self.orphaned
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplaceError {
    UnknownDocument,
    /// Seed texts ship with the app; add the corrected text as a new article instead.
    Seed,
    Empty,
}

impl std::fmt::Display for ReplaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReplaceError::UnknownDocument => "That article is no longer in the library.",
            ReplaceError::Seed => {
                "The sample articles cannot be replaced: add the corrected text as a new article."
            }
            ReplaceError::Empty => "The new text is empty: nothing was replaced.",
        })
    }
}

impl MergeReport {
    /// One sentence for the user about loading `file`.
    pub fn summary(&self, file: &str) -> String {
        let mut parts = vec![
            format!("{} new", self.added),
            format!("{} updated", self.updated),
            format!("{} already here", self.unchanged),
        ];
        if self.kept_local > 0 {
            parts.push(format!("{} kept as edited here (newer)", self.kept_local));
        }
        if self.stayed_deleted > 0 {
            parts.push(format!(
                "{} left deleted (deleted here later)",
                self.stayed_deleted
            ));
        }
        let mut s = format!("Loaded {file}: claims {}.", parts.join(", "));
        match self.documents_added {
            0 => {}
            1 => s.push_str(" 1 article added to the library."),
            n => s.push_str(&format!(" {n} articles added to the library.")),
        }
        s
    }
}

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

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }

    pub fn annotation(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
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

    /// Remembers that the user dismissed the suggestion of `exact` in `doc`.
    pub fn dismiss(&mut self, doc: &str, exact: &str, now: i64) {
        self.set_dismissed(doc, exact, now, false);
    }

    /// Undoes a dismissal: the claim is suggested again. `false` if it was not dismissed.
    pub fn undismiss(&mut self, doc: &str, exact: &str, now: i64) -> bool {
        self.is_dismissed(doc, exact) && self.set_dismissed(doc, exact, now, true)
    }

    /// Records a dismissal or its undoing, later than any record of it so far.
    fn set_dismissed(&mut self, doc: &str, exact: &str, now: i64, undone: bool) -> bool {
        let found = self
            .dismissed
            .iter_mut()
            .find(|d| d.doc == doc && d.exact == exact);
        match found {
            Some(d) if d.undone == undone => false,
            Some(d) => {
                d.at = now.max(d.at.saturating_add(1));
                d.undone = undone;
                true
            }
            None => {
                self.dismissed.push(Dismissal {
                    doc: doc.to_owned(),
                    exact: exact.to_owned(),
                    at: now,
                    undone,
                });
                true
            }
        }
    }

    pub fn is_dismissed(&self, doc: &str, exact: &str) -> bool {
        self.dismissed
            .iter()
            .any(|d| d.doc == doc && d.exact == exact && !d.undone)
    }

    /// Accepts a suggestion: it becomes a claim that remembers it began as a suggestion, and
    /// the source the assistant detected.
    pub fn accept(
        &mut self,
        doc_id: &str,
        span: (usize, usize),
        verdict: Verdict,
        detected_source: Option<&str>,
        id: String,
        now: i64,
    ) -> Result<&Annotation, AnnotateError> {
        self.annotate(doc_id, span, verdict, id, now)?;
        let a = self.annotations.last_mut().expect("just added");
        a.suggested = true;
        a.detected_source = detected_source.unwrap_or_default().to_owned();
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
    pub fn add_document(&mut self, doc: Document) -> AddOutcome {
        if let Some(existing) = self.docs.iter().find(|d| d.text == doc.text) {
            return AddOutcome::AlreadyPresent(existing.id.clone());
        }
        let id = doc.id.clone();
        self.docs.push(doc);
        self.sort_documents();
        AddOutcome::Added(id)
    }

    /// Marks `[start, end)` (code points, trimmed of outer white space) of a document.
    pub fn annotate(
        &mut self,
        doc_id: &str,
        (start, end): (usize, usize),
        verdict: Verdict,
        id: String,
        now: i64,
    ) -> Result<&Annotation, AnnotateError> {
        let doc = self
            .document(doc_id)
            .ok_or(AnnotateError::UnknownDocument)?;
        let text = IndexedText::new(doc.text.as_str());
        let (start, end) = trim_range(&text, start, end).ok_or(AnnotateError::Empty)?;
        let q = quote_at(&text, start, end);
        self.annotations.push(Annotation {
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
        });
        Ok(self.annotations.last().expect("just pushed"))
    }

    /// Changes an annotation and stamps it modified; `false` if there is no such annotation or
    /// the change changes nothing.
    fn update(&mut self, id: &str, now: i64, change: impl FnOnce(&mut Annotation)) -> bool {
        let Some(a) = self.annotations.iter_mut().find(|a| a.id == id) else {
            return false;
        };
        let before = a.clone();
        change(a);
        if *a == before {
            return false;
        }
        a.modified = now.max(before.modified.saturating_add(1));
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

    pub fn delete(&mut self, id: &str, now: i64) -> bool {
        let Some(i) = self.annotations.iter().position(|a| a.id == id) else {
            return false;
        };
        let gone = self.annotations.remove(i);
        self.tombstones.retain(|t| t.id != id);
        self.tombstones.push(Tombstone {
            id: id.to_owned(),
            deleted: now.max(gone.modified),
        });
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
        self.annotations.push(Annotation {
            modified,
            ..annotation
        });
        true
    }

    /// A document's annotations in text order (by start, longer first on ties).
    pub fn annotations_of(&self, doc_id: &str) -> Vec<&Annotation> {
        let mut v: Vec<&Annotation> = self
            .annotations
            .iter()
            .filter(|a| a.doc == doc_id)
            .collect();
        let key = |a: &Annotation| (a.start, std::cmp::Reverse(a.end), a.created);
        order::sort_by(&mut v, &|a, b| {
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        v
    }

    pub fn counts(&self, doc_id: &str) -> Counts {
        let mut c = Counts::default();
        for a in self.annotations.iter().filter(|a| a.doc == doc_id) {
            match a.verdict {
                Verdict::Sourced => c.sourced += 1,
                Verdict::Unsourced => c.unsourced += 1,
            }
        }
        c
    }

    /// A document's annotations in text order, each with where its quote sits in the text now.
    pub fn placed<'a>(&'a self, doc: &Document, text: &IndexedText) -> Vec<Placed<'a>> {
        // Called on every change of the library: the usual case (the stored position still
        // holds the quote) costs a slice comparison; the text is indexed for search at most
        // once, and only if some claim needs it.
        let anchorer: std::cell::OnceCell<Anchorer> = std::cell::OnceCell::new();
        let mut out: Vec<Placed<'a>> = self
            .annotations_of(&doc.id)
            .into_iter()
            .map(|a| {
                let span = if a.status == Status::Orphan {
                    None
                } else if a.start < a.end
                    && a.end <= text.len()
                    && text.slice(a.start, a.end) == a.exact
                {
                    Some((a.start, a.end))
                } else {
                    anchorer
                        .get_or_init(|| Anchorer::new(text.as_str()))
                        .anchor(&a.quote(), Some((a.start, a.end)))
                        .map(|found| (found.start, found.end))
                };
                Placed {
                    annotation: a,
                    span,
                }
            })
            .collect();
        let key = |p: &Placed| {
            let (s, e) = p.span.unwrap_or((usize::MAX, usize::MAX));
            (s, std::cmp::Reverse(e), p.annotation.created)
        };
        order::sort_by(&mut out, &|a, b| {
            key(a)
                .cmp(&key(b))
                .then_with(|| a.annotation.id.cmp(&b.annotation.id))
        });
        out
    }

    /// Replaces a user document's text and re-anchors every claim on it: claims found with
    /// their words and context intact follow their quote; claims found with changes become
    /// "moved, please confirm"; claims not found become orphans. Nothing is dropped.
    pub fn replace_text(
        &mut self,
        doc_id: &str,
        raw: &str,
        now: i64,
    ) -> Result<ReanchorReport, ReplaceError> {
        let doc = self
            .docs
            .iter_mut()
            .find(|d| d.id == doc_id)
            .ok_or(ReplaceError::UnknownDocument)?;
        if doc.origin == Origin::Seed {
            return Err(ReplaceError::Seed);
        }
        let text = super::text::normalize_newlines(raw);
        if text.trim().is_empty() {
            return Err(ReplaceError::Empty);
        }
        doc.text = text;
        doc.revised = now.max(doc.revised.saturating_add(1));
        let indexed = IndexedText::new(doc.text.as_str());
        let anchorer = Anchorer::new(indexed.as_str());
        let mut report = ReanchorReport::default();
        for a in self.annotations.iter_mut().filter(|a| a.doc == doc_id) {
            if reanchor(a, &anchorer, &indexed, &mut report) {
                a.modified = now.max(a.modified.saturating_add(1));
            }
        }
        Ok(report)
    }

    /// Accepts a moved claim where it was found.
    pub fn confirm(&mut self, id: &str, now: i64) -> bool {
        self.update(id, now, |a| {
            if a.status == Status::Moved {
                a.status = Status::Anchored;
                a.was.clear();
            }
        })
    }

    /// Refuses a moved claim's new place: it becomes an orphan with its old words.
    pub fn reject(&mut self, id: &str, now: i64) -> bool {
        self.update(id, now, |a| {
            if a.status == Status::Moved {
                a.exact = std::mem::take(&mut a.was);
                orphan(a);
            }
        })
    }

    /// Attaches a claim (typically an orphan) to new text of its document.
    pub fn reattach(
        &mut self,
        id: &str,
        span: (usize, usize),
        now: i64,
    ) -> Result<(), AnnotateError> {
        let doc_id = self
            .annotation(id)
            .map(|a| a.doc.clone())
            .ok_or(AnnotateError::UnknownDocument)?;
        let doc = self
            .document(&doc_id)
            .ok_or(AnnotateError::UnknownDocument)?;
        let text = IndexedText::new(doc.text.as_str());
        let (start, end) = trim_range(&text, span.0, span.1).ok_or(AnnotateError::Empty)?;
        let q = quote_at(&text, start, end);
        self.update(id, now, |a| {
            a.start = start;
            a.end = end;
            a.exact = q.exact;
            a.prefix = q.prefix;
            a.suffix = q.suffix;
            a.status = Status::Anchored;
            a.was.clear();
        });
        Ok(())
    }

    /// Merges contents from another tab or an imported file: each annotation by id, the newer
    /// `modified` wins; deletions win over copies not changed since; documents are added when
    /// new. Seeds are never replaced.
    pub fn merge(&mut self, incoming: Contents) -> MergeReport {
        let mut report = MergeReport::default();
        for doc in incoming.documents {
            if let Some(local) = self
                .docs
                .iter_mut()
                .find(|d| d.id == doc.id && d.origin == Origin::User)
            {
                // A newer revision of the text (replaced in another tab) wins.
                if doc.revised > local.revised {
                    *local = Document {
                        origin: Origin::User,
                        ..doc
                    };
                    report.documents_revised += 1;
                }
                continue;
            }
            if self.document(&doc.id).is_none() {
                self.docs.push(Document {
                    origin: Origin::User,
                    ..doc
                });
                report.documents_added += 1;
            }
        }
        if report.documents_added > 0 {
            self.sort_documents();
        }
        // Indexed by id: a library holds thousands of claims, and every save merges.
        let mut tombstone_at = index_by_id(self.tombstones.iter().map(|t| t.id.as_str()));
        for t in incoming.tombstones {
            match tombstone_at.get(&t.id) {
                Some(&i) => {
                    let x = &mut self.tombstones[i];
                    x.deleted = x.deleted.max(t.deleted);
                }
                None => {
                    tombstone_at.insert(t.id.clone(), self.tombstones.len());
                    self.tombstones.push(t);
                }
            }
        }
        for d in incoming.dismissed {
            let local = (self.dismissed.iter_mut()).find(|x| x.doc == d.doc && x.exact == d.exact);
            match local {
                Some(x) if d.at > x.at => *x = d,
                Some(_) => {}
                None => self.dismissed.push(d),
            }
        }
        let tombstones = &self.tombstones;
        let gone = |a: &Annotation| {
            (tombstone_at.get(a.id.as_str())).is_some_and(|&i| tombstones[i].deleted >= a.modified)
        };
        self.annotations.retain(|a| !gone(a));
        let mut at = index_by_id(self.annotations.iter().map(|a| a.id.as_str()));
        for a in incoming.annotations {
            if gone(&a) {
                report.stayed_deleted += 1;
                continue;
            }
            let Some(&i) = at.get(&a.id) else {
                at.insert(a.id.clone(), self.annotations.len());
                self.annotations.push(a);
                report.added += 1;
                continue;
            };
            let x = &mut self.annotations[i];
            if *x == a {
                report.unchanged += 1;
            } else if a.modified > x.modified {
                *x = a;
                report.updated += 1;
            } else {
                report.kept_local += 1;
            }
        }
        report
    }
}

/// Makes a claim an orphan: it keeps its words, and has no place in the text.
fn orphan(a: &mut Annotation) {
    a.status = Status::Orphan;
    a.start = 0;
    a.end = 0;
}

/// Re-anchors one claim in a changed text (see [`Library::replace_text`]); counts the outcome
/// in `report` and says whether the claim changed. Timestamps are the caller's business.
/// Where each id stands in a list. Built by inserting (not `collect`, whose sort would add a
/// second sort routine to the wasm).
fn index_by_id<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut at = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        at.insert(id.to_owned(), i);
    }
    at
}

pub fn reanchor(
    a: &mut Annotation,
    anchorer: &Anchorer,
    text: &IndexedText,
    report: &mut ReanchorReport,
) -> bool {
    let before = a.clone();
    // An orphan is looked for too: the new text may have its words back.
    let quote = if a.status == Status::Moved && !a.was.is_empty() {
        super::anchor::Quote {
            exact: a.was.clone(),
            ..a.quote()
        }
    } else {
        a.quote()
    };
    match anchorer.anchor(&quote, Some((a.start, a.end))) {
        Some(found) => {
            let q = quote_at(text, found.start, found.end);
            let old_words = quote.exact;
            a.start = found.start;
            a.end = found.end;
            a.prefix = q.prefix;
            a.suffix = q.suffix;
            if found.needs_confirmation() || a.status == Status::Moved {
                a.status = Status::Moved;
                a.was = old_words;
                report.to_confirm += 1;
            } else {
                a.status = Status::Anchored;
                a.was.clear();
                report.kept += 1;
            }
            a.exact = q.exact;
        }
        None => {
            if a.status == Status::Moved {
                a.exact = std::mem::take(&mut a.was);
            }
            orphan(a);
            report.orphaned += 1;
        }
    }
    *a != before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{document_from_text, seed_documents};
    use crate::domain::text::IndexedText;

    fn lib() -> Library {
        Library::new(seed_documents())
    }

    const SEED: &str = "000_698b5d7c01ae0af2";

    #[test]
    fn annotating_trims_white_space_and_records_the_quote() {
        let mut l = lib();
        let doc = l.document(SEED).unwrap().text.clone();
        let start = doc.find("Secretary").unwrap();
        let start_cp = doc[..start].chars().count();
        let a = l
            .annotate(
                SEED,
                (start_cp - 2, start_cp + 9),
                Verdict::Sourced,
                "a1".into(),
                10,
            )
            .unwrap();
        assert_eq!(a.exact, "Secretary");
        assert_eq!(a.start, start_cp);
        assert!(a.prefix.ends_with("Organization.\n\n"), "{:?}", a.prefix);
        assert_eq!(
            l.counts(SEED),
            Counts {
                sourced: 1,
                unsourced: 0
            }
        );
    }

    #[test]
    fn blank_or_unknown_selections_are_refused() {
        let mut l = lib();
        assert_eq!(
            l.annotate("nope", (0, 5), Verdict::Sourced, "x".into(), 1)
                .unwrap_err(),
            AnnotateError::UnknownDocument
        );
        let doc = l.document(SEED).unwrap().text.clone();
        let gap = doc.find("\n\n").unwrap();
        assert_eq!(
            l.annotate(SEED, (gap, gap + 2), Verdict::Sourced, "x".into(), 1)
                .unwrap_err(),
            AnnotateError::Empty
        );
        assert!(l.all_annotations().is_empty());
    }

    #[test]
    fn edits_stamp_modified_and_no_op_edits_do_not() {
        let mut l = lib();
        l.annotate(SEED, (0, 9), Verdict::Unsourced, "a".into(), 100)
            .unwrap();
        assert!(l.set_verdict("a", Verdict::Sourced, 200));
        assert!(!l.set_verdict("a", Verdict::Sourced, 300));
        assert!(l.set_note("a", "check AFP", 150)); // clock went back: still moves forward
        assert_eq!(l.annotation("a").unwrap().modified, 201);
        assert!(l.set_evidence("a", "https://afp.com/x", 400));
        assert_eq!(l.annotation("a").unwrap().evidence, "https://afp.com/x");
        assert!(!l.set_note("missing", "x", 1));
    }

    #[test]
    fn annotations_come_in_text_order_with_counts() {
        let mut l = lib();
        l.annotate(SEED, (50, 60), Verdict::Unsourced, "b".into(), 1)
            .unwrap();
        l.annotate(SEED, (0, 9), Verdict::Sourced, "a".into(), 2)
            .unwrap();
        l.annotate(SEED, (0, 30), Verdict::Unsourced, "c".into(), 3)
            .unwrap();
        let ids: Vec<&str> = l
            .annotations_of(SEED)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, vec!["c", "a", "b"]);
        assert_eq!(
            l.counts(SEED),
            Counts {
                sourced: 1,
                unsourced: 2
            }
        );
        assert_eq!(l.counts("001_be9dfdd43b673a4c"), Counts::default());
    }

    #[test]
    fn identical_text_is_not_added_twice() {
        let mut l = lib();
        let d = document_from_text("u1".into(), "Some text here.", None, Origin::User, 1);
        assert_eq!(l.add_document(d.clone()), AddOutcome::Added("u1".into()));
        let again = Document {
            id: "u2".into(),
            ..d
        };
        assert_eq!(
            l.add_document(again),
            AddOutcome::AlreadyPresent("u1".into())
        );
        assert_eq!(l.contents().documents.len(), 1);
    }

    #[test]
    fn merge_keeps_the_newer_copy_and_respects_deletions() {
        let mut a = lib();
        a.annotate(SEED, (0, 9), Verdict::Sourced, "x".into(), 10)
            .unwrap();
        a.annotate(SEED, (10, 20), Verdict::Sourced, "y".into(), 10)
            .unwrap();
        let mut b = Library::with_contents(seed_documents(), a.contents());
        // Tab B edits x later; tab A deletes y.
        b.set_note("x", "newer", 20);
        a.delete("y", 30);
        let report = a.merge(b.contents());
        assert_eq!(report.updated, 1);
        assert_eq!(report.stayed_deleted, 1);
        assert_eq!(a.annotation("x").unwrap().note, "newer");
        assert!(a.annotation("y").is_none());
        // And B learns of the deletion.
        b.merge(a.contents());
        assert!(b.annotation("y").is_none());
        assert_eq!(b.annotation("x").unwrap().note, "newer");
        // An older copy never overwrites a newer one.
        let mut old = b.contents();
        old.annotations[0].note = "older".into();
        old.annotations[0].modified = 5;
        assert_eq!(b.merge(old).kept_local, 1);
        assert_eq!(b.annotation("x").unwrap().note, "newer");
    }

    fn user_lib() -> Library {
        let mut l = lib();
        l.add_document(document_from_text(
            "u".into(),
            "Intro line.\n\nThe minister said prices fell 3% in May. Critics disagree strongly with that.",
            None,
            Origin::User,
            1,
        ));
        let text = l.document("u").unwrap().text.clone();
        let cp = |s: &str| {
            let b = text.find(s).unwrap();
            let st = text[..b].chars().count();
            (st, st + s.chars().count())
        };
        let spans = [
            (
                "m",
                "The minister said prices fell 3% in May.",
                Verdict::Sourced,
            ),
            ("c", "Critics disagree strongly", Verdict::Unsourced),
            ("i", "Intro line.", Verdict::Unsourced),
        ];
        for (id, s, v) in spans {
            l.annotate("u", cp(s), v, id.into(), 10).unwrap();
        }
        l
    }

    #[test]
    fn replacing_a_text_moves_flags_and_orphans_but_never_drops() {
        let mut l = user_lib();
        let report = l
            .replace_text(
                "u",
                "A new first paragraph.\r\n\r\nThe minister said prices fell 4% in May. Critics disagree strongly with that.",
                100,
            )
            .unwrap();
        assert_eq!(
            report,
            ReanchorReport {
                kept: 1,
                to_confirm: 1,
                orphaned: 1
            }
        );
        let doc = l.document("u").unwrap().clone();
        assert!(
            doc.text.starts_with("A new first paragraph.\n\n"),
            "newlines normalised"
        );
        assert_eq!(doc.revised, 100);
        let text = IndexedText::new(doc.text.as_str());
        let c = l.annotation("c").unwrap();
        assert_eq!(
            (c.status, text.slice(c.start, c.end)),
            (Status::Anchored, "Critics disagree strongly")
        );
        assert_eq!(
            c.modified, 100,
            "moved claims are stamped so other tabs take them"
        );
        let m = l.annotation("m").unwrap();
        assert_eq!(m.status, Status::Moved);
        assert_eq!(m.exact, "The minister said prices fell 4% in May.");
        assert_eq!(m.was, "The minister said prices fell 3% in May.");
        assert_eq!(text.slice(m.start, m.end), m.exact);
        let i = l.annotation("i").unwrap();
        assert_eq!(
            (i.status, i.exact.as_str()),
            (Status::Orphan, "Intro line.")
        );
        assert_eq!(l.all_annotations().len(), 3);
        // The orphan is listed but not placed.
        let placed = l.placed(&doc, &text);
        assert_eq!(placed.iter().filter(|p| p.span.is_none()).count(), 1);
        assert!(report.summary("T").contains("1 moved (please confirm)"));
    }

    #[test]
    fn confirm_reject_and_reattach() {
        let new_text = "The minister said prices fell 4% in May. Critics disagree strongly.";
        let mut l = user_lib();
        l.replace_text("u", new_text, 100).unwrap();
        assert!(l.confirm("m", 101));
        let m = l.annotation("m").unwrap();
        assert_eq!((m.status, m.was.as_str()), (Status::Anchored, ""));
        assert!(!l.confirm("m", 102), "confirming twice changes nothing");

        let mut r = user_lib();
        r.replace_text("u", new_text, 100).unwrap();
        assert!(r.reject("m", 101));
        let m = r.annotation("m").unwrap();
        assert_eq!(
            (m.status, m.exact.as_str()),
            (Status::Orphan, "The minister said prices fell 3% in May.")
        );
        // Re-attach the orphan to a selection (outer white space trimmed).
        r.reattach("m", (0, 41), 102).unwrap();
        let m = r.annotation("m").unwrap();
        assert_eq!(
            (m.status, m.exact.as_str(), m.modified),
            (
                Status::Anchored,
                "The minister said prices fell 4% in May.",
                102
            )
        );
        assert_eq!(r.reattach("m", (40, 41), 103), Err(AnnotateError::Empty));
        assert_eq!(
            r.reattach("nope", (0, 3), 103),
            Err(AnnotateError::UnknownDocument)
        );
    }

    #[test]
    fn seeds_and_empty_texts_are_not_replaced() {
        let mut l = user_lib();
        assert_eq!(l.replace_text(SEED, "x", 1), Err(ReplaceError::Seed));
        assert_eq!(l.replace_text("u", " \n ", 1), Err(ReplaceError::Empty));
        assert_eq!(
            l.replace_text("zz", "x", 1),
            Err(ReplaceError::UnknownDocument)
        );
    }

    #[test]
    fn a_newer_revision_of_a_text_wins_in_a_merge() {
        let mut a = user_lib();
        let mut b = Library::with_contents(seed_documents(), a.contents());
        a.replace_text(
            "u",
            "Rewritten. The minister said prices fell 3% in May.",
            50,
        )
        .unwrap();
        let r = b.merge(a.contents());
        assert_eq!(r.documents_revised, 1);
        assert_eq!(b.document("u").unwrap().text, a.document("u").unwrap().text);
        assert_eq!(b.annotation("i").unwrap().status, Status::Orphan);
        // An older revision does not win back.
        let old = user_lib();
        assert_eq!(b.merge(old.contents()).documents_revised, 0);
        assert!(b.document("u").unwrap().text.starts_with("Rewritten."));
    }

    #[test]
    fn merge_summary_names_every_outcome() {
        let r = MergeReport {
            added: 2,
            updated: 1,
            unchanged: 3,
            kept_local: 1,
            stayed_deleted: 0,
            documents_added: 1,
            documents_revised: 0,
        };
        assert_eq!(
            r.summary("x.json"),
            "Loaded x.json: claims 2 new, 1 updated, 3 already here, 1 kept as edited here (newer). 1 article added to the library."
        );
    }

    #[test]
    fn an_edit_after_a_deletion_brings_the_annotation_back() {
        let mut a = lib();
        a.annotate(SEED, (0, 9), Verdict::Sourced, "x".into(), 10)
            .unwrap();
        let mut b = Library::with_contents(seed_documents(), a.contents());
        a.delete("x", 20);
        b.set_note("x", "still wanted", 30);
        a.merge(b.contents());
        assert_eq!(a.annotation("x").unwrap().note, "still wanted");
    }

    #[test]
    fn a_restored_claim_outlives_its_deletion_everywhere() {
        let mut a = lib();
        let x = a
            .annotate(SEED, (0, 9), Verdict::Sourced, "x".into(), 10)
            .unwrap()
            .clone();
        a.delete("x", 20);
        // Another tab saw the deletion.
        let other = Library::with_contents(seed_documents(), a.contents());
        // Undone within the same millisecond: still later than the deletion.
        assert!(a.restore(x.clone(), 20));
        assert!(!a.restore(x.clone(), 21), "already back");
        let back = a.annotation("x").unwrap().clone();
        assert_eq!(
            (back.exact.as_str(), back.start, back.verdict),
            ("Thousands", 0, Verdict::Sourced)
        );
        assert!(back.modified > 20);
        a.merge(other.contents());
        assert!(
            a.annotation("x").is_some(),
            "the older deletion does not win"
        );
        let mut other = other;
        other.merge(a.contents());
        assert!(
            other.annotation("x").is_some(),
            "the other tab gets it back"
        );
        let gone = Annotation {
            doc: "no such article".into(),
            id: "y".into(),
            ..x
        };
        assert!(!a.restore(gone, 30));
    }

    #[test]
    fn an_undone_dismissal_stays_undone_in_every_tab() {
        let mut a = lib();
        a.dismiss(SEED, "Some words.", 10);
        assert!(a.is_dismissed(SEED, "Some words."));
        // Another tab saw the dismissal.
        let mut other = Library::with_contents(seed_documents(), a.contents());
        // Undone within the same millisecond: still later than the dismissal.
        assert!(a.undismiss(SEED, "Some words.", 10));
        assert!(
            !a.undismiss(SEED, "Some words.", 11),
            "not dismissed any more"
        );
        assert!(!a.is_dismissed(SEED, "Some words."));
        a.merge(other.contents());
        assert!(
            !a.is_dismissed(SEED, "Some words."),
            "the older dismissal does not win"
        );
        other.merge(a.contents());
        assert!(
            !other.is_dismissed(SEED, "Some words."),
            "the other tab learns of the undo"
        );
        // Dismissed again later: that wins in turn.
        other.dismiss(SEED, "Some words.", 30);
        a.merge(other.contents());
        assert!(a.is_dismissed(SEED, "Some words."));
        assert!(!a.undismiss(SEED, "Never dismissed.", 40));
    }

    #[test]
    fn placed_finds_moved_quotes_and_lists_orphans_last() {
        let mut l = lib();
        let d = document_from_text("u".into(), "alpha beta gamma", None, Origin::User, 1);
        l.add_document(d);
        l.annotate("u", (6, 10), Verdict::Sourced, "beta".into(), 1)
            .unwrap();
        l.annotate("u", (0, 5), Verdict::Sourced, "alpha".into(), 1)
            .unwrap();
        let doc = l.document("u").unwrap().clone();
        let changed = IndexedText::new("beta alpha");
        let placed = l.placed(&doc, &changed);
        assert_eq!(placed[0].annotation.id, "beta");
        assert_eq!(placed[0].span, Some((0, 4)));
        assert_eq!(placed[1].span, Some((5, 10)));
        let gone = IndexedText::new("nothing");
        assert!(l.placed(&doc, &gone).iter().all(|p| p.span.is_none()));
    }
}
