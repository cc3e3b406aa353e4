//! Finding claims among tens of thousands: by id, and by article.

use super::Library;
use crate::domain::annotation::Annotation;
use crate::domain::document::Document;
use crate::domain::order::{sort_by, Lookup};
use std::cmp::{Ordering, Reverse};

/// Positions in the library's claims, sorted by id and by article (an article's in text
/// order, as [`text_order`]): finding one of 60,000 claims, or an article's claims, is a binary
/// search and not a pass over them all. Kept up to date as claims are added or removed one at a
/// time (a few bytes moved per claim), and worked out again after a merge. (A claim whose place
/// in the text changes keeps its place here: [`Library::annotations_of`] sorts what it reads,
/// which costs one pass when all but a few are in order.)
#[derive(Clone, Debug, Default)]
pub(super) struct Index {
    by_id: Vec<u32>,
    by_doc: Vec<u32>,
}

/// Not part of what a library is: two libraries with the same claims are equal.
impl PartialEq for Index {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Index {}

fn id(a: &Annotation) -> &str {
    &a.id
}

fn doc(a: &Annotation) -> &str {
    &a.doc
}

/// Claims of one article in the order its text has them: by start, the longer first, the older
/// first, then by id.
pub(super) fn text_order(a: &Annotation, b: &Annotation) -> Ordering {
    let key = |a: &Annotation| (a.start, Reverse(a.end), a.created);
    key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
}

/// Where in `sorted` (positions of `all` by `key`) a claim of key `k` goes.
fn slot(all: &[Annotation], sorted: &[u32], key: fn(&Annotation) -> &str, k: &str) -> usize {
    sorted.partition_point(|&p| key(&all[p as usize]) < k)
}

/// Positions of `all` sorted by `key`.
fn sorted(all: &[Annotation], key: fn(&Annotation) -> &str) -> Vec<u32> {
    let mut v: Vec<u32> = (0..all.len() as u32).collect();
    sort_by(&mut v, &|&a, &b| {
        key(&all[a as usize]).cmp(key(&all[b as usize]))
    });
    v
}

/// Positions of `all` sorted by article, in two passes: each claim's article found among the
/// articles' ids (a [`Lookup`]: thousands, where the claims are tens of thousands), then the
/// claims counted into place. Sorting 60,000 claims by comparing their articles' ids took
/// about 95 ms of a start-up. A claim of an article not in the library is sorted the plain
/// way. Each article's claims are then put in text order: every change of an open article of
/// 5,000 claims read them, and sorting them there took 1.5 ms (natively) a change.
fn by_article(all: &[Annotation], docs: &[Document]) -> Vec<u32> {
    let ids = Lookup::new(docs.iter().map(|d| d.id.as_str()));
    let ranks: Option<Vec<usize>> = all.iter().map(|a| ids.rank(&a.doc)).collect();
    let Some(ranks) = ranks else {
        // (Each article's claims still in text order.)
        let mut v: Vec<u32> = (0..all.len() as u32).collect();
        sort_by(&mut v, &|&a, &b| {
            let (a, b) = (&all[a as usize], &all[b as usize]);
            a.doc.cmp(&b.doc).then_with(|| text_order(a, b))
        });
        return v;
    };
    // Where each article's claims begin, then each claim put in its article's next place.
    let mut next = vec![0u32; ids.len() + 1];
    for &r in &ranks {
        next[r + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let mut out = vec![0u32; all.len()];
    for (p, &r) in ranks.iter().enumerate() {
        out[next[r] as usize] = p as u32;
        next[r] += 1;
    }
    // `next[r]` is now where article r's claims end.
    let mut from = 0;
    for &end in &next[..ids.len()] {
        let run = &mut out[from..end as usize];
        sort_by(run, &|&a, &b| {
            text_order(&all[a as usize], &all[b as usize])
        });
        from = end as usize;
    }
    out
}

impl Library {
    /// Works the positions out again, after claims came and went in bulk (a merge).
    pub(super) fn reindex(&mut self) {
        let all = &self.annotations;
        self.index = Index {
            by_id: sorted(all, id),
            by_doc: by_article(all, &self.docs),
        };
    }

    /// Adds a claim, and its place in the index.
    pub(super) fn push_claim(&mut self, a: Annotation) {
        let (all, ix) = (&self.annotations, &mut self.index);
        let p = all.len() as u32;
        let at = slot(all, &ix.by_id, id, &a.id);
        ix.by_id.insert(at, p);
        let first = slot(all, &ix.by_doc, doc, &a.doc);
        let run = &ix.by_doc[first..];
        let at = first
            + run.partition_point(|&q| {
                let b = &all[q as usize];
                b.doc == a.doc && text_order(b, &a) == Ordering::Less
            });
        ix.by_doc.insert(at, p);
        self.annotations.push(a);
    }

    /// Removes the claim at `i`; the claims after it move up one place.
    pub(super) fn remove_claim(&mut self, i: usize) -> Annotation {
        let i = i as u32;
        for v in [&mut self.index.by_id, &mut self.index.by_doc] {
            v.retain(|&p| p != i);
            v.iter_mut().filter(|p| **p > i).for_each(|p| *p -= 1);
        }
        self.annotations.remove(i as usize)
    }

    /// Where the claim `id` is in `annotations`.
    pub(super) fn position(&self, id: &str) -> Option<usize> {
        let (all, by_id) = (&self.annotations, &self.index.by_id);
        let i = (by_id.binary_search_by(|&p| all[p as usize].id.as_str().cmp(id))).ok()?;
        Some(by_id[i] as usize)
    }

    /// Where the claims of article `d` are in `annotations`, in no particular order.
    pub(super) fn positions_of(&self, d: &str) -> &[u32] {
        let (all, by_doc) = (&self.annotations, &self.index.by_doc);
        let start = slot(all, by_doc, doc, d);
        let len = by_doc[start..].partition_point(|&p| all[p as usize].doc == d);
        &by_doc[start..start + len]
    }
}

#[cfg(test)]
mod tests {
    use super::super::Library;
    use crate::domain::annotation::Verdict;
    use crate::domain::document::seed_documents;

    const SEED: &str = "000_698b5d7c01ae0af2";

    /// The claims of the seed article as the index holds them: (start, end, id).
    fn held(l: &Library) -> Vec<(usize, usize, String)> {
        (l.positions_of(SEED).iter())
            .map(|&p| &l.annotations[p as usize])
            .map(|a| (a.start, a.end, a.id.clone()))
            .collect()
    }

    fn in_text_order(v: &[(usize, usize, String)]) -> bool {
        let key = |x: &(usize, usize, String)| (x.0, std::cmp::Reverse(x.1), x.2.clone());
        v.windows(2).all(|w| key(&w[0]) < key(&w[1]))
    }

    #[test]
    fn an_article_s_claims_are_held_in_text_order_however_they_came() {
        let mut l = Library::new(seed_documents());
        // Tagged back to front, one inside another, and ids against the text's order.
        let spans = [
            (300, 340),
            (10, 60),
            (200, 260),
            (10, 90),
            (210, 230),
            (120, 150),
        ];
        for (i, &span) in spans.iter().enumerate() {
            let id = format!("z{}", 9 - i);
            l.annotate(SEED, span, Verdict::Sourced, id, 5).unwrap();
        }
        // Another article's claims around them change nothing.
        let other = l.documents()[1].id.clone();
        l.annotate(&other, (5, 40), Verdict::Unsourced, "a0".into(), 5)
            .unwrap();
        let now = held(&l);
        assert_eq!(now.len(), spans.len());
        assert!(in_text_order(&now), "{now:?}");
        // Worked out again (as after a merge), and after one is removed.
        l.reindex();
        assert_eq!(held(&l), now);
        let i = l.position("z7").unwrap();
        l.remove_claim(i);
        let left = held(&l);
        assert_eq!(left.len(), spans.len() - 1);
        assert!(in_text_order(&left), "{left:?}");
    }
}
