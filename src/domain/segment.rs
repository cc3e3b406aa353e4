//! Splitting a text into flat segments at every highlight boundary.
//!
//! Overlapping and nested highlights become runs of segments, each covered by zero or more
//! highlights. The view renders each segment as plain text or as one `<mark>`, so overlaps need
//! no nested DOM and the hard part stays here, testable natively.

/// A run of text `[start, end)` (code points) and the highlights covering all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Indexes into the `spans` given to [`segments`], outermost (longest) first, so the last one
    /// is the innermost highlight: the one a click on this segment means first.
    pub covering: Vec<usize>,
}

/// Cuts `range` into segments at every boundary of `spans` (code-point ranges; empty or
/// reversed ones are ignored). The segments cover `range` exactly once, in order, and no two
/// neighbours have the same covering.
pub fn segments(range: (usize, usize), spans: &[(usize, usize)]) -> Vec<Segment> {
    let (lo, hi) = range;
    if lo >= hi {
        return Vec::new();
    }
    let live: Vec<usize> = (0..spans.len())
        .filter(|&i| {
            let (s, e) = spans[i];
            s < e && s < hi && e > lo
        })
        .collect();
    let mut cuts: Vec<usize> = vec![lo, hi];
    for &i in &live {
        let (s, e) = spans[i];
        cuts.push(s.clamp(lo, hi));
        cuts.push(e.clamp(lo, hi));
    }
    super::order::sort(&mut cuts);
    cuts.dedup();

    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut covering: Vec<usize> = live
            .iter()
            .copied()
            .filter(|&i| spans[i].0 <= a && spans[i].1 >= b)
            .collect();
        // Outermost first; ties broken by earlier start, then by index, for a stable order.
        let key = |i: usize| (std::cmp::Reverse(spans[i].1 - spans[i].0), spans[i].0, i);
        super::order::sort_by(&mut covering, &|&a, &b| key(a).cmp(&key(b)));
        match out.last_mut() {
            Some(prev) if prev.covering == covering => prev.end = b,
            _ => out.push(Segment {
                start: a,
                end: b,
                covering,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(start: usize, end: usize, covering: &[usize]) -> Segment {
        Segment {
            start,
            end,
            covering: covering.to_vec(),
        }
    }

    #[test]
    fn no_highlights_is_one_plain_segment() {
        assert_eq!(segments((0, 10), &[]), vec![seg(0, 10, &[])]);
        assert!(segments((5, 5), &[]).is_empty());
    }

    #[test]
    fn overlapping_highlights_split_into_three_runs() {
        let got = segments((0, 20), &[(2, 10), (6, 14)]);
        assert_eq!(
            got,
            vec![
                seg(0, 2, &[]),
                seg(2, 6, &[0]),
                seg(6, 10, &[0, 1]),
                seg(10, 14, &[1]),
                seg(14, 20, &[]),
            ]
        );
    }

    #[test]
    fn nested_highlight_lists_the_inner_one_last() {
        let got = segments((0, 10), &[(4, 6), (0, 10)]);
        assert_eq!(
            got,
            vec![seg(0, 4, &[1]), seg(4, 6, &[1, 0]), seg(6, 10, &[1])]
        );
    }

    #[test]
    fn spans_are_clipped_to_the_range() {
        let got = segments((10, 20), &[(0, 12), (18, 40), (30, 35), (3, 3)]);
        assert_eq!(
            got,
            vec![seg(10, 12, &[0]), seg(12, 18, &[]), seg(18, 20, &[1])]
        );
    }

    #[test]
    fn identical_spans_share_every_segment() {
        let got = segments((0, 5), &[(1, 3), (1, 3)]);
        assert_eq!(
            got,
            vec![seg(0, 1, &[]), seg(1, 3, &[0, 1]), seg(3, 5, &[])]
        );
    }
}
