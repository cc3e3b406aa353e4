//! One small sort for the whole domain.
//!
//! Every call of the standard library's sorts instantiates several kilobytes of code (its
//! stable sort even more) per element type and comparator; across the domain that came to
//! about 38 KB of the shipped wasm. This heapsort takes the comparator as `&dyn Fn`, so each
//! element type gets one small closure (the sort itself is one function). It is not stable: callers give total orders (ties broken
//! by an id or index), so the result is the same on every run and in every tab.

use std::cmp::Ordering;

/// Sorts `v` in place by `cmp`, in O(n log n).
pub fn sort_by<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    // The sort itself is one function for every element type; each type adds only this.
    heapsort(v.len(), &mut |step| match step {
        Step::Less(i, j) => cmp(&v[i], &v[j]) == Ordering::Less,
        Step::Swap(i, j) => {
            v.swap(i, j);
            false
        }
    });
}

/// What the heapsort asks of the slice it sorts.
enum Step {
    Less(usize, usize),
    Swap(usize, usize),
}

/// Moves the item at `from` to `to`, the ones between one place towards `from`: by swaps, so
/// that each element type adds no code of its own (a rotation added 2 KB to the first load).
fn shift(at: &mut dyn FnMut(Step) -> bool, from: usize, to: usize) {
    if to < from {
        (to..from).rev().for_each(|k| _ = at(Step::Swap(k, k + 1)));
    } else {
        (from..to).for_each(|k| _ = at(Step::Swap(k, k + 1)));
    }
}

fn heapsort(n: usize, at: &mut dyn FnMut(Step) -> bool) {
    // Lists are often in order already, or nearly (records read back in key order, claims kept
    // in text order, a few just added): one pass finds that, and puts each of the few out of
    // place where it belongs, found by halves, where the heapsort would take n log n
    // comparisons (tagging a claim of 5,000 sorted them twice: 2 ms). With more than a few out
    // of place, the heapsort sorts what the pass left.
    let mut few = 8 + n / 64;
    let mut i = 1;
    while i < n {
        if !at(Step::Less(i, i - 1)) {
            i += 1;
            continue;
        }
        if few == 0 {
            break;
        }
        few -= 1;
        // The one before `i` is too great when the one after `i` is less than it too: it moves
        // on, after its equals among those after it. Otherwise the one at `i` is too small: it
        // moves back, after its equals among those before it.
        let (lo, hi, x) = match i + 1 < n && at(Step::Less(i + 1, i - 1)) {
            true => (i + 1, n, i - 1),
            false => (0, i - 1, i),
        };
        let (mut lo, mut hi) = (lo, hi);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if at(Step::Less(x, mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if x == i {
            shift(at, i, lo);
            i += 1;
        } else {
            shift(at, x, lo - 1);
            i = x.max(1);
        }
    }
    if (1..n).all(|i| !at(Step::Less(i, i - 1))) {
        return;
    }
    for start in (0..n / 2).rev() {
        sift_down(at, start, n);
    }
    for end in (1..n).rev() {
        at(Step::Swap(0, end));
        sift_down(at, 0, end);
    }
}

fn sift_down(at: &mut dyn FnMut(Step) -> bool, mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && at(Step::Less(child, child + 1)) {
            child += 1;
        }
        if !at(Step::Less(root, child)) {
            return;
        }
        at(Step::Swap(root, child));
        root = child;
    }
}

/// Positions by key, found by halves: a sorted list, where a map type would add kilobytes of
/// code to the wasm.
pub struct Lookup(Vec<(String, usize)>);

impl Lookup {
    /// The position of each key in the order given (keys should be distinct).
    pub fn new<'a>(keys: impl Iterator<Item = &'a str>) -> Lookup {
        let mut v: Vec<(String, usize)> =
            keys.enumerate().map(|(i, k)| (k.to_owned(), i)).collect();
        sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
        Lookup(v)
    }

    pub fn get(&self, key: &str) -> Option<usize> {
        Some(self.0[self.rank(key)?].1)
    }

    /// The place of `key` among the keys in sorted order.
    pub fn rank(&self, key: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One item per key: sorted by key, and of items with the same key the one `better` prefers
/// (the first, on a tie).
pub fn winners<T>(
    mut items: Vec<T>,
    key: &dyn Fn(&T) -> &str,
    better: &dyn Fn(&T, &T) -> bool,
) -> Vec<T> {
    sort_by(&mut items, &|a, b| key(a).cmp(key(b)));
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        match out.last_mut() {
            Some(kept) if key(kept) == key(&item) => {
                if better(&item, kept) {
                    *kept = item;
                }
            }
            _ => out.push(item),
        }
    }
    out
}

/// Sorts by the natural order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, &|a, b| a.cmp(b));
}

/// Sorts numbers, a byte at a time from the lowest (a radix sort: linear time, for the hot
/// path of fuzzy anchoring, where thousands of numbers are sorted per quote and the heapsort
/// above was a third slower over the anchoring benchmark). Bytes on which all numbers agree are
/// skipped.
pub fn sort_numbers(v: &mut Vec<u64>) {
    let mut out = vec![0u64; v.len()];
    for shift in (0..64).step_by(8) {
        let byte = |x: u64| ((x >> shift) & 0xFF) as usize;
        let mut at = [0usize; 256];
        v.iter().for_each(|&x| at[byte(x)] += 1);
        if at.contains(&v.len()) {
            continue;
        }
        let mut sum = 0;
        for slot in at.iter_mut() {
            (*slot, sum) = (sum, sum + *slot);
        }
        for &x in v.iter() {
            out[at[byte(x)]] = x;
            at[byte(x)] += 1;
        }
        std::mem::swap(v, &mut out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::benchmark::Rng;

    #[test]
    fn sorts_numbers_like_the_standard_library() {
        let mut rng = Rng::new(4);
        for n in [0, 1, 2, 5, 300, 5000] {
            for bits in [3, 20, 64] {
                let mut v: Vec<u64> = (0..n).map(|_| rng.next_u64() >> (64 - bits)).collect();
                let mut want = v.clone();
                want.sort_unstable();
                sort_numbers(&mut v);
                assert_eq!(v, want, "n = {n}, {bits} bits");
            }
        }
    }

    #[test]
    fn sorts_like_the_standard_library() {
        let mut rng = Rng::new(9);
        for n in [0, 1, 2, 3, 10, 100, 1000] {
            let mut v: Vec<(u64, u64)> = (0..n)
                .map(|_| (rng.next_u64() % 7, rng.next_u64() % 50))
                .collect();
            let mut want = v.clone();
            want.sort();
            sort(&mut v);
            assert_eq!(v, want, "n = {n}");
            // In order already, and one element out of place.
            sort(&mut v);
            assert_eq!(v, want, "n = {n}, sorted");
            if n > 2 {
                v.swap(0, n / 2);
                sort(&mut v);
                assert_eq!(v, want, "n = {n}, one out of place");
            }
            sort_by(&mut v, &|a, b| b.cmp(a));
            want.reverse();
            assert_eq!(v, want);
        }
    }

    #[test]
    fn a_list_with_a_few_out_of_place_is_sorted_in_linear_time() {
        let mut rng = Rng::new(3);
        let n = 5_000u64;
        let sorted: Vec<u64> = (0..n).map(|i| i * 2).collect();
        // One just added at the end (it belongs near the start), nine added at the start
        // (they belong further on), three pairs swapped far apart.
        let mut added = sorted.clone();
        added.push(3);
        let mut first = sorted.clone();
        for k in 0..9 {
            first.insert(0, 1000 * k + 1);
        }
        let mut moved = sorted.clone();
        for _ in 0..3 {
            let (a, b) = (rng.next_u64() % n, rng.next_u64() % n);
            moved.swap(a as usize, b as usize);
        }
        for mut v in [added, first, moved] {
            let mut want = v.clone();
            want.sort();
            let calls = std::cell::Cell::new(0u64);
            sort_by(&mut v, &|a, b| {
                calls.set(calls.get() + 1);
                a.cmp(b)
            });
            assert_eq!(v, want);
            assert!(calls.get() < 3 * n, "{} comparisons", calls.get());
        }
        // Disturbed a little or a lot, with equal keys: sorted all the same.
        for moves in [1, 5, 40, 200] {
            let mut v: Vec<u64> = (0..600).map(|i| i / 3).collect();
            for _ in 0..moves {
                let (a, b) = (rng.next_u64() % 600, rng.next_u64() % 600);
                let x = v.remove(a as usize);
                v.insert(b as usize, x);
            }
            let mut want = v.clone();
            want.sort();
            sort(&mut v);
            assert_eq!(v, want, "{moves} moved");
        }
    }
}
