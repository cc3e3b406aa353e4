//! The figures of an article's report: how many claims are sourced and unsourced, their
//! shares in whole percent, and the claims by rating.

use super::{claims_of, ClaimRow};
use crate::domain::annotation::Verdict;
use crate::domain::library::Library;

pub struct Report<'a> {
    pub rows: Vec<ClaimRow<'a>>,
    pub sourced: usize,
    pub unsourced: usize,
    /// Ratings given, in the order first seen, with how many claims have each.
    pub ratings: Vec<(String, usize)>,
}

impl Report<'_> {
    pub fn total(&self) -> usize {
        self.sourced + self.unsourced
    }

    /// `part` of the claims in whole percent, rounded so the shares of sourced and unsourced
    /// add up to 100.
    pub fn share(&self, verdict: Verdict) -> usize {
        let total = self.total();
        if total == 0 {
            return 0;
        }
        let sourced = (self.sourced * 100 + total / 2) / total;
        match verdict {
            Verdict::Sourced => sourced,
            Verdict::Unsourced => 100 - sourced,
        }
    }
}

/// The report of article `doc`.
pub fn report<'a>(library: &'a Library, doc: &str) -> Report<'a> {
    let rows = claims_of(library, Some(doc));
    let sourced = rows
        .iter()
        .filter(|r| r.annotation.verdict == Verdict::Sourced)
        .count();
    let mut ratings: Vec<(String, usize)> = Vec::new();
    for r in rows.iter().filter(|r| !r.annotation.rating.is_empty()) {
        match ratings.iter_mut().find(|(l, _)| *l == r.annotation.rating) {
            Some((_, n)) => *n += 1,
            None => ratings.push((r.annotation.rating.clone(), 1)),
        }
    }
    Report {
        unsourced: rows.len() - sourced,
        sourced,
        ratings,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::seed_documents;

    #[test]
    fn counts_shares_that_add_up_and_ratings() {
        let mut l = Library::new(seed_documents());
        let d = l.documents()[0].id.clone();
        for (i, v) in [Verdict::Sourced, Verdict::Unsourced, Verdict::Unsourced]
            .into_iter()
            .enumerate()
        {
            l.annotate(&d, (i * 30, i * 30 + 20), v, format!("c{i}"), 1)
                .unwrap();
        }
        l.set_rating("c1", "False", 2);
        l.set_rating("c2", "False", 3);
        let r = report(&l, &d);
        assert_eq!((r.sourced, r.unsourced, r.total()), (1, 2, 3));
        assert_eq!(
            (r.share(Verdict::Sourced), r.share(Verdict::Unsourced)),
            (33, 67)
        );
        assert_eq!(r.ratings, vec![("False".to_owned(), 2)]);
        assert_eq!(r.rows.len(), 3);
        let empty = report(&l, &l.documents()[1].id.clone());
        assert_eq!((empty.total(), empty.share(Verdict::Sourced)), (0, 0));
    }
}
