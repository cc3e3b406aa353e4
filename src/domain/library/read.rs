//! Reading the library: an article's claims in text order, where they sit in its text now,
//! and the counts the library list shows.

use super::index::text_order;
use super::{Counts, Library, Placed};
use crate::domain::anchor::Anchorer;
use crate::domain::annotation::{Annotation, Status};
use crate::domain::document::Document;
use crate::domain::order;
use crate::domain::text::IndexedText;

impl Library {
    /// A document's annotations in text order (by start, longer first on ties).
    pub fn annotations_of(&self, doc_id: &str) -> Vec<&Annotation> {
        let mut v: Vec<&Annotation> = (self.positions_of(doc_id).iter())
            .map(|&p| &self.annotations[p as usize])
            .collect();
        // Kept in this order by the index: sorting costs one pass unless a claim moved.
        order::sort_by(&mut v, &|a, b| text_order(a, b));
        v
    }

    pub fn counts(&self, doc_id: &str) -> Counts {
        let mut c = Counts::default();
        for &p in self.positions_of(doc_id) {
            c.add(self.annotations[p as usize].verdict);
        }
        c
    }

    /// Every document's counts, in the order of [`Library::documents`] (the library list shows
    /// them all at every change of a verdict): one pass over the claims in the order they are
    /// kept, an article looked up only where a claim's article is not the one before's (claims
    /// are mostly kept article by article). At 3,000 articles and 60,000 claims natively,
    /// looking up each claim's article took 14 ms, and going article by article through the
    /// index 16 ms.
    pub fn all_counts(&self) -> Vec<Counts> {
        let at = super::order::Lookup::new(self.docs.iter().map(|d| d.id.as_str()));
        let mut all = vec![Counts::default(); self.docs.len()];
        let mut last: Option<(&str, Option<usize>)> = None;
        for a in &self.annotations {
            let i = match last {
                Some((doc, i)) if doc == a.doc => i,
                _ => at.get(&a.doc),
            };
            last = Some((&a.doc, i));
            if let Some(i) = i {
                all[i].add(a.verdict);
            }
        }
        all
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
                let span = match a.status {
                    Status::Orphan => None,
                    _ => at_stored_place(a, text).or_else(|| {
                        anchorer
                            .get_or_init(|| Anchorer::new(text.as_str()))
                            .anchor(&a.quote(), Some((a.start, a.end)))
                            .map(|found| (found.start, found.end))
                    }),
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
}

/// Where a claim sits when its stored place still holds its quote (the usual case, found by
/// comparing one slice); `None` when it has to be looked for.
pub fn at_stored_place(a: &Annotation, text: &IndexedText) -> Option<(usize, usize)> {
    (a.start < a.end && a.end <= text.len() && text.slice(a.start, a.end) == a.exact)
        .then_some((a.start, a.end))
}
