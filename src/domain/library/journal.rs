//! Which records a change touched: every method that changes the library notes the records it
//! changed, so that saving writes those and nothing else (a library of 60,000 claims saves one
//! edited claim as one record).

use super::Library;
use crate::domain::annotation::{Annotation, Dismissal, Tombstone};
use crate::domain::document::{Document, Origin};

/// One stored record of the library: a user article, a claim, a deletion record, a dismissal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Touched {
    Document(String),
    Annotation(String),
    Tombstone(String),
    /// By article and the dismissed words.
    Dismissal(String, String),
}

/// The records changed since the journal was last taken, and how many changes touched what the
/// library list shows. Not part of what a library is: two libraries with the same records are
/// equal whatever their journals say.
#[derive(Clone, Debug, Default)]
pub struct Journal {
    touched: Vec<Touched>,
    pub(super) listed: u64,
    /// Grows with every record touched (see [`Library::since`]).
    pub(super) revision: u64,
    /// The last change, if it was one of a claim ([`Library::mark`]): the revisions before and
    /// after it, and what it was.
    last: Option<(u64, u64, Since)>,
}

/// What changed in a library since one of its revisions ([`Library::since`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    Nothing,
    /// One change of the claim with this id that left its place, words, status and verdict as
    /// they were: its note, evidence link, source or rating.
    Fields(String),
    /// One change: this claim added.
    Added(String),
    /// One change: this claim deleted.
    Removed(String),
    /// Anything else: more than one change, or one of another kind.
    More,
}

impl PartialEq for Journal {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Journal {}

impl Library {
    /// Notes a changed record. Every change but a dismissal may change what the library list
    /// shows, unless the caller knows better ([`Library::touch_unlisted`]).
    pub(super) fn touch(&mut self, t: Touched) {
        if !matches!(t, Touched::Dismissal(..)) {
            self.journal.listed += 1;
        }
        self.journal.revision += 1;
        self.journal.touched.push(t);
    }

    /// Notes a claim changed in what the library list does not show (its note, not its verdict).
    pub(super) fn touch_unlisted(&mut self, id: &str) {
        self.journal.revision += 1;
        (self.journal.touched).push(Touched::Annotation(id.to_owned()));
    }

    /// Says what the change made since revision `from` was (its records touched already), for
    /// [`Library::since`].
    pub(super) fn mark(&mut self, from: u64, what: Since) {
        self.journal.last = Some((from, self.journal.revision, what));
    }

    pub(super) fn touch_annotation(&mut self, id: &str) {
        self.touch(Touched::Annotation(id.to_owned()));
    }

    /// Grows with each change that may change what the library list shows (its articles, their
    /// details, their claims' counts by verdict): a keystroke in a note leaves it as it was, so
    /// the list of 3,000 articles is not looked at again.
    pub fn listed(&self) -> u64 {
        self.journal.listed
    }

    /// Grows with each change of the library's records (not with a sample's text arriving, nor
    /// with the name of who marks): with [`Library::since`], what a view worked out from the
    /// library at one revision needs to do again at the next.
    pub fn revision(&self) -> u64 {
        self.journal.revision
    }

    /// What changed since `revision` (of this library, as [`Library::revision`] gave it): a
    /// keystroke in a note is one claim's fields, a tag one claim added, and the open
    /// article's 5,000 claims need not be placed again for them.
    pub fn since(&self, revision: u64) -> Since {
        match &self.journal.last {
            _ if self.journal.revision == revision => Since::Nothing,
            Some((from, to, what)) if (*from, *to) == (revision, self.journal.revision) => {
                what.clone()
            }
            _ => Since::More,
        }
    }

    /// Forgets the records changed so far, unsorted (a library just read from storage has
    /// nothing to write: sorting the 63,000 records of a large one to drop them cost a
    /// start-up tens of milliseconds).
    pub fn forget_journal(&mut self) {
        self.journal.touched = Vec::new();
    }

    /// The records changed since the last call, each once, in order.
    pub fn take_journal(&mut self) -> Vec<Touched> {
        let mut all = std::mem::take(&mut self.journal.touched);
        crate::domain::order::sort_by(&mut all, &|a, b| a.cmp(b));
        all.dedup();
        all
    }
}

/// A stored record of the library, as it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record<'a> {
    Document(&'a Document),
    Annotation(&'a Annotation),
    Tombstone(&'a Tombstone),
    Dismissal(&'a Dismissal),
}

impl Library {
    /// Each of `touched` (sorted, each once, as [`Library::take_journal`] gives them) as it is
    /// now (`None`: no longer there, or a sample article, which is never stored). Looks each
    /// up in turn when they are few (one edit: one pass over the claims' ids), and by one pass
    /// over everything when they are many (a merge).
    pub fn records_of<'a>(&'a self, touched: &[Touched]) -> Vec<Option<Record<'a>>> {
        if touched.len() <= 8 {
            return touched.iter().map(|t| self.record(t)).collect();
        }
        let mut found = vec![None; touched.len()];
        for (t, r) in self.records() {
            if let Ok(i) = touched.binary_search(&t) {
                found[i] = Some(r);
            }
        }
        found
    }

    fn record(&self, t: &Touched) -> Option<Record<'_>> {
        match t {
            Touched::Document(id) => (self.docs.iter())
                .find(|d| &d.id == id && d.origin == Origin::User)
                .map(Record::Document),
            Touched::Annotation(id) => self.annotation(id).map(Record::Annotation),
            Touched::Tombstone(id) => (self.tombstones.iter())
                .find(|x| &x.id == id)
                .map(Record::Tombstone),
            Touched::Dismissal(doc, exact) => (self.dismissed.iter())
                .find(|x| &x.doc == doc && &x.exact == exact)
                .map(Record::Dismissal),
        }
    }

    /// Every stored record (the sample articles are not stored).
    pub fn records(&self) -> Vec<(Touched, Record<'_>)> {
        let mut all = Vec::new();
        for d in self.docs.iter().filter(|d| d.origin == Origin::User) {
            all.push((Touched::Document(d.id.clone()), Record::Document(d)));
        }
        for a in &self.annotations {
            all.push((Touched::Annotation(a.id.clone()), Record::Annotation(a)));
        }
        for t in &self.tombstones {
            all.push((Touched::Tombstone(t.id.clone()), Record::Tombstone(t)));
        }
        for d in &self.dismissed {
            let key = Touched::Dismissal(d.doc.clone(), d.exact.clone());
            all.push((key, Record::Dismissal(d)));
        }
        all
    }
}
