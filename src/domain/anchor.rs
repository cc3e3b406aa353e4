//! Describing a span of text by its quote, and finding that quote again.
//!
//! An annotation stores both its position and a quote (`exact` plus up to
//! [`CONTEXT_CHARS`] characters of `prefix` and `suffix`). Anchoring tries the stored position
//! first (accepted only if the text there still equals the quote), then every exact occurrence
//! of the quote, ranked by how much of the context matches and by nearness to the old position.

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
        suffix: text.slice(end, end + CONTEXT_CHARS).to_owned(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The stored position still holds the quote.
    Position,
    /// Found by searching for the exact quote.
    Exact,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub method: Method,
}

/// Number of characters that `a` and `b` share at their ends (`from_end`) or starts.
fn common(a: &str, b: &str, from_end: bool) -> usize {
    if from_end {
        a.chars()
            .rev()
            .zip(b.chars().rev())
            .take_while(|(x, y)| x == y)
            .count()
    } else {
        a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
    }
}

/// Code-point starts of every occurrence of `needle` in `text`, overlapping ones included.
fn occurrences(text: &IndexedText, needle: &str) -> Vec<usize> {
    let hay = text.as_str();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        out.push(text.cp_of_byte(at));
        // Step one character, so overlapping occurrences are found too.
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Finds `quote` in `text`. `hint` is the position the quote was last seen at.
pub fn anchor(text: &IndexedText, quote: &Quote, hint: Option<(usize, usize)>) -> Option<Anchor> {
    if quote.exact.is_empty() {
        return None;
    }
    if let Some((s, e)) = hint {
        if s < e && e <= text.len() && text.slice(s, e) == quote.exact {
            return Some(Anchor {
                start: s,
                end: e,
                method: Method::Position,
            });
        }
    }
    let len = quote.exact.chars().count();
    let best = occurrences(text, &quote.exact)
        .into_iter()
        .max_by_key(|&start| {
            let end = start + len;
            let before = text.slice(start.saturating_sub(CONTEXT_CHARS), start);
            let after = text.slice(end, end + CONTEXT_CHARS);
            // Context dominates: each matching context character outweighs any distance.
            let context = common(before, &quote.prefix, true) + common(after, &quote.suffix, false);
            let distance = hint.map_or(0, |(s, _)| s.abs_diff(start));
            (
                context,
                std::cmp::Reverse(distance),
                std::cmp::Reverse(start),
            )
        })?;
    Some(Anchor {
        start: best,
        end: best + len,
        method: Method::Exact,
    })
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
    }

    #[test]
    fn missing_quotes_do_not_anchor() {
        let t = IndexedText::new("nothing here");
        let q = Quote {
            exact: "absent".into(),
            ..Quote::default()
        };
        assert_eq!(anchor(&t, &q, Some((0, 6))), None);
        assert_eq!(anchor(&t, &Quote::default(), None), None);
    }

    #[test]
    fn overlapping_occurrences_are_all_candidates() {
        let t = IndexedText::new("aaaa");
        assert_eq!(occurrences(&t, "aa"), vec![0, 1, 2]);
    }
}
