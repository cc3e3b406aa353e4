//! Describing a span of text by its quote, and finding that quote again after the text changed.
//!
//! An annotation stores its position and a quote (`exact` plus up to [`CONTEXT_CHARS`]
//! characters of `prefix` and `suffix`). Anchoring is a fallback chain:
//!
//! 1. **Position**: the stored position, accepted only if the text there equals the quote.
//! 2. **Exact**: every exact occurrence of the quote, ranked by how well the context matches
//!    and how near the old position it is.
//! 3. **Fuzzy**: approximate occurrences (Myers' bit-parallel matching, [`super::fuzzy`]),
//!    ranked the same way.
//!
//! With a position hint, steps 2 and 3 first look in a window around it, and go global only if
//! nothing convincing is there. Global search uses an index of the text's 8-character grams:
//! a match with fewer edits than the quote has 8-character pieces keeps one piece intact
//! (pigeonhole), so the pieces' occurrences are the only places worth verifying. When that
//! finds nothing, a full scan allows up to a quarter of the quote's length in edits (Hypothesis
//! allows half; beyond a quarter the words are another claim's).
//!
//! Each result says how it was found and how sure it is.

use std::cell::OnceCell;

use super::fuzzy::{distance, Match, Pattern, Searcher};
use super::order;
use super::text::IndexedText;

/// How many code points of context are kept on each side of a quote, as the W3C
/// `TextQuoteSelector` examples and Hypothesis do.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// The quote of `[start, end)` in `text`.
pub fn quote_at(text: &IndexedText, start: usize, end: usize) -> Quote {
    Quote {
        exact: text.slice(start, end).to_owned(),
        prefix: text
            .slice(start.saturating_sub(CONTEXT_CHARS), start)
            .to_owned(),
        suffix: text
            .slice(end, end.saturating_add(CONTEXT_CHARS))
            .to_owned(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The stored position still holds the quote.
    Position,
    /// Found by searching for the exact quote.
    Exact,
    /// Found by approximate search: the quoted text itself changed.
    Fuzzy,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub method: Method,
    /// Edits between the stored quote and the text found (0 unless fuzzy).
    pub errors: usize,
    /// 0 to 1: 1 when the quote and all its context are found unchanged.
    pub confidence: f64,
}

impl Anchor {
    /// Whether a person should look at this before it is trusted: the quoted words changed,
    /// or the context around them did.
    pub fn needs_confirmation(&self) -> bool {
        self.method == Method::Fuzzy || self.confidence < CONFIRM_BELOW
    }
}

/// Below this confidence a re-anchored claim is shown as "moved, please confirm".
pub const CONFIRM_BELOW: f64 = 0.75;
/// The confidence of a place that context could not tell from another: below [`CONFIRM_BELOW`].
const AMBIGUOUS_CONFIDENCE: f64 = 0.7;

// Scoring weights, Hypothesis' (match-quote.ts): the quote itself matters most; each side's
// context counts less than half as much; nearness to the old position only breaks ties
// between otherwise equal candidates.
const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;

/// The most edits a quote of `m` characters may have and still be found: a quarter of it.
fn max_errors(m: usize) -> usize {
    (m / 4).clamp(1, 256)
}

/// Gram length of the index: short enough that 1-3 edits leave most pieces of a 40-character
/// quote intact, long enough that a piece is rare in English text.
const GRAM: usize = 8;
/// Pieces with more occurrences than this are skipped when others exist (they are common
/// phrases; the quote's rarer pieces find the same places).
const MAX_PIECE_HITS: usize = 512;

/// Where each 8-gram of the text occurs: a hash table in two flat arrays (counting sort).
struct GramIndex {
    mask: u64,
    /// `starts[h]..starts[h + 1]` index `positions` for bucket `h`.
    starts: Vec<u32>,
    positions: Vec<u32>,
}

fn gram_hash(g: &[char]) -> u64 {
    // FNV-1a over the code points.
    g.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl GramIndex {
    fn new(chars: &[char]) -> Self {
        let n = chars.len().saturating_sub(GRAM - 1);
        let buckets = (n.max(1)).next_power_of_two();
        let mask = buckets as u64 - 1;
        let hashes: Vec<u32> = (0..n)
            .map(|i| (gram_hash(&chars[i..i + GRAM]) & mask) as u32)
            .collect();
        let mut starts = vec![0u32; buckets + 1];
        for &h in &hashes {
            starts[h as usize + 1] += 1;
        }
        for i in 0..buckets {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut positions = vec![0u32; n];
        for (i, &h) in hashes.iter().enumerate() {
            positions[fill[h as usize] as usize] = i as u32;
            fill[h as usize] += 1;
        }
        Self {
            mask,
            starts,
            positions,
        }
    }

    /// Candidate positions of `gram` (a bucket: may include other grams with the same hash).
    fn bucket(&self, gram: &[char]) -> &[u32] {
        let h = (gram_hash(gram) & self.mask) as usize;
        &self.positions[self.starts[h] as usize..self.starts[h + 1] as usize]
    }
}

/// Anchors quotes in one text. Holds the text as code points and, once a global search needs
/// it, the gram index, so anchoring many quotes in one text pays for them once.
pub struct Anchorer {
    chars: Vec<char>,
    index: OnceCell<GramIndex>,
}

/// A candidate span with its edit count, before scoring.
#[derive(Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    errors: usize,
}

impl Anchorer {
    pub fn new(text: &str) -> Self {
        Self {
            chars: text.chars().collect(),
            index: OnceCell::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    fn index(&self) -> &GramIndex {
        self.index.get_or_init(|| GramIndex::new(&self.chars))
    }

    /// Finds `quote`; `hint` is where it was last seen.
    pub fn anchor(&self, quote: &Quote, hint: Option<(usize, usize)>) -> Option<Anchor> {
        let exact: Vec<char> = quote.exact.chars().collect();
        let m = exact.len();
        if m == 0 || self.chars.is_empty() {
            return None;
        }
        let prefix: Vec<char> = quote.prefix.chars().collect();
        let suffix: Vec<char> = quote.suffix.chars().collect();
        let q = Prepared {
            searcher: OnceCell::new(),
            prefix: Pattern::new(&prefix),
            suffix: Pattern::new(&suffix),
            prefix_len: prefix.len(),
            suffix_len: suffix.len(),
            exact,
            // A stored position comes from outside (a file, storage, another tab) and may lie
            // past the end of a text that has since become shorter: nearest the end, then.
            hint: hint.map(|(s, _)| s.min(self.chars.len())),
        };
        if let Some((s, e)) = hint {
            if e <= self.chars.len() && s < e && self.chars[s..e] == q.exact[..] {
                return Some(Anchor {
                    start: s,
                    end: e,
                    method: Method::Position,
                    errors: 0,
                    confidence: 1.0,
                });
            }
        }
        // Near the old position first: an edit elsewhere in the text moves the quote by the
        // edit's length only.
        if let Some(s) = q.hint {
            let slack = (2 * m).max(256);
            let lo = s.saturating_sub(slack);
            let hi = s.saturating_add(m + slack).min(self.chars.len());
            let local = self.exact_in(lo, hi, &q.exact);
            let best = self.best(&q, &local);
            if let Some(a) = best.filter(|a| a.confidence >= CONFIRM_BELOW) {
                return Some(a);
            }
            let max_errors = max_errors(m);
            let fuzzy: Vec<Candidate> = q
                .searcher()
                .find(&self.chars[lo..hi], max_errors)
                .into_iter()
                .map(|x| Candidate {
                    start: lo + x.start,
                    end: lo + x.end,
                    errors: x.errors,
                })
                .collect();
            if let Some(a) = self
                .best(&q, &fuzzy)
                .filter(|a| a.confidence >= CONFIRM_BELOW)
            {
                return Some(a);
            }
        }
        let exact = self.exact_global(&q.exact);
        if let Some(a) = self.best(&q, &exact) {
            return Some(a);
        }
        let fuzzy = self.fuzzy_global(&q);
        self.best(&q, &fuzzy)
    }

    /// Exact occurrences of `needle` starting in `[lo, hi)` (and ending by `hi`).
    fn exact_in(&self, lo: usize, hi: usize, needle: &[char]) -> Vec<Candidate> {
        let m = needle.len();
        if hi < lo + m {
            return Vec::new();
        }
        (lo..=hi - m)
            .filter(|&i| self.chars[i] == needle[0] && self.chars[i..i + m] == *needle)
            .map(|i| Candidate {
                start: i,
                end: i + m,
                errors: 0,
            })
            .collect()
    }

    /// Exact occurrences anywhere: through the rarest gram of the quote, then verified.
    fn exact_global(&self, needle: &[char]) -> Vec<Candidate> {
        let m = needle.len();
        if m < GRAM {
            return self.exact_in(0, self.chars.len(), needle);
        }
        let index = self.index();
        let (offset, bucket) = (0..=m - GRAM)
            .step_by(GRAM)
            .chain(std::iter::once(m - GRAM))
            .map(|o| (o, index.bucket(&needle[o..o + GRAM])))
            .min_by_key(|(_, b)| b.len())
            .expect("a quote of GRAM or more has a gram");
        let mut out: Vec<Candidate> = bucket
            .iter()
            .filter_map(|&p| (p as usize).checked_sub(offset))
            .filter(|&s| s + m <= self.chars.len() && self.chars[s..s + m] == *needle)
            .map(|s| Candidate {
                start: s,
                end: s + m,
                errors: 0,
            })
            .collect();
        order::sort_by(&mut out, &|a, b| a.start.cmp(&b.start));
        out
    }

    /// Approximate occurrences anywhere.
    fn fuzzy_global(&self, q: &Prepared) -> Vec<Candidate> {
        let needle = &q.exact[..];
        let m = needle.len();
        let pieces = m / GRAM;
        // With fewer edits than pieces, some piece is intact: verify around the pieces' hits.
        // A match with e edits has at least `pieces - e` intact pieces, each voting for a start
        // within e of the match's, so places are verified by votes, most first, and the search
        // stops when no place left has enough votes to beat the best match found.
        if pieces >= 2 {
            let k = pieces - 1;
            let index = self.index();
            let hits: Vec<(usize, &[u32])> = (0..pieces)
                .map(|i| (i * GRAM, index.bucket(&needle[i * GRAM..(i + 1) * GRAM])))
                .collect();
            let rare_exists = hits.iter().any(|(_, b)| b.len() <= MAX_PIECE_HITS);
            // (implied start, piece) for every verified piece occurrence, as one number (the
            // start in the high half) to sort them fast.
            let mut votes: Vec<u64> = Vec::new();
            // Only the pieces looked up can vote, so only they count towards the bound.
            let mut looked_up = 0;
            for (piece, (offset, bucket)) in hits.into_iter().enumerate() {
                if rare_exists && bucket.len() > MAX_PIECE_HITS {
                    continue;
                }
                looked_up += 1;
                for &p in bucket {
                    let p = p as usize;
                    if p + GRAM <= self.chars.len()
                        && self.chars[p..p + GRAM] == needle[offset..offset + GRAM]
                    {
                        votes.push(((p.saturating_sub(offset) as u64) << 32) | piece as u64);
                    }
                }
            }
            // The hot path: thousands of votes per quote.
            order::sort_numbers(&mut votes);
            let start = |i: usize| (votes[i] >> 32) as usize;
            // Places: runs of implied starts no more than k apart; a place's votes are its
            // distinct pieces.
            let mut places: Vec<(usize, usize, usize)> = Vec::new(); // (votes, first, last)
            let mut i = 0;
            while i < votes.len() {
                let mut j = i + 1;
                while j < votes.len() && start(j) - start(j - 1) <= k {
                    j += 1;
                }
                let mut pieces_here: Vec<u32> = votes[i..j].iter().map(|&v| v as u32).collect();
                order::sort(&mut pieces_here);
                pieces_here.dedup();
                places.push((pieces_here.len(), start(i), start(j - 1)));
                i = j;
            }
            order::sort_by(&mut places, &|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut found: Vec<Candidate> = Vec::new();
            let mut best_errors = k;
            for (n_votes, first, last) in places {
                if n_votes + best_errors < looked_up {
                    break; // too few intact pieces to match within best_errors
                }
                let lo = first.saturating_sub(best_errors);
                let hi = (last + m + best_errors).min(self.chars.len());
                for x in q.searcher().find(&self.chars[lo..hi], best_errors) {
                    if x.errors < best_errors || found.is_empty() {
                        found.retain(|c| c.errors <= x.errors);
                        best_errors = x.errors;
                    }
                    if x.errors == best_errors {
                        found.push(Candidate {
                            start: lo + x.start,
                            end: lo + x.end,
                            errors: x.errors,
                        });
                    }
                }
            }
            found.retain(|c| c.errors == best_errors);
            if !found.is_empty() {
                return found;
            }
        }
        // Nothing within the pigeonhole bound: a full scan, allowing a quarter of the quote to
        // have changed. (Hypothesis allows half; a quote with more than a quarter of its
        // characters changed is another claim, better re-attached by a person than guessed.)
        let max_errors = max_errors(m);
        q.searcher()
            .find(&self.chars, max_errors)
            .into_iter()
            .map(|Match { start, end, errors }| Candidate { start, end, errors })
            .collect()
    }

    /// Scores candidates by quote, context and nearness; the best one, with its confidence.
    fn best(&self, q: &Prepared, candidates: &[Candidate]) -> Option<Anchor> {
        let n = self.chars.len() as f64;
        // (context score: quote and context, nearness left out; nearness score; candidate)
        let scored: Vec<(f64, f64, &Candidate)> = candidates
            .iter()
            .map(|c| {
                let m = q.exact.len() as f64;
                let quote_score = 1.0 - c.errors as f64 / m;
                let prefix_score = side_score(
                    &q.prefix,
                    q.prefix_len,
                    &self.chars[c.start.saturating_sub(q.prefix_len)..c.start],
                );
                let suffix_end = (c.end + q.suffix_len).min(self.chars.len());
                let suffix_score =
                    side_score(&q.suffix, q.suffix_len, &self.chars[c.end..suffix_end]);
                let position_score = q.hint.map_or(1.0, |h| 1.0 - h.abs_diff(c.start) as f64 / n);
                let context = QUOTE_WEIGHT * quote_score
                    + PREFIX_WEIGHT * prefix_score
                    + SUFFIX_WEIGHT * suffix_score;
                (context, POSITION_WEIGHT * position_score, c)
            })
            .collect();
        let &(context, _, c) = scored.iter().max_by(|a, b| {
            (a.0 + a.1)
                .total_cmp(&(b.0 + b.1))
                .then(b.2.start.cmp(&a.2.start))
        })?;
        // Confidence leaves nearness out: an unchanged quote in unchanged context is certain
        // wherever it moved. But when another place scores within what nearness could swing,
        // context did not tell them apart: a person should confirm the choice.
        let mut confidence = context / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT);
        let rival = scored.iter().any(|&(other, _, o)| {
            // Another place, not a variant of this one shifted by a character or two.
            (o.end <= c.start || o.start >= c.end) && other >= context - POSITION_WEIGHT
        });
        if rival {
            confidence = confidence.min(AMBIGUOUS_CONFIDENCE);
        }
        Some(Anchor {
            start: c.start,
            end: c.end,
            method: if c.errors == 0 {
                Method::Exact
            } else {
                Method::Fuzzy
            },
            errors: c.errors,
            confidence,
        })
    }
}

/// A quote compiled for matching: its context as bit-parallel patterns, its text as a
/// searcher built only if an approximate search needs it.
struct Prepared {
    exact: Vec<char>,
    searcher: OnceCell<Searcher>,
    prefix: Pattern,
    suffix: Pattern,
    prefix_len: usize,
    suffix_len: usize,
    hint: Option<usize>,
}

impl Prepared {
    fn searcher(&self) -> &Searcher {
        self.searcher.get_or_init(|| Searcher::new(&self.exact))
    }
}

/// How well stored context (`want`, `len` characters) matches the text `got` beside a
/// candidate: 1 for equal, 0 for nothing alike. Empty stored context (the quote was at an
/// edge) matches anything.
fn side_score(want: &Pattern, len: usize, got: &[char]) -> f64 {
    if len == 0 {
        return 1.0;
    }
    1.0 - distance(want, got).min(len) as f64 / len as f64
}

/// Finds `quote` in `text` (one-off; use an [`Anchorer`] for many quotes in one text).
pub fn anchor(text: &IndexedText, quote: &Quote, hint: Option<(usize, usize)>) -> Option<Anchor> {
    Anchorer::new(text.as_str()).anchor(quote, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_has_bounded_context() {
        let t = IndexedText::new("0123456789".repeat(10));
        let q = quote_at(&t, 40, 45);
        assert_eq!(q.exact, "01234");
        assert_eq!(q.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(q.suffix.chars().count(), CONTEXT_CHARS);
        let q = quote_at(&t, 0, 3);
        assert_eq!(q.prefix, "");
    }

    #[test]
    fn position_wins_when_it_still_holds_the_quote() {
        let t = IndexedText::new("say hi, say hi");
        let q = quote_at(&t, 8, 14);
        let a = anchor(&t, &q, Some((8, 14))).unwrap();
        assert_eq!((a.start, a.end, a.method), (8, 14, Method::Position));
        assert_eq!(a.confidence, 1.0);
        assert!(!a.needs_confirmation());
    }

    #[test]
    fn context_picks_the_right_one_of_repeated_quotes() {
        let t = IndexedText::new("A said “no more”. B said “no more”. C said “no more”.");
        let q = quote_at(&t, 25, 34); // B's
        assert_eq!(q.exact, "“no more”");
        let a = anchor(&t, &q, None).unwrap();
        assert_eq!((a.start, a.method), (25, Method::Exact));
        // A stale position falls back to search, still finding B's.
        let a = anchor(&t, &q, Some((3, 12))).unwrap();
        assert_eq!(a.start, 25);
    }

    #[test]
    fn nearness_breaks_ties_when_context_is_equal() {
        let t = IndexedText::new("xx ab xx ab xx ab");
        let q = Quote {
            exact: "ab".into(),
            ..Quote::default()
        };
        assert_eq!(anchor(&t, &q, Some((13, 15))).unwrap().start, 15);
        assert_eq!(anchor(&t, &q, None).unwrap().start, 3);
        // Nothing but nearness chose: a person should confirm.
        assert!(anchor(&t, &q, Some((13, 15))).unwrap().needs_confirmation());
    }

    #[test]
    fn a_place_context_cannot_tell_from_another_asks_for_confirmation() {
        let para = "Intro words here. The minister said prices fell in May. Outro words here.";
        let before = IndexedText::new([para; 4].join("\n\n"));
        let copy = |i: usize| i * (para.chars().count() + 2) + 18;
        // The claim on the second copy: the third has the very same words and context.
        let q = quote_at(&before, copy(1), copy(1) + 37);
        assert_eq!(q.exact, "The minister said prices fell in May.");
        let after = IndexedText::new(format!("New. {}", before.as_str()));
        let a = anchor(&after, &q, Some((copy(1), copy(1) + 37))).unwrap();
        assert_eq!(a.start, copy(1) + 5, "the nearer one");
        assert!(a.needs_confirmation(), "{a:?}");
        // One copy only: found again surely.
        let single = IndexedText::new(format!("New. {para}"));
        let q = quote_at(&IndexedText::new(para), 18, 55);
        assert!(!anchor(&single, &q, Some((18, 55)))
            .unwrap()
            .needs_confirmation());
    }

    #[test]
    fn missing_quotes_do_not_anchor() {
        let t = IndexedText::new("nothing here at all, not even close");
        let q = Quote {
            exact: "the minister resigned yesterday".into(),
            ..Quote::default()
        };
        assert_eq!(anchor(&t, &q, Some((0, 6))), None);
        assert_eq!(anchor(&t, &q, None), None);
        assert_eq!(anchor(&t, &Quote::default(), None), None);
    }

    #[test]
    fn a_quote_moved_by_an_edit_elsewhere_is_found_exactly_and_surely() {
        let before = IndexedText::new("Intro. The minister said prices fell 3% in May. Outro.");
        let q = quote_at(&before, 7, 47);
        let after = IndexedText::new(
            "A longer intro was added here. The minister said prices fell 3% in May. Outro.",
        );
        let a = anchor(&after, &q, Some((7, 47))).unwrap();
        assert_eq!(after.slice(a.start, a.end), q.exact);
        assert_eq!(a.method, Method::Exact);
        // The prefix changed with the new intro, so confidence drops below 1, but the quote
        // and suffix are intact.
        assert!(a.confidence > 0.8 && a.confidence < 1.0, "{a:?}");
    }

    #[test]
    fn an_edited_quote_is_found_fuzzily_and_flagged() {
        let before = IndexedText::new("Intro. The minister said prices fell 3% in May. Outro.");
        let q = quote_at(&before, 7, 47);
        let after = IndexedText::new("Intro. The minister said prices fell 4% in May. Outro.");
        for hint in [Some((7, 47)), None] {
            let a = anchor(&after, &q, hint).unwrap();
            assert_eq!(
                (a.start, a.end, a.method, a.errors),
                (7, 47, Method::Fuzzy, 1),
                "{hint:?}"
            );
            assert!(a.needs_confirmation());
        }
    }

    #[test]
    fn fuzzy_global_search_finds_far_moves_through_the_gram_index() {
        let filler: String = (0..300)
            .map(|i| format!("Filler sentence {i} about nothing. "))
            .collect();
        let claim = "The Defense Department said in a statement that the strike was aimed at deterring attacks.";
        let text = format!("{filler}{claim} {filler}");
        let t = IndexedText::new(text.as_str());
        let start = filler.chars().count();
        let q = Quote {
            exact: claim
                .replace("aimed", "aiimed")
                .replace("Defense", "Defence"),
            prefix: "nothing. ".into(),
            suffix: " Filler".into(),
        };
        let a = Anchorer::new(t.as_str()).anchor(&q, None).unwrap();
        assert_eq!(
            (a.start, a.end, a.method, a.errors),
            (start, start + claim.chars().count(), Method::Fuzzy, 2)
        );
    }

    #[test]
    fn common_pieces_skipped_in_the_index_do_not_cut_the_search_short() {
        // Most pieces of the quote are a phrase that occurs hundreds of times; only two pieces
        // are rare, and both copies of the sentence get their votes. The right copy (by
        // context) is the second one.
        let common = "Revolutionary Guard Corps-Quds Force, ".repeat(600);
        let text = format!(
            "{common}Alpha said the Revolutionary Guard Corps-Quds Force is gone. {common}Omega said the Revolutionary Guard Corps-Quds Force is gone. End."
        );
        let t = IndexedText::new(text.as_str());
        let omega = text.find("Omega said").unwrap() + 6;
        let q = Quote {
            exact: "said the Revolutionary Guard Corps-Quds Force is gane.".into(),
            prefix: "Corps-Quds Force, Omega ".into(),
            suffix: " End.".into(),
        };
        let a = anchor(&t, &q, None).unwrap();
        assert_eq!((a.start, a.errors), (omega, 1));
    }

    #[test]
    fn heavily_edited_quotes_fall_back_to_a_full_scan() {
        let t = IndexedText::new("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj");
        // Every 8-character piece is damaged, but within len/2 edits.
        let q = Quote {
            exact: "aaXa bbXb ccXc ddXd".into(),
            ..Quote::default()
        };
        let a = anchor(&t, &q, None).unwrap();
        assert_eq!((a.start, a.method), (0, Method::Fuzzy));
        assert_eq!(a.errors, 4);
    }

    #[test]
    fn overlapping_occurrences_are_all_candidates() {
        let a = Anchorer::new("aaaa");
        let found: Vec<usize> = a
            .exact_in(0, 4, &['a', 'a'])
            .iter()
            .map(|c| c.start)
            .collect();
        assert_eq!(found, vec![0, 1, 2]);
    }

    #[test]
    fn the_gram_index_finds_every_exact_occurrence() {
        let text = "the cat sat on the mat; the cat sat on the hat; the cat sat.".repeat(3);
        let a = Anchorer::new(&text);
        let needle: Vec<char> = "the cat sat on the".chars().collect();
        let via_index: Vec<usize> = a.exact_global(&needle).iter().map(|c| c.start).collect();
        let direct: Vec<usize> = a
            .exact_in(0, a.len(), &needle)
            .iter()
            .map(|c| c.start)
            .collect();
        assert_eq!(via_index, direct);
        assert_eq!(via_index.len(), 6);
    }
}
