//! Finding claims again across the library: words of quotes, notes and sources, and filters
//! on verdict, rating, note, evidence, suggestion and status. The text is folded once per
//! change of the library ([`Index::new`]); each keystroke is then a scan of folded strings
//! (3,000 articles and 60,000 claims: see `cargo bench --bench search`).

use super::annotation::{Annotation, Status, Verdict};
use super::document::truncate_words;
use super::library::Library;
use super::text::fold_case;

/// Which ratings a search keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RatingFilter {
    #[default]
    Any,
    Unrated,
    /// Rated, any label.
    Rated,
    Is(String),
}

/// Which placements a search keeps (as last worked out: a moved claim awaits confirmation, a
/// claim not found has lost its words).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    Any,
    Moved,
    NotFound,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words that must all appear (case-folded) in the quote, note, source, the name of who
    /// marked the claim, or the article title.
    pub text: String,
    pub verdict: Option<Verdict>,
    pub rating: RatingFilter,
    pub has_note: bool,
    pub has_evidence: bool,
    /// `Some(true)`: began as a suggestion; `Some(false)`: marked by hand.
    pub suggested: Option<bool>,
    pub status: StatusFilter,
}

impl Query {
    /// Whether the query asks for anything (an empty one lists nothing).
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }
}

/// A claim found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub doc: String,
    pub title: String,
    pub annotation: String,
    /// The quote, cut to a few words.
    pub quote: String,
    pub verdict: Verdict,
    pub rating: String,
}

struct Entry {
    doc: usize,
    annotation: usize,
    /// Quote, note, source, who marked it and title, folded, with a line between.
    folded: String,
}

/// The library's claims, folded for search.
pub struct Index {
    entries: Vec<Entry>,
}

impl Index {
    pub fn new(library: &Library) -> Index {
        let docs = library.documents();
        let all = library.all_annotations();
        let place = crate::domain::order::Lookup::new(docs.iter().map(|d| d.id.as_str()));
        let mut entries = Vec::with_capacity(all.len());
        for (i, a) in all.iter().enumerate() {
            let Some(d) = place.get(&a.doc) else {
                continue;
            };
            let mut text = String::with_capacity(a.exact.len() + a.note.len() + 64);
            for part in [&a.exact, &a.note, &a.source, &a.creator, &docs[d].title] {
                text.push_str(part);
                text.push('\n');
            }
            entries.push(Entry {
                doc: d,
                annotation: i,
                folded: fold_case(&text),
            });
        }
        // Article by article in library order, each article's claims in text order.
        // (The domain's one small sort: a sort of the standard library adds kilobytes.)
        super::order::sort_by(&mut entries, &|a, b| {
            (a.doc, all[a.annotation].start, a.annotation).cmp(&(
                b.doc,
                all[b.annotation].start,
                b.annotation,
            ))
        });
        Index { entries }
    }

    /// The claims that match, at most `limit` of them, and how many match in all.
    pub fn search(&self, library: &Library, q: &Query, limit: usize) -> (Vec<Hit>, usize) {
        if q.is_empty() {
            return (Vec::new(), 0);
        }
        let words: Vec<String> = fold_case(&q.text)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let docs = library.documents();
        let all = library.all_annotations();
        let mut hits = Vec::new();
        let mut total = 0;
        for e in &self.entries {
            let a = &all[e.annotation];
            if !keeps(q, a) || !words.iter().all(|w| e.folded.contains(w.as_str())) {
                continue;
            }
            total += 1;
            if hits.len() < limit {
                hits.push(Hit {
                    doc: a.doc.clone(),
                    title: docs[e.doc].title.clone(),
                    annotation: a.id.clone(),
                    quote: truncate_words(&a.exact, 90),
                    verdict: a.verdict,
                    rating: a.rating.clone(),
                });
            }
        }
        (hits, total)
    }
}

fn keeps(q: &Query, a: &Annotation) -> bool {
    q.verdict.is_none_or(|v| a.verdict == v)
        && match &q.rating {
            RatingFilter::Any => true,
            RatingFilter::Unrated => a.rating.is_empty(),
            RatingFilter::Rated => !a.rating.is_empty(),
            RatingFilter::Is(r) => a.rating.eq_ignore_ascii_case(r),
        }
        && (!q.has_note || !a.note.trim().is_empty())
        && (!q.has_evidence || !a.evidence.trim().is_empty())
        && q.suggested.is_none_or(|s| a.suggested == s)
        && match q.status {
            StatusFilter::Any => true,
            StatusFilter::Moved => a.status == Status::Moved,
            StatusFilter::NotFound => a.status == Status::Orphan,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::seed_documents;

    fn library() -> Library {
        let mut l = Library::new(seed_documents());
        let d0 = l.documents()[0].id.clone();
        let d4 = l.documents()[4].id.clone();
        l.annotate(&d0, (0, 19), Verdict::Sourced, "a".into(), 1)
            .unwrap();
        l.set_note("a", "Crowds in BAGHDAD, see AFP", 2);
        l.set_rating("a", "Mostly true", 3);
        l.annotate(&d0, (20, 40), Verdict::Unsourced, "b".into(), 4)
            .unwrap();
        l.set_evidence("b", "https://example.org", 5);
        l.accept(
            None,
            &d4,
            (0, 30),
            Verdict::Sourced,
            Some("Pentagon"),
            "c".into(),
            6,
        )
        .unwrap();
        l
    }

    fn ids(l: &Library, q: &Query) -> Vec<String> {
        let (hits, total) = Index::new(l).search(l, q, 100);
        assert_eq!(hits.len(), total);
        hits.into_iter().map(|h| h.annotation).collect()
    }

    #[test]
    fn words_are_found_case_folded_in_quotes_notes_sources_and_titles() {
        let l = library();
        let q = |t: &str| Query {
            text: t.into(),
            ..Query::default()
        };
        assert_eq!(ids(&l, &q("baghdad afp")), vec!["a"]);
        assert!(
            ids(&l, &q("THOUSANDS")).contains(&"a".to_owned()),
            "the quote"
        );
        assert_eq!(ids(&l, &q("pentagon")), vec!["c"], "the source");
        // Who marked it: a team's checker finds their own claims, or a colleague's.
        let mut team = library();
        team.set_person("Ana Reyes");
        let d1 = team.documents()[1].id.clone();
        team.annotate(&d1, (0, 10), Verdict::Sourced, "d".into(), 7)
            .unwrap();
        assert_eq!(ids(&team, &q("reyes")), vec!["d"]);
        assert_eq!(ids(&team, &q("ana reyes")), vec!["d"]);
        assert_eq!(ids(&l, &q("nothing like this")), Vec::<String>::new());
        assert!(
            ids(&l, &Query::default()).is_empty(),
            "an empty query lists nothing"
        );
        let title_word = l.documents()[0]
            .title
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned();
        assert!(ids(&l, &q(&title_word)).len() >= 2, "the article's title");
    }

    #[test]
    fn filters_narrow_down() {
        let l = library();
        let only = |q: Query| ids(&l, &q);
        assert_eq!(
            only(Query {
                verdict: Some(Verdict::Unsourced),
                ..Query::default()
            }),
            vec!["b"]
        );
        assert_eq!(
            only(Query {
                rating: RatingFilter::Rated,
                ..Query::default()
            }),
            vec!["a"]
        );
        assert_eq!(
            only(Query {
                rating: RatingFilter::Is("mostly TRUE".into()),
                ..Query::default()
            }),
            vec!["a"]
        );
        assert_eq!(
            only(Query {
                rating: RatingFilter::Unrated,
                verdict: Some(Verdict::Sourced),
                ..Query::default()
            }),
            vec!["c"]
        );
        assert_eq!(
            only(Query {
                has_note: true,
                ..Query::default()
            }),
            vec!["a"]
        );
        assert_eq!(
            only(Query {
                has_evidence: true,
                ..Query::default()
            }),
            vec!["b"]
        );
        assert_eq!(
            only(Query {
                suggested: Some(true),
                ..Query::default()
            }),
            vec!["c"]
        );
        assert_eq!(
            only(Query {
                suggested: Some(false),
                ..Query::default()
            }),
            vec!["a", "b"]
        );
        assert!(only(Query {
            status: StatusFilter::NotFound,
            ..Query::default()
        })
        .is_empty());
        let (hits, total) = Index::new(&l).search(
            &l,
            &Query {
                suggested: Some(false),
                ..Query::default()
            },
            1,
        );
        assert_eq!((hits.len(), total), (1, 2), "a limit, and the count of all");
    }
}
