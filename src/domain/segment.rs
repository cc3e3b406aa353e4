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
    cut(&[range], spans).pop().unwrap_or_default()
}

/// [`segments`] for each of `ranges` (in text order, not overlapping), in one sweep over the
/// spans: O((ranges + spans) log spans) however many spans a range holds, where cutting each
/// range on its own would compare every span with every segment.
pub fn cut(ranges: &[(usize, usize)], spans: &[(usize, usize)]) -> Vec<Vec<Segment>> {
    let mut by_start: Vec<usize> = (0..spans.len())
        .filter(|&i| spans[i].0 < spans[i].1)
        .collect();
    super::order::sort_by(&mut by_start, &|&a, &b| {
        (spans[a].0, a).cmp(&(spans[b].0, b))
    });
    let mut bounds: Vec<usize> = by_start
        .iter()
        .flat_map(|&i| [spans[i].0, spans[i].1])
        .collect();
    super::order::sort(&mut bounds);
    bounds.dedup();

    // Outermost first; ties broken by earlier start, then by index, for a stable order.
    let key = |i: usize| (std::cmp::Reverse(spans[i].1 - spans[i].0), spans[i].0, i);
    let (mut next_span, mut next_bound) = (0, 0);
    let mut active: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(ranges.len());
    for &(lo, hi) in ranges {
        let mut segs: Vec<Segment> = Vec::new();
        if lo < hi {
            while next_bound < bounds.len() && bounds[next_bound] <= lo {
                next_bound += 1;
            }
            let mut a = lo;
            while a < hi {
                let b = match bounds.get(next_bound) {
                    Some(&x) if x < hi => {
                        next_bound += 1;
                        x
                    }
                    _ => hi,
                };
                // The spans covering `[a, b)`: started at or before `a`, not ended by then
                // (no boundary lies inside the window, so each covers all of it).
                while next_span < by_start.len() && spans[by_start[next_span]].0 <= a {
                    active.push(by_start[next_span]);
                    next_span += 1;
                }
                active.retain(|&i| spans[i].1 > a);
                let mut covering = active.clone();
                super::order::sort_by(&mut covering, &|&x, &y| key(x).cmp(&key(y)));
                match segs.last_mut() {
                    Some(prev) if prev.covering == covering => prev.end = b,
                    _ => segs.push(Segment {
                        start: a,
                        end: b,
                        covering,
                    }),
                }
                a = b;
            }
        }
        out.push(segs);
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

    /// The definition, segment by segment: every span compared with every window.
    fn naive(range: (usize, usize), spans: &[(usize, usize)]) -> Vec<Segment> {
        let (lo, hi) = range;
        let mut cuts = vec![lo, hi];
        for &(s, e) in spans.iter().filter(|(s, e)| s < e && *s < hi && *e > lo) {
            cuts.extend([s.clamp(lo, hi), e.clamp(lo, hi)]);
        }
        cuts.sort();
        cuts.dedup();
        let mut out: Vec<Segment> = Vec::new();
        for w in cuts.windows(2).filter(|w| w[0] < w[1]) {
            let mut covering: Vec<usize> = (0..spans.len())
                .filter(|&i| spans[i].0 < spans[i].1 && spans[i].0 <= w[0] && spans[i].1 >= w[1])
                .collect();
            covering.sort_by_key(|&i| (std::cmp::Reverse(spans[i].1 - spans[i].0), spans[i].0, i));
            match out.last_mut() {
                Some(p) if p.covering == covering => p.end = w[1],
                _ => out.push(seg(w[0], w[1], &covering)),
            }
        }
        out
    }

    #[test]
    fn one_sweep_over_many_ranges_agrees_with_the_definition() {
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..300 {
            let spans: Vec<(usize, usize)> = (0..next(12)).map(|_| (next(60), next(60))).collect();
            let mut ranges = Vec::new();
            let mut at = next(5);
            while at < 60 {
                let end = at + next(15);
                ranges.push((at, end.min(60)));
                at = end + next(4);
            }
            let got = cut(&ranges, &spans);
            let want: Vec<Vec<Segment>> = ranges.iter().map(|&r| naive(r, &spans)).collect();
            assert_eq!(got, want, "ranges {ranges:?}, spans {spans:?}");
        }
    }
}
