//! Lists of phrases looked for anywhere in a unit's lower-cased text ("reportedly", " will ",
//! "according to reports"). Looking for each phrase with `str::contains` reads the sentence once
//! per phrase: over a hundred readings of every sentence of an article. A `Phrases` reads it once:
//! at each byte it tries only the phrases that begin with that byte.

use std::sync::OnceLock;

pub struct Phrases {
    list: &'static [&'static str],
    index: OnceLock<Index>,
}

/// The list's indexes ordered by first byte, where each first byte's run begins, and which
/// first bytes and pairs of first bytes begin a phrase (most places in a sentence begin none,
/// and are passed over with one look at a bit).
struct Index {
    order: Vec<u8>,
    starts: [u8; 257],
    singles: [u64; 4],
    pairs: [u64; 64],
}

#[inline(always)]
fn pair(a: u8, b: u8) -> usize {
    ((a as usize) << 6 ^ b as usize) & 4095
}

#[inline(always)]
fn bit(set: &[u64], k: usize) -> bool {
    set[k / 64] >> (k % 64) & 1 == 1
}

impl Phrases {
    pub const fn new(list: &'static [&'static str]) -> Self {
        Phrases {
            list,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            assert!(self.list.len() <= 255 && self.list.iter().all(|p| !p.is_empty()));
            let first = |k: &u8| self.list[*k as usize].as_bytes()[0];
            let mut order: Vec<u8> = (0..self.list.len() as u8).collect();
            order.sort_by_key(first);
            let mut starts = [0u8; 257];
            for b in 0..256 {
                starts[b + 1] =
                    starts[b] + order.iter().filter(|k| first(k) as usize == b).count() as u8;
            }
            let (mut singles, mut pairs) = ([0u64; 4], [0u64; 64]);
            for p in self.list {
                let k = match p.as_bytes() {
                    [a] => {
                        singles[*a as usize / 64] |= 1 << (*a as usize % 64);
                        continue;
                    }
                    [a, b, ..] => pair(*a, *b),
                    [] => continue,
                };
                pairs[k / 64] |= 1 << (k % 64);
            }
            Index {
                order,
                starts,
                singles,
                pairs,
            }
        })
    }

    /// Calls `found` with the list index of each phrase at each place it occurs in `hay`, until
    /// `found` returns true.
    fn scan(&self, hay: &str, mut found: impl FnMut(usize) -> bool) {
        let ix = self.index();
        let h = hay.as_bytes();
        for (i, &b) in h.iter().enumerate() {
            let next = h.get(i + 1);
            if !bit(&ix.singles, b as usize) && !next.is_some_and(|&n| bit(&ix.pairs, pair(b, n))) {
                continue;
            }
            let rest = &h[i..];
            for &k in &ix.order[ix.starts[b as usize] as usize..ix.starts[b as usize + 1] as usize]
            {
                if rest.starts_with(self.list[k as usize].as_bytes()) && found(k as usize) {
                    return;
                }
            }
        }
    }

    /// Whether any of the phrases occurs in `hay`.
    pub fn any_in(&self, hay: &str) -> bool {
        let mut any = false;
        self.scan(hay, |_| {
            any = true;
            true
        });
        any
    }

    /// How many of the phrases occur in `hay` (each counted once).
    pub fn count_in(&self, hay: &str) -> usize {
        let mut seen = vec![false; self.list.len()];
        self.scan(hay, |k| {
            seen[k] = true;
            false
        });
        seen.iter().filter(|&&s| s).count()
    }
}

/// How many words `t` has: `t.split_whitespace().count()`, reading ASCII a byte at a time.
pub fn word_count(t: &str) -> usize {
    let b = t.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while i < b.len() {
        let (space, len) = if b[i] < 0x80 {
            (matches!(b[i], b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = t[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        n += usize::from(!space && !in_word);
        in_word = !space;
        i += len;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_as_split_whitespace_does() {
        for t in [
            "",
            " ",
            "a",
            " a  b\t\nc\x0b\x0cd\re ",
            "non\u{a0}breaking\u{2009}thin\u{3000}ideographic\u{85}next",
            "café — “quoted” 😀 words",
            "\u{200b}zero-width is no space",
        ] {
            assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn finds_what_contains_finds() {
        static LIST: Phrases = Phrases::new(&["said", " said", "sa", "«", "dit « o", "é", "x"]);
        let hays = [
            "",
            "a",
            "sa",
            "the said",
            "ça dit « oui »",
            "xsaid",
            "s",
            "é",
        ];
        for h in hays {
            let expected: Vec<bool> = LIST.list.iter().map(|p| h.contains(p)).collect();
            assert_eq!(LIST.any_in(h), expected.iter().any(|&e| e), "{h:?}");
            assert_eq!(
                LIST.count_in(h),
                expected.iter().filter(|&&e| e).count(),
                "{h:?}"
            );
        }
    }
}
