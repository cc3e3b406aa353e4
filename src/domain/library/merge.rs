//! Bringing copies together (another tab's save, a loaded file, a sync server): per annotation
//! the newer `modified` wins; a deletion wins over a copy not changed since; documents by
//! revision. Two different copies changed at the same millisecond are ordered by their stored
//! form ([`wins_tie`]), so every copy of a library comes to the same result whichever it meets
//! first: a sync server's replicas would otherwise each keep their own, for ever.

use super::{Contents, Library, Touched};
use crate::domain::annotation::{Annotation, Tombstone};
use crate::domain::document::{Document, Origin};
use crate::domain::order::{winners, Lookup};

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
    /// Merges contents from another tab or an imported file: each annotation by id, the newer
    /// `modified` wins; deletions win over copies not changed since; documents are added when
    /// new. Seeds are never replaced.
    pub fn merge(&mut self, incoming: Contents) -> MergeReport {
        let mut report = MergeReport::default();
        // What changed, for the journal (noted at the end: the loops hold parts of `self`).
        let mut touched = Vec::new();
        // Indexed by id: start-up merges a library of thousands of articles (a pass over the
        // articles for each took 30 ms of 3,000). Of the same article twice in what comes in,
        // one is taken.
        // (Only when articles come: a note typed in another tab brings none, and the library's
        // thousands of articles need no index for it.)
        let mine = match incoming.documents.is_empty() {
            true => &[][..],
            false => &self.docs[..],
        };
        let doc_at = Lookup::new(mine.iter().map(|d| d.id.as_str()));
        let incoming_at = Lookup::new(incoming.documents.iter().map(|d| d.id.as_str()));
        for (k, doc) in incoming.documents.into_iter().enumerate() {
            if incoming_at.get(&doc.id) != Some(k) {
                continue;
            }
            let Some(i) = doc_at.get(&doc.id) else {
                touched.push(Touched::Document(doc.id.clone()));
                self.docs.push(Document {
                    origin: Origin::User,
                    ..doc
                });
                report.documents_added += 1;
                continue;
            };
            let local = &mut self.docs[i];
            if local.origin != Origin::User {
                // A sample article: never replaced.
                continue;
            }
            // A newer revision of the text (replaced in another tab) wins; else newer details
            // (edited by hand in another tab) do; of details edited at the same millisecond,
            // the greater (texts are not compared).
            let tie = doc.revised == local.revised
                && doc.edited == local.edited
                && details(&doc) > details(local);
            if doc.revised > local.revised || doc.edited > local.edited || tie {
                touched.push(Touched::Document(doc.id.clone()));
            }
            if doc.revised > local.revised {
                *local = Document {
                    origin: Origin::User,
                    ..doc
                };
                report.documents_revised += 1;
            } else if doc.edited > local.edited || tie {
                local.title = doc.title;
                local.url = doc.url;
                local.site = doc.site;
                local.author = doc.author;
                local.date = doc.date;
                local.edited = doc.edited;
            }
        }
        if report.documents_added > 0 {
            self.sort_documents();
        }
        // Indexed by id: a library holds thousands of claims, and every save merges.
        // Of the same record twice in what comes in, the later stands.
        let tombstones_in = winners(incoming.tombstones, &|t| &t.id, &|a, b| {
            a.deleted > b.deleted
        });
        let tombstone_at = Lookup::new(self.tombstones.iter().map(|t| t.id.as_str()));
        for t in tombstones_in {
            match tombstone_at.get(&t.id) {
                Some(i) => {
                    let x = &mut self.tombstones[i];
                    if t.deleted > x.deleted {
                        x.deleted = t.deleted;
                        touched.push(Touched::Tombstone(t.id));
                    }
                }
                None => {
                    touched.push(Touched::Tombstone(t.id.clone()));
                    self.tombstones.push(t);
                }
            }
        }
        for d in incoming.dismissed {
            let local = (self.dismissed.iter_mut()).find(|x| x.doc == d.doc && x.exact == d.exact);
            let changed = match local {
                Some(x) if d.at > x.at || (d.at == x.at && wins_tie(&d, x)) => {
                    *x = d.clone();
                    true
                }
                Some(_) => false,
                None => {
                    self.dismissed.push(d.clone());
                    true
                }
            };
            if changed {
                touched.push(Touched::Dismissal(d.doc, d.exact));
            }
        }
        // A claim changed elsewhere (a note typed in another tab) is found by the index and
        // replaced: no pass over the library's claims. Only claims that come or go (a new
        // claim, a deletion that came in) make the claims be gone over and indexed again.
        let deleted_at = Lookup::new(self.tombstones.iter().map(|t| t.id.as_str()));
        let gone = |tombstones: &[Tombstone], a: &Annotation| {
            (deleted_at.get(&a.id)).is_some_and(|i| tombstones[i].deleted >= a.modified)
        };
        let mut moved = touched.iter().any(|t| matches!(t, Touched::Tombstone(_)));
        let annotations_in = winners(incoming.annotations, &|a| &a.id, &newer);
        for a in annotations_in {
            if gone(&self.tombstones, &a) {
                report.stayed_deleted += 1;
                continue;
            }
            let Some(i) = self.position(&a.id) else {
                touched.push(Touched::Annotation(a.id.clone()));
                self.annotations.push(a);
                report.added += 1;
                moved = true;
                continue;
            };
            let x = &mut self.annotations[i];
            if *x == a {
                report.unchanged += 1;
            } else if newer(&a, x) {
                touched.push(Touched::Annotation(a.id.clone()));
                *x = a;
                report.updated += 1;
            } else {
                report.kept_local += 1;
            }
        }
        if moved {
            let tombstones = &self.tombstones;
            self.annotations.retain(|a| {
                let keep = !gone(tombstones, a);
                if !keep {
                    touched.push(Touched::Annotation(a.id.clone()));
                }
                keep
            });
            self.reindex();
        }
        for t in touched {
            self.touch(t);
        }
        report
    }
}

/// What a document's details are compared by when edited at the same millisecond.
fn details(d: &Document) -> impl PartialOrd + '_ {
    (&d.title, &d.url, &d.site, &d.author, &d.date)
}

/// Of two copies of a claim, whether `a` wins over `b`.
fn newer(a: &Annotation, b: &Annotation) -> bool {
    a.modified > b.modified || (a.modified == b.modified && wins_tie(a, b))
}

/// Of two copies of a record changed at the same millisecond, whether `a` wins: the greater
/// stored form, the same choice on every copy of the library.
fn wins_tie<T: serde::Serialize>(a: &T, b: &T) -> bool {
    let json = |v: &T| serde_json::to_string(v).unwrap_or_default();
    json(a) > json(b)
}
