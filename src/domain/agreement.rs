//! A second opinion: two checkers' claims on the same article, compared. Claims of the two are
//! the same claim when their spans mostly overlap (they rarely select the very same characters:
//! one takes the full stop, the other not); each such pair agrees or differs on the verdict,
//! and a claim only one of them marked stands alone. The figures: the share of claims on which
//! they agree, and Cohen's kappa on the verdict (marked sourced, marked unsourced, not marked),
//! which discounts the agreement two checkers would reach by chance.

use super::annotation::{Annotation, Verdict};

/// Two spans are the same claim when they share at least this part of the two together.
pub const SAME_CLAIM: f64 = 0.5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Both marked it, with the same verdict.
    Agree,
    /// Both marked it, with different verdicts.
    Differ,
    /// Only the first checker marked it.
    OnlyFirst,
    /// Only the second checker marked it.
    OnlySecond,
}

/// One claim of the comparison: what each checker made of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair<'a> {
    pub first: Option<&'a Annotation>,
    pub second: Option<&'a Annotation>,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Agreement<'a> {
    /// In the order of the text.
    pub pairs: Vec<Pair<'a>>,
    pub agree: usize,
    pub differ: usize,
    pub only_first: usize,
    pub only_second: usize,
}

impl<'a> Agreement<'a> {
    /// The comparisons of several articles as one (their claims pooled): figures for a news
    /// cycle's articles together.
    pub fn pooled(all: impl IntoIterator<Item = Agreement<'a>>) -> Agreement<'a> {
        let mut out = Agreement {
            pairs: Vec::new(),
            agree: 0,
            differ: 0,
            only_first: 0,
            only_second: 0,
        };
        for a in all {
            out.pairs.extend(a.pairs);
            out.agree += a.agree;
            out.differ += a.differ;
            out.only_first += a.only_first;
            out.only_second += a.only_second;
        }
        out
    }

    /// The share of claims (marked by either) on which the two agree; `None` when neither
    /// marked any.
    pub fn share(&self) -> Option<f64> {
        let n = self.pairs.len();
        (n > 0).then(|| self.agree as f64 / n as f64)
    }

    /// Cohen's kappa over the claims marked by either, each labelled sourced, unsourced or not
    /// marked by each checker. `None` where it is not defined: no claims, or both checkers gave
    /// every claim one and the same label (chance alone would then agree fully).
    pub fn kappa(&self) -> Option<f64> {
        let n = self.pairs.len() as f64;
        let label = |a: Option<&Annotation>| match a.map(|a| a.verdict) {
            Some(Verdict::Sourced) => 0,
            Some(Verdict::Unsourced) => 1,
            None => 2,
        };
        let (mut first, mut second) = ([0.0; 3], [0.0; 3]);
        for p in &self.pairs {
            first[label(p.first)] += 1.0;
            second[label(p.second)] += 1.0;
        }
        let observed = self.agree as f64 / n;
        let chance: f64 = (0..3).map(|c| first[c] / n * second[c] / n).sum();
        (n > 0.0 && chance < 1.0).then(|| (observed - chance) / (1.0 - chance))
    }
}

impl Agreement<'_> {
    /// The figures in words, naming the two checkers.
    pub fn summary(&self, first: &str, second: &str) -> String {
        let share = self
            .share()
            .map_or("none".to_owned(), |s| format!("{:.0}%", s * 100.0));
        let kappa = self
            .kappa()
            .map_or("not defined".to_owned(), |k| format!("{k:.2}"));
        format!(
            "{} claims marked by either: {} agree, {} differ in verdict, {} only {first}, {} only {second}. Agreed on {share}; Cohen's kappa on the verdict {kappa}.",
            self.pairs.len(),
            self.agree,
            self.differ,
            self.only_first,
            self.only_second
        )
    }
}

impl Pair<'_> {
    /// The claim and what each checker made of it, in words.
    pub fn describe(&self, first: &str, second: &str) -> String {
        let quote = self.first.or(self.second).map_or("", |a| a.exact.as_str());
        let verdict = |a: Option<&Annotation>| a.map_or("", |a| a.verdict.as_str());
        let what = match self.outcome {
            Outcome::Agree => format!("Agree, {}", verdict(self.first)),
            Outcome::Differ => format!(
                "Differ: {first} {}, {second} {}",
                verdict(self.first),
                verdict(self.second)
            ),
            Outcome::OnlyFirst => format!("Only {first}, {}", verdict(self.first)),
            Outcome::OnlySecond => format!("Only {second}, {}", verdict(self.second)),
        };
        format!("{what}: “{quote}”")
    }
}

/// The people who marked claims among `claims` (their creators; claims marked before anyone
/// was named are left out), each once, in the order of their first claim.
pub fn creators<'a>(claims: impl IntoIterator<Item = &'a Annotation>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in claims {
        if !a.creator.is_empty() && !out.contains(&a.creator) {
            out.push(a.creator.clone());
        }
    }
    out
}

/// Compares what two people marked among one article's claims, each claim counted as its
/// creator's.
pub fn between<'a>(claims: &[&'a Annotation], first: &str, second: &str) -> Agreement<'a> {
    let of = |who: &str| -> Vec<&'a Annotation> {
        claims
            .iter()
            .copied()
            .filter(|a| a.creator == who)
            .collect()
    };
    compare(&of(first), &of(second))
}

/// How much of the two spans together they share (0 to 1).
fn overlap(a: &Annotation, b: &Annotation) -> f64 {
    let shared = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let together = a.end.max(b.end) - a.start.min(b.start);
    match together {
        0 => 0.0,
        t => shared as f64 / t as f64,
    }
}

/// Compares two checkers' claims on one article. Each claim is paired at most once, the pairs
/// that overlap most first.
pub fn compare<'a>(first: &[&'a Annotation], second: &[&'a Annotation]) -> Agreement<'a> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in first.iter().enumerate() {
        for (j, b) in second.iter().enumerate() {
            let o = overlap(a, b);
            if o >= SAME_CLAIM {
                candidates.push((o, i, j));
            }
        }
    }
    // Most overlap first; ties in the order of the text, so the result does not depend on
    // the order the claims came in.
    candidates.sort_by(|x, y| {
        (y.0.total_cmp(&x.0))
            .then_with(|| first[x.1].start.cmp(&first[y.1].start))
            .then_with(|| second[x.2].start.cmp(&second[y.2].start))
    });
    let (mut used_first, mut used_second) = (vec![false; first.len()], vec![false; second.len()]);
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if used_first[i] || used_second[j] {
            continue;
        }
        used_first[i] = true;
        used_second[j] = true;
        let outcome = match first[i].verdict == second[j].verdict {
            true => Outcome::Agree,
            false => Outcome::Differ,
        };
        pairs.push(Pair {
            first: Some(first[i]),
            second: Some(second[j]),
            outcome,
        });
    }
    let alone = |claims: &[&'a Annotation], used: &[bool]| -> Vec<&'a Annotation> {
        (claims.iter().zip(used))
            .filter(|(_, &u)| !u)
            .map(|(a, _)| *a)
            .collect()
    };
    for a in alone(first, &used_first) {
        pairs.push(Pair {
            first: Some(a),
            second: None,
            outcome: Outcome::OnlyFirst,
        });
    }
    for b in alone(second, &used_second) {
        pairs.push(Pair {
            first: None,
            second: Some(b),
            outcome: Outcome::OnlySecond,
        });
    }
    let at = |p: &Pair| {
        let a = p.first.or(p.second).map_or((0, 0), |a| (a.start, a.end));
        (a, p.first.is_none())
    };
    pairs.sort_by_key(|p| at(p));
    let count = |o: Outcome| pairs.iter().filter(|p| p.outcome == o).count();
    Agreement {
        agree: count(Outcome::Agree),
        differ: count(Outcome::Differ),
        only_first: count(Outcome::OnlyFirst),
        only_second: count(Outcome::OnlySecond),
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str, start: usize, end: usize, verdict: Verdict) -> Annotation {
        Annotation {
            id: id.into(),
            doc: "d".into(),
            start,
            end,
            exact: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            verdict,
            note: String::new(),
            evidence: String::new(),
            created: 0,
            modified: 0,
            status: Default::default(),
            was: String::new(),
            suggested: false,
            detected_source: String::new(),
            rating: String::new(),
            source: String::new(),
            creator: String::new(),
            editor: String::new(),
        }
    }

    use Verdict::{Sourced as S, Unsourced as U};

    #[test]
    fn claims_of_nearly_the_same_span_are_one_claim() {
        let ana = [
            claim("a1", 0, 40, S),    // Ben takes it without the full stop
            claim("a2", 50, 90, U),   // Ben says sourced
            claim("a3", 100, 120, U), // Ben did not mark it
        ];
        let ben = [
            claim("b1", 0, 39, S),
            claim("b2", 52, 90, S),
            claim("b3", 200, 230, U), // Ana did not mark it
            claim("b4", 101, 160, U), // overlaps a3 too little: 19 of 60
        ];
        let (a, b): (Vec<&Annotation>, Vec<&Annotation>) =
            (ana.iter().collect(), ben.iter().collect());
        let r = compare(&a, &b);
        let outcomes: Vec<(Option<&str>, Option<&str>, Outcome)> = (r.pairs.iter())
            .map(|p| {
                (
                    p.first.map(|x| x.id.as_str()),
                    p.second.map(|x| x.id.as_str()),
                    p.outcome,
                )
            })
            .collect();
        assert_eq!(
            outcomes,
            [
                (Some("a1"), Some("b1"), Outcome::Agree),
                (Some("a2"), Some("b2"), Outcome::Differ),
                (Some("a3"), None, Outcome::OnlyFirst),
                (None, Some("b4"), Outcome::OnlySecond),
                (None, Some("b3"), Outcome::OnlySecond),
            ]
        );
        assert_eq!(
            (r.agree, r.differ, r.only_first, r.only_second),
            (1, 1, 1, 2)
        );
        assert_eq!(r.share(), Some(0.2));
        // Labels over 5 claims: Ana S U U - -, Ben S S - U U. Observed 1/5; chance
        // (1·2 + 2·2 + 2·1)/25 = 8/25; kappa = (5/25 − 8/25)/(17/25) = −3/17.
        assert!(
            (r.kappa().unwrap() + 3.0 / 17.0).abs() < 1e-9,
            "{:?}",
            r.kappa()
        );
        // The same comparison the other way round mirrors it.
        let back = compare(&b, &a);
        assert_eq!(
            (back.agree, back.differ, back.only_first, back.only_second),
            (1, 1, 2, 1)
        );
        assert_eq!(back.kappa(), r.kappa());
    }

    #[test]
    fn full_agreement_is_one_and_no_claims_have_no_figures() {
        let ana = [claim("a1", 0, 10, S), claim("a2", 20, 30, U)];
        let a: Vec<&Annotation> = ana.iter().collect();
        let r = compare(&a, &a);
        assert_eq!((r.share(), r.kappa()), (Some(1.0), Some(1.0)));
        let none = compare(&[], &[]);
        assert_eq!((none.share(), none.kappa()), (None, None));
        // Pooled, two articles count as one comparison of all their claims.
        let both = Agreement::pooled([compare(&a, &a), compare(&[], &a)]);
        assert_eq!((both.agree, both.only_second, both.pairs.len()), (2, 2, 4));
        assert_eq!(both.share(), Some(0.5));
        // One label for every claim on both sides: kappa is not defined.
        let same = [claim("a1", 0, 10, S)];
        let s: Vec<&Annotation> = same.iter().collect();
        assert_eq!(compare(&s, &s).kappa(), None);
        // Each claim paired once: two of Ben's over one of Ana's pair the closer.
        let ben = [claim("b1", 0, 12, U), claim("b2", 0, 10, S)];
        let b: Vec<&Annotation> = ben.iter().collect();
        let r = compare(&s, &b);
        assert_eq!(r.pairs[0].second.unwrap().id, "b2");
        assert_eq!((r.agree, r.only_second), (1, 1));
    }

    #[test]
    fn two_people_in_one_library_are_compared_by_who_marked_what() {
        let mut all = [
            claim("a1", 0, 40, S),
            claim("a2", 50, 90, U),
            claim("b1", 0, 39, S),
            claim("b2", 52, 90, S),
            claim("b3", 200, 230, U),
            claim("x", 300, 330, S), // marked before anyone was named
        ];
        for (c, who) in all.iter_mut().zip(["Ana", "Ana", "Ben", "Ben", "Ben", ""]) {
            c.creator = who.into();
            c.exact = format!("quote {}", c.id);
        }
        let refs: Vec<&Annotation> = all.iter().collect();
        assert_eq!(creators(refs.iter().copied()), ["Ana", "Ben"]);
        let r = between(&refs, "Ana", "Ben");
        assert_eq!(
            (r.agree, r.differ, r.only_first, r.only_second),
            (1, 1, 0, 1)
        );
        let summary = r.summary("Ana", "Ben");
        assert!(
            summary.starts_with("3 claims marked by either: 1 agree, 1 differ in verdict, 0 only Ana, 1 only Ben. Agreed on 33%"),
            "{summary}"
        );
        let lines: Vec<String> = r.pairs.iter().map(|p| p.describe("Ana", "Ben")).collect();
        assert_eq!(
            lines,
            [
                "Agree, sourced: “quote a1”",
                "Differ: Ana unsourced, Ben sourced: “quote a2”",
                "Only Ben, unsourced: “quote b3”",
            ]
        );
    }
}
