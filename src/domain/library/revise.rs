//! Replacing an article's text: every claim found again (kept, moved to confirm, or orphan),
//! and a person's decisions on moved and orphaned claims.

use super::{AnnotateError, Library, Touched};
use crate::domain::anchor::{quote_at, Anchorer};
use crate::domain::annotation::{Annotation, Status};
use crate::domain::document::Origin;
use crate::domain::text::{trim_range, IndexedText};

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
    /// What the user should know of claims that did not stay in place, as sentences.
    pub fn sentences(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.to_confirm > 0 {
            out.push(format!("{} moved (please confirm).", self.to_confirm));
        }
        if self.orphaned > 0 {
            out.push(format!(
                "{} not found in the text (kept, listed under the article).",
                self.orphaned
            ));
        }
        out
    }

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

impl Library {
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
        let text = crate::domain::text::normalize_newlines(raw);
        if text.trim().is_empty() {
            return Err(ReplaceError::Empty);
        }
        doc.text = text;
        doc.text_hash.clear();
        doc.revised = now.max(doc.revised.saturating_add(1));
        let indexed = IndexedText::new(doc.text.as_str());
        let anchorer = Anchorer::new(indexed.as_str());
        let mut report = ReanchorReport::default();
        let mut changed = vec![Touched::Document(doc_id.to_owned())];
        for a in self.annotations.iter_mut().filter(|a| a.doc == doc_id) {
            if reanchor(a, &anchorer, &indexed, &mut report) {
                a.modified = now.max(a.modified.saturating_add(1));
                changed.push(Touched::Annotation(a.id.clone()));
            }
        }
        for t in changed {
            self.touch(t);
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
}

/// Makes a claim an orphan: it keeps its words, and has no place in the text.
fn orphan(a: &mut Annotation) {
    a.status = Status::Orphan;
    a.start = 0;
    a.end = 0;
}

/// Re-anchors one claim in a changed text (see [`Library::replace_text`]); counts the outcome
/// in `report` and says whether the claim changed. Timestamps are the caller's business.
pub fn reanchor(
    a: &mut Annotation,
    anchorer: &Anchorer,
    text: &IndexedText,
    report: &mut ReanchorReport,
) -> bool {
    let before = a.clone();
    // An orphan is looked for too: the new text may have its words back.
    let quote = if a.status == Status::Moved && !a.was.is_empty() {
        crate::domain::anchor::Quote {
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
