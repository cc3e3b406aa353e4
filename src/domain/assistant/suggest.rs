//! Suggestions for the reader: the assistant's claims that the user has neither marked nor
//! dismissed, and where else in the library the same claim stands.

use super::classify::{analyse, Kind, Reading};
use crate::domain::anchor::{Anchorer, Quote};
use crate::domain::annotation::Verdict;
use crate::domain::document::Document;
use crate::domain::library::Library;
use crate::domain::text::IndexedText;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// Code-point offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub exact: String,
    pub verdict: Verdict,
    pub source: Option<String>,
    pub vague: bool,
    /// The source comes from a neighbouring sentence (a quotation's tag, a lead-in).
    pub carried: bool,
    /// Check-worthiness, 0–100: the order in which the reader goes through suggestions.
    pub score: u8,
}

/// How many suggestions the reader shows: the most check-worthy `n`, or all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shown {
    Top(usize),
    #[default]
    All,
}

/// Order of review: the most check-worthy first, ties in text order (suggestions do not overlap,
/// so this is a total order and the domain's one sort, not a stable one, serves).
fn worth(s: &Suggestion) -> (std::cmp::Reverse<u8>, usize, usize) {
    (std::cmp::Reverse(s.score), s.start, s.end)
}

/// The suggestions to show: the `shown` most check-worthy (ties in text order), kept in text
/// order.
pub fn most_check_worthy(mut all: Vec<Suggestion>, shown: Shown) -> Vec<Suggestion> {
    if let Shown::Top(n) = shown {
        if n < all.len() {
            let mut by_worth: Vec<usize> = (0..all.len()).collect();
            crate::domain::order::sort_by(&mut by_worth, &|&i, &j| {
                worth(&all[i]).cmp(&worth(&all[j]))
            });
            let mut keep = vec![false; all.len()];
            for &i in &by_worth[..n] {
                keep[i] = true;
            }
            let mut k = keep.iter();
            all.retain(|_| k.next().copied().unwrap_or(false));
        }
    }
    all
}

/// The suggestion to review after `current`: the next in order of check-worthiness (ties in
/// text order), wrapping round; the most check-worthy when none is under review.
pub fn next_by_worth(
    suggestions: &[Suggestion],
    current: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let mut order: Vec<&Suggestion> = suggestions.iter().collect();
    crate::domain::order::sort_by(&mut order, &|a, b| worth(a).cmp(&worth(b)));
    let at = current.and_then(|span| order.iter().position(|s| (s.start, s.end) == span));
    let next = match at {
        Some(i) => order.get(i + 1).or_else(|| order.first()),
        None => order.first(),
    };
    next.map(|s| (s.start, s.end))
}

/// The claims of `doc` the assistant suggests: not overlapping a claim the user marked, not
/// dismissed.
pub fn suggestions(doc: &Document, library: &Library) -> Vec<Suggestion> {
    suggestions_from(&analyse(&doc.text), doc, library)
}

/// [`suggestions`] from readings of the document's text made earlier (the reading depends on
/// the text only; what the user marked or dismissed changes more often).
pub fn suggestions_from(
    readings: &[Reading],
    doc: &Document,
    library: &Library,
) -> Vec<Suggestion> {
    let text = IndexedText::new(doc.text.as_str());
    let marked: Vec<(usize, usize)> = library
        .placed(doc, &text)
        .into_iter()
        .filter_map(|p| p.span)
        .collect();
    suggestions_among(readings, &text, &doc.id, &marked, library)
}

/// [`suggestions_from`] with the text indexed and the claims placed already (`marked`: their
/// spans, in order of start, as [`Library::placed`] gives them): the readings not overlapping a
/// claim and not dismissed. Each reading is checked in O(log claims).
pub fn suggestions_among(
    readings: &[Reading],
    text: &IndexedText,
    doc: &str,
    marked: &[(usize, usize)],
    library: &Library,
) -> Vec<Suggestion> {
    // The furthest end among the claims starting up to each one: a reading overlaps a claim
    // iff some claim starting before the reading's end reaches past its start.
    let reach: Vec<usize> = marked
        .iter()
        .scan(0, |far, &(_, e)| {
            *far = e.max(*far);
            Some(*far)
        })
        .collect();
    let overlaps = |r: &Reading| {
        let before = marked.partition_point(|&(s, _)| s < r.end);
        before > 0 && reach[before - 1] > r.start
    };
    readings
        .iter()
        .filter(|r| r.kind == Kind::Claim && !overlaps(r))
        .map(|r| Suggestion {
            start: r.start,
            end: r.end,
            exact: text.slice(r.start, r.end).to_owned(),
            verdict: r.verdict,
            source: r.source.clone(),
            vague: r.vague,
            carried: r.carried,
            score: r.score,
        })
        .filter(|s| !library.is_dismissed(doc, &s.exact))
        .collect()
}

/// Folds typographic variants to one form, character for character (offsets stay valid):
/// curly quotes and apostrophes to straight ones, dashes to a hyphen.
fn fold(c: char) -> char {
    match c {
        '‘' | '’' | '′' => '\'',
        '“' | '”' | '″' => '"',
        '–' | '—' | '‒' => '-',
        c => c,
    }
}

/// What to look for elsewhere: a claim's longest quotation (30 characters or more), since a
/// quote re-reported by several outlets is the part they share; else the whole claim.
fn key(exact: &str) -> String {
    let chars: Vec<char> = exact.chars().map(fold).collect();
    let mut best: &[char] = &[];
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '"' {
            match open.take() {
                Some(o) if i - o - 1 > best.len() => best = &chars[o + 1..i],
                Some(_) => {}
                None => open = Some(i),
            }
        }
    }
    let best: String = best.iter().collect();
    let best = best.trim().trim_end_matches([',', '.']).trim();
    if best.chars().count() >= 30 {
        best.to_owned()
    } else {
        chars.iter().collect::<String>().trim().to_owned()
    }
}

/// Another article that carries the same claim, and how the user tagged it there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Elsewhere {
    pub doc: String,
    pub title: String,
    pub start: usize,
    pub end: usize,
    /// The verdicts of the user's claims on that passage there (empty: not tagged).
    pub verdicts: Vec<Verdict>,
}

/// The other articles of the library that contain the same or a near-identical claim (at most
/// one edit in ten characters, after folding typographic variants).
pub fn also_in(library: &Library, doc_id: &str, exact: &str) -> Vec<Elsewhere> {
    let key = key(exact);
    let len = key.chars().count();
    if len < 20 {
        return Vec::new();
    }
    let quote = Quote {
        exact: key,
        ..Quote::default()
    };
    let mut out = Vec::new();
    for doc in library.documents().iter().filter(|d| d.id != doc_id) {
        let folded: String = doc.text.chars().map(fold).collect();
        let Some(found) = Anchorer::new(&folded).anchor(&quote, None) else {
            continue;
        };
        if found.errors * 10 > len {
            continue;
        }
        let text = IndexedText::new(doc.text.as_str());
        let verdicts = library
            .placed(doc, &text)
            .into_iter()
            .filter(|p| {
                p.span
                    .is_some_and(|(s, e)| s < found.end && found.start < e)
            })
            .map(|p| p.annotation.verdict)
            .collect();
        out.push(Elsewhere {
            doc: doc.id.clone(),
            title: doc.title.clone(),
            start: found.start,
            end: found.end,
            verdicts,
        });
    }
    out
}

/// [`also_in`], kept while the claim's article and words and the library's texts stay the same:
/// a keystroke in a note does not search every article again (it took 2.7 s a keystroke in a
/// library of 3,000 articles). Tags made in the other articles meanwhile (by another tab) show
/// when the claim is opened again.
#[derive(Debug, Default)]
pub struct AlsoInCache(Option<((String, String, u64), Vec<Elsewhere>)>);

impl AlsoInCache {
    pub fn get(&mut self, library: &Library, doc: &str, exact: &str) -> Vec<Elsewhere> {
        // The texts, by length and revision: a text changes only as a new revision, or as a
        // sample article's text arriving.
        let texts = (library.documents().iter()).fold(0u64, |h, d| {
            h.wrapping_mul(31) ^ (d.text.len() as u64) ^ (d.revised as u64)
        });
        let key = (doc.to_owned(), exact.to_owned(), texts);
        match &self.0 {
            Some((k, found)) if *k == key => found.clone(),
            _ => {
                let found = also_in(library, doc, exact);
                self.0 = Some((key, found.clone()));
                found
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::seed_documents;

    const POMPEO: &str = "Iraqis — Iraqis — dancing in the street for freedom; thankful that General Soleimani is no more.";

    #[test]
    fn suggestions_leave_out_marked_and_dismissed_claims() {
        let mut lib = Library::new(seed_documents());
        let doc = lib.documents()[4].clone();
        let all = suggestions(&doc, &lib);
        assert!(all.len() > 15, "{}", all.len());
        assert!(all.iter().all(|s| doc.text.contains(&s.exact)));
        let first = all[0].clone();
        lib.annotate(
            &doc.id,
            (first.start, first.end),
            Verdict::Sourced,
            "a".into(),
            1,
        )
        .unwrap();
        lib.dismiss(&doc.id, &all[1].exact, 5);
        let now = suggestions(&doc, &lib);
        assert_eq!(now.len(), all.len() - 2);
        assert!(now
            .iter()
            .all(|s| s.exact != first.exact && s.exact != all[1].exact));
    }

    #[test]
    fn a_reading_is_left_out_when_any_claim_reaches_into_it_however_they_nest() {
        let text = IndexedText::new("x".repeat(300));
        let reading = |start, end| Reading {
            start,
            end,
            kind: Kind::Claim,
            verdict: Verdict::Unsourced,
            source: None,
            vague: false,
            carried: false,
            score: 50,
        };
        let readings: Vec<Reading> = [
            (0, 5),
            (30, 40),
            (95, 105),
            (150, 160),
            (210, 220),
            (250, 260),
        ]
        .into_iter()
        .map(|(s, e)| reading(s, e))
        .collect();
        // A long claim with a short one inside it, then one ending where a reading starts.
        let marked = [(10, 100), (20, 25), (200, 210), (255, 256)];
        let lib = Library::new(Vec::new());
        let left: Vec<(usize, usize)> = suggestions_among(&readings, &text, "d", &marked, &lib)
            .iter()
            .map(|s| (s.start, s.end))
            .collect();
        assert_eq!(left, vec![(0, 5), (150, 160), (210, 220)]);
    }

    #[test]
    fn also_in_is_kept_until_the_words_or_the_texts_change() {
        use crate::domain::document::{document_from_text, Origin};
        let seeds = seed_documents();
        let mut lib = Library::new(seeds.clone());
        let mut cache = AlsoInCache::default();
        let first = cache.get(&lib, &seeds[1].id, POMPEO);
        assert_eq!(first.len(), 2);
        // A note elsewhere changes no text: the same answer, without searching again.
        lib.annotate(&seeds[1].id, (0, 20), Verdict::Sourced, "n".into(), 1)
            .unwrap();
        lib.set_note("n", "checked", 2);
        assert_eq!(cache.get(&lib, &seeds[1].id, POMPEO), first);
        // A new article with the words: found.
        let text = format!("Intro. {POMPEO} Outro.");
        lib.add_document(document_from_text("u".into(), &text, None, Origin::User, 3));
        assert_eq!(cache.get(&lib, &seeds[1].id, POMPEO).len(), 3);
        assert!(cache
            .get(&lib, &seeds[1].id, "Not a sentence that any article holds.")
            .is_empty());
    }

    #[test]
    fn the_pompeo_tweet_is_also_in_the_other_two_articles_with_their_tags() {
        let mut lib = Library::new(seed_documents());
        let seeds = lib.documents().to_vec();
        // Tag the tweet as sourced in 002.
        let t2 = &seeds[2].text;
        let b = t2.find(POMPEO).unwrap();
        let s = t2[..b].chars().count();
        lib.annotate(
            &seeds[2].id,
            (s, s + POMPEO.chars().count()),
            Verdict::Sourced,
            "t".into(),
            1,
        )
        .unwrap();
        // The claim in 001 (straight quotes around the tweet).
        let claim = "In the tweet, Pompeo wrote, \"Iraqis — Iraqis — dancing in the street for freedom; thankful that General Soleimani is no more.\"";
        assert!(seeds[1].text.contains(claim));
        let found = also_in(&lib, &seeds[1].id, claim);
        let ids: Vec<&str> = found.iter().map(|e| e.doc.as_str()).collect();
        assert_eq!(ids, vec![seeds[0].id.as_str(), seeds[2].id.as_str()]);
        assert!(found[0].verdicts.is_empty());
        assert_eq!(found[1].verdicts, vec![Verdict::Sourced]);
    }

    fn worth(scores: &[u8]) -> Vec<Suggestion> {
        scores
            .iter()
            .enumerate()
            .map(|(i, &score)| Suggestion {
                start: i * 10,
                end: i * 10 + 5,
                exact: format!("claim {i}"),
                verdict: Verdict::Unsourced,
                source: None,
                vague: false,
                carried: false,
                score,
            })
            .collect()
    }

    #[test]
    fn the_most_check_worthy_are_shown_in_text_order_and_reviewed_first() {
        let all = worth(&[20, 80, 50, 80, 10]);
        let top = most_check_worthy(all.clone(), Shown::Top(3));
        let starts: Vec<usize> = top.iter().map(|s| s.start).collect();
        assert_eq!(starts, vec![10, 20, 30]);
        assert_eq!(most_check_worthy(all.clone(), Shown::Top(9)).len(), 5);
        assert_eq!(most_check_worthy(all.clone(), Shown::All).len(), 5);
        assert!(most_check_worthy(all.clone(), Shown::Top(0)).is_empty());
        // Review order: 80 (10), 80 (30), 50 (20), then round again.
        let first = next_by_worth(&top, None);
        assert_eq!(first, Some((10, 15)));
        let second = next_by_worth(&top, first);
        assert_eq!(second, Some((30, 35)));
        let third = next_by_worth(&top, second);
        assert_eq!(third, Some((20, 25)));
        assert_eq!(next_by_worth(&top, third), first);
        // A span no longer suggested (just accepted) starts from the top again.
        assert_eq!(next_by_worth(&top, Some((99, 100))), first);
        assert_eq!(next_by_worth(&[], None), None);
    }

    #[test]
    fn seed_suggestions_carry_their_scores() {
        let lib = Library::new(seed_documents());
        let doc = &lib.documents()[0];
        let all = suggestions(doc, &lib);
        assert!(
            all.iter().any(|s| s.score >= 60),
            "some claims are check-worthy"
        );
        assert!(all.iter().any(|s| s.carried), "some sources are carried");
    }

    #[test]
    fn unrelated_claims_are_nowhere_else() {
        let lib = Library::new(seed_documents());
        assert!(also_in(
            &lib,
            "x",
            "The minister resigned over the budget on Tuesday evening."
        )
        .is_empty());
        assert!(also_in(&lib, "x", "Short.").is_empty());
    }
}
