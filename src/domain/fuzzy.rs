//! Approximate string matching: Myers' bit-parallel algorithm (Myers 1999, "A fast bit-vector
//! algorithm for approximate string matching based on dynamic programming"), blocked into
//! 64-bit words so patterns of any length work, with Ukkonen's cut-off so only the blocks that
//! can still lead to a match within `max_errors` are computed.
//!
//! Works on code points (`&[char]`), the unit of every offset in the domain.

const W: usize = 64;

/// A pattern compiled for matching: for each character, the bit mask of its positions.
pub struct Pattern {
    len: usize,
    blocks: usize,
    /// `ascii[c * blocks + b]`: positions of ASCII char `c` in block `b`.
    ascii: Vec<u64>,
    /// The same for the pattern's non-ASCII characters (few: quotes, dashes, accents).
    other: Vec<(char, Vec<u64>)>,
    zero: Vec<u64>,
}

impl Pattern {
    pub fn new(pattern: &[char]) -> Self {
        let len = pattern.len();
        let blocks = len.div_ceil(W).max(1);
        let mut ascii = vec![0u64; 128 * blocks];
        let mut other: Vec<(char, Vec<u64>)> = Vec::new();
        for (i, &c) in pattern.iter().enumerate() {
            let (b, bit) = (i / W, 1u64 << (i % W));
            if (c as u32) < 128 {
                ascii[c as usize * blocks + b] |= bit;
            } else {
                match other.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, v)) => v[b] |= bit,
                    None => {
                        let mut v = vec![0u64; blocks];
                        v[b] |= bit;
                        other.push((c, v));
                    }
                }
            }
        }
        Self {
            len,
            blocks,
            ascii,
            other,
            zero: vec![0u64; blocks],
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn peq(&self, c: char) -> &[u64] {
        if (c as u32) < 128 {
            let i = c as usize * self.blocks;
            &self.ascii[i..i + self.blocks]
        } else {
            self.other
                .iter()
                .find(|(k, _)| *k == c)
                .map_or(&self.zero[..], |(_, v)| &v[..])
        }
    }

    /// Bit of the pattern's last row within block `b`.
    #[inline]
    fn last_bit(&self, b: usize) -> u64 {
        if b + 1 == self.blocks {
            1u64 << ((self.len - 1) % W)
        } else {
            1u64 << (W - 1)
        }
    }
}

/// Advances block `b` over one text character; `h_in` is the horizontal delta entering the
/// block's first row (-1, 0 or +1); returns the delta leaving its last row.
#[inline]
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, h_in: i32, last: u64) -> i32 {
    let neg = (h_in < 0) as u64;
    let eq = eq | neg;
    let xv = eq | *mv;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let h_out = ((ph & last) != 0) as i32 - ((mh & last) != 0) as i32;
    ph <<= 1;
    mh <<= 1;
    mh |= neg;
    ph |= (h_in > 0) as u64;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

/// The least number of edits (insertions, deletions, substitutions) with which the pattern
/// matches a substring of `text` ending at each position, reported for every end where that
/// number is at most `max_errors` and no worse than the best seen so far. Returns the best
/// error count and every end (exclusive) that reaches it.
pub fn best_match_ends(
    text: &[char],
    pat: &Pattern,
    max_errors: usize,
) -> Option<(usize, Vec<usize>)> {
    let m = pat.len;
    if m == 0 {
        return None;
    }
    let nb = pat.blocks;
    let mut pv = vec![!0u64; nb];
    let mut mv = vec![0u64; nb];
    // score[b]: the edit distance at the last row of block b, for the current column.
    let mut score: Vec<usize> = (0..nb).map(|b| ((b + 1) * W).min(m)).collect();
    let mut k = max_errors;
    // Last active block: beyond it every cell exceeds k (Ukkonen's cut-off).
    let mut y = (k.div_ceil(W)).max(1).min(nb) - 1;
    let mut best: Option<(usize, Vec<usize>)> = None;
    for (j, &c) in text.iter().enumerate() {
        let peq = pat.peq(c);
        let mut carry = 0i32;
        for b in 0..=y {
            carry = advance(&mut pv[b], &mut mv[b], peq[b], carry, pat.last_bit(b));
            score[b] = (score[b] as i64 + carry as i64) as usize;
        }
        if y + 1 < nb
            && score[y] as i64 - carry as i64 <= k as i64
            && (peq[y + 1] & 1 != 0 || carry < 0)
        {
            y += 1;
            pv[y] = !0;
            mv[y] = 0;
            let width = if y + 1 == nb { m - y * W } else { W };
            let out = advance(&mut pv[y], &mut mv[y], peq[y], carry, pat.last_bit(y));
            score[y] = (score[y - 1] as i64 + width as i64 - carry as i64 + out as i64) as usize;
        } else {
            while y > 0 && score[y] >= k + W {
                y -= 1;
            }
        }
        if y + 1 == nb && score[y] <= k {
            let s = score[y];
            match &mut best {
                Some((e, ends)) if *e == s => ends.push(j + 1),
                _ => best = Some((s, vec![j + 1])),
            }
            k = s;
        }
    }
    best
}

/// A match: `[start, end)` in the text, with its number of edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub errors: usize,
}

/// A pattern compiled both ways, for finding matches' ends and then their starts.
pub struct Searcher {
    fwd: Pattern,
    rev: Pattern,
}

impl Searcher {
    pub fn new(pattern: &[char]) -> Self {
        let rev: Vec<char> = pattern.iter().rev().copied().collect();
        Self {
            fwd: Pattern::new(pattern),
            rev: Pattern::new(&rev),
        }
    }

    /// All best approximate matches in `text` (start and end), with at most `max_errors`
    /// edits. For each best end, the start is the one giving the longest match with the same
    /// number of edits (found by matching the reversed pattern backwards).
    pub fn find(&self, text: &[char], max_errors: usize) -> Vec<Match> {
        let Some((errors, ends)) = best_match_ends(text, &self.fwd, max_errors) else {
            return Vec::new();
        };
        let m = self.fwd.len;
        let mut window: Vec<char> = Vec::with_capacity(m + errors);
        ends.into_iter()
            .map(|end| {
                let from = end.saturating_sub(m + errors);
                window.clear();
                window.extend(text[from..end].iter().rev());
                let start = match best_match_ends(&window, &self.rev, errors) {
                    Some((_, rev_ends)) => end - rev_ends.into_iter().max().unwrap_or(0),
                    None => end.saturating_sub(m),
                };
                Match { start, end, errors }
            })
            .collect()
    }
}

/// All best approximate matches of `pattern` in `text`; see [`Searcher::find`].
pub fn search(text: &[char], pattern: &[char], max_errors: usize) -> Vec<Match> {
    Searcher::new(pattern).find(text, max_errors)
}

/// Edit distance between the whole pattern and the whole of `text` (global alignment), with
/// the same bit-parallel columns: the top row costs one per character, so every column enters
/// each block with a +1.
pub fn distance(pat: &Pattern, text: &[char]) -> usize {
    let m = pat.len;
    if m == 0 {
        return text.len();
    }
    let nb = pat.blocks;
    let mut pv = vec![!0u64; nb];
    let mut mv = vec![0u64; nb];
    let mut score = m as i64;
    for &c in text {
        let peq = pat.peq(c);
        let mut carry = 1i32;
        for b in 0..nb {
            carry = advance(&mut pv[b], &mut mv[b], peq[b], carry, pat.last_bit(b));
        }
        score += carry as i64;
    }
    score as usize
}

/// Levenshtein distance between two short strings (context comparison).
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + (ca != cb) as usize;
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The textbook dynamic programme: best edit distance of `p` against any substring ending
    /// at each position of `t`.
    fn naive_ends(t: &[char], p: &[char]) -> Vec<usize> {
        let mut col: Vec<usize> = (0..=p.len()).collect();
        let mut out = Vec::new();
        for &c in t {
            let mut next = vec![0usize; p.len() + 1];
            for i in 1..=p.len() {
                next[i] = (col[i - 1] + (p[i - 1] != c) as usize)
                    .min(col[i] + 1)
                    .min(next[i - 1] + 1);
            }
            out.push(next[p.len()]);
            col = next;
        }
        out
    }

    fn check_against_naive(t: &str, p: &str, k: usize) {
        let (t, p) = (chars(t), chars(p));
        let naive = naive_ends(&t, &p);
        let best = naive.iter().copied().filter(|&d| d <= k).min();
        let got = best_match_ends(&t, &Pattern::new(&p), k);
        match best {
            None => assert_eq!(got, None),
            Some(b) => {
                let (e, ends) = got.expect("a match");
                assert_eq!(e, b);
                let want: Vec<usize> = (0..t.len())
                    .filter(|&j| naive[j] == b)
                    .map(|j| j + 1)
                    .collect();
                // Every reported end reaches the best; the last best end is always reported.
                assert!(
                    ends.iter().all(|j| want.contains(j)),
                    "{ends:?} vs {want:?}"
                );
                assert_eq!(ends.last(), want.last());
            }
        }
    }

    #[test]
    fn exact_and_approximate_matches_agree_with_the_textbook_algorithm() {
        check_against_naive("the quick brown fox", "quick", 0);
        check_against_naive("the quikc brown fox", "quick", 2);
        check_against_naive("the qck brown fox", "quick", 2);
        check_against_naive("nothing like it", "quick", 1);
        check_against_naive("“Iraqis — Iraqis” dancing", "Iraqis — Iraqi", 1);
    }

    #[test]
    fn long_patterns_use_several_blocks() {
        let text: String = (0..40)
            .map(|i| format!("sentence number {i} says something. "))
            .collect();
        let quote = "sentence number 17 says something. sentence number 18 says something. sentence number 19 says";
        assert!(quote.len() > 64 && quote.len() <= 128);
        check_against_naive(&text, quote, 0);
        let edited = quote
            .replace("number 18", "numbr 18")
            .replace("19 says", "19 sayz");
        check_against_naive(&text, &edited, 5);
        let long = quote.repeat(3);
        check_against_naive(&text.repeat(2), &long.replace("17", "71"), 40);
    }

    #[test]
    fn search_finds_start_and_end() {
        let t = chars("xx the quikc brown fox xx");
        let got = search(&t, &chars("the quick brown"), 3);
        assert_eq!(got.len(), 1);
        let m = got[0];
        assert_eq!(m.errors, 2);
        assert_eq!(
            t[m.start..m.end].iter().collect::<String>(),
            "the quikc brown"
        );
    }

    #[test]
    fn bit_parallel_distance_equals_levenshtein() {
        let words = [
            "",
            "a",
            "kitten",
            "sitting",
            "“Iraqis —",
            "Iraqis —”",
            "abcdefghij".repeat(8).as_str().to_owned().leak(),
        ];
        for a in words {
            for b in words {
                let (ca, cb) = (chars(a), chars(b));
                assert_eq!(
                    distance(&Pattern::new(&ca), &cb),
                    edit_distance(&ca, &cb),
                    "{a:?} vs {b:?}"
                );
            }
        }
        let long_a = chars(&"the quick brown fox ".repeat(5));
        let long_b = chars(&"the quikc brown fx ".repeat(5));
        assert_eq!(
            distance(&Pattern::new(&long_a), &long_b),
            edit_distance(&long_a, &long_b)
        );
    }

    #[test]
    fn edit_distance_is_levenshtein() {
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(edit_distance(&chars(""), &chars("abc")), 3);
        assert_eq!(edit_distance(&chars("same"), &chars("same")), 0);
    }
}
