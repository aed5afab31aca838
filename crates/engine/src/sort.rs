//! A stable sort that costs little WebAssembly.
//!
//! The standard library's sorts (driftsort, ipnsort) are fast but are compiled again, a few
//! kilobytes each time, for every element type and comparison they are called with: measured
//! with twiggy on the app's release wasm, about 140 KB (before gzip) of sorting code for some
//! forty call sites. Here the sorting itself is one non-generic merge sort over `u32` positions
//! with a `dyn` comparison; what is left generic per call site (building the comparison, moving
//! the elements into their places) is a few hundred bytes.
//!
//! Rules:
//! - every sort here is **stable** (equal elements keep their order), so it can replace both
//!   `sort_by` and `sort_unstable_by` (where any order of equal elements was acceptable);
//! - `O(n log n)` comparisons and `O(n)` extra memory (two `u32` per element);
//! - [`map`] and [`set`] build ordered maps and sets without `collect()` (whose `FromIterator`
//!   sorts with the standard library's sort);
//! - hot sorts of millions of plain integers (wire-copy shingles, linking pairs) keep the
//!   standard library's `sort_unstable`, which is faster there and instantiated only for those.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order = positions(v.len());
    {
        let items: &[T] = v;
        merge_sort(&mut order, &mut |a, b| cmp(&items[a as usize], &items[b as usize]));
    }
    permute(v, order);
}

/// Sorts `v` by the key `key` gives each element, stably (as `slice::sort_by_key`).
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order (as `slice::sort`).
pub fn natural<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// A map of `items`, as `collect()` gives, but built by inserting: `BTreeMap`'s `FromIterator`
/// sorts its input with the standard sort, one more copy of it per key type.
pub fn map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    m.extend(items);
    m
}

/// A set of `items`, as `collect()` gives (see [`map`]).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    s.extend(items);
    s
}

/// `0, 1, …, n - 1` as `u32` (lists longer than `u32::MAX` do not occur: they would not fit in
/// the browser's memory).
fn positions(n: usize) -> Vec<u32> {
    (0..n).map(|i| i as u32).collect()
}

/// Small runs are sorted by insertion before merging.
const RUN: usize = 12;

/// Stable bottom-up merge sort of `order` by `cmp`; the only copy of the algorithm in the
/// program.
fn merge_sort(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    let n = order.len();
    for run in order.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && cmp(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    if n <= RUN {
        return;
    }
    let mut buf = vec![0u32; n];
    let (mut src, mut dst): (&mut [u32], &mut [u32]) = (order, &mut buf);
    let mut in_buf = false;
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right run only when strictly smaller: stability.
                if cmp(src[j], src[i]) == Ordering::Less {
                    dst[k] = src[j];
                    j += 1;
                } else {
                    dst[k] = src[i];
                    i += 1;
                }
                k += 1;
            }
            dst[k..k + mid - i].copy_from_slice(&src[i..mid]);
            k += mid - i;
            dst[k..k + end - j].copy_from_slice(&src[j..end]);
            start = end;
        }
        std::mem::swap(&mut src, &mut dst);
        in_buf = !in_buf;
        width *= 2;
    }
    if in_buf {
        // The sorted positions are in the buffer (`src` after the last swap): copy them back.
        dst.copy_from_slice(src);
    }
}

/// Moves `v[order[k]]` to position `k` for every `k`, in place, following each cycle of the
/// permutation once (`order` is used up as the marks of what has been placed).
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for start in 0..v.len() {
        if order[start] == DONE {
            continue;
        }
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency for a test).
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_elements_in_order() {
        for (seed, n, modulo) in [(1, 0, 5), (2, 1, 5), (3, 2, 2), (4, 11, 3), (5, 12, 3), (6, 13, 3), (7, 100, 7), (8, 1000, 10), (9, 4097, 1000), (10, 30_000, 50)] {
            // (value, original position): equal values must keep their original order.
            let items: Vec<(u64, usize)> = numbers(seed, n, modulo).into_iter().enumerate().map(|(i, x)| (x, i)).collect();
            let mut ours = items.clone();
            by_key(&mut ours, |p| p.0);
            let mut std = items.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn sorts_already_sorted_reversed_and_constant_input() {
        let n = 1_000;
        let mut up: Vec<u32> = (0..n).collect();
        natural(&mut up);
        assert!(up.windows(2).all(|w| w[0] <= w[1]));
        let mut down: Vec<u32> = (0..n).rev().collect();
        natural(&mut down);
        assert_eq!(down, (0..n).collect::<Vec<_>>());
        let mut same = vec![(7, "x"); 100];
        by(&mut same, |a, b| a.0.cmp(&b.0));
        assert_eq!(same, vec![(7, "x"); 100]);
    }

    #[test]
    fn moves_elements_that_are_not_copy() {
        let mut words: Vec<String> = ["قارن", "b", "a", "c", "ب", "ا"].iter().map(|s| s.to_string()).collect();
        natural(&mut words);
        assert_eq!(words, ["a", "b", "c", "ا", "ب", "قارن"]);
        let mut by_len = vec!["ccc".to_string(), "a".into(), "bb".into(), "d".into()];
        by(&mut by_len, |a, b| b.len().cmp(&a.len()));
        assert_eq!(by_len, ["ccc", "bb", "a", "d"]);
    }
}
