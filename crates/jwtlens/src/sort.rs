//! Stable sorting through one instantiation of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element and the comparison, so each
//! call site (JSON member names, findings by severity, duplicate names,
//! signatures) linked its own copy of the driftsort and quicksort code: about
//! 30 KB of the JWT wasm. Here every site sorts a list of positions with one
//! type-erased comparison, so the sort is compiled once; the order is the same
//! stable order `sort_by` gives (`tests::same_order_as_sort_by` checks it).

use alloc::vec::Vec;
use core::cmp::Ordering;

/// The positions `0..len` in the stable order `cmp` gives them.
fn order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sort `v` stably by `cmp`, as `v.sort_by(cmp)` would.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = v.as_slice();
        order(items.len(), &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut taken: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| taken.get_mut(i).and_then(Option::take)));
}

/// Sort `v` stably by its natural order.
pub(crate) fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn same_order_as_sort_by() {
        // Pairs sorted by their first element only: stability shows in the second.
        let mut seed = 0x2545_f491_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for len in [0usize, 1, 2, 3, 7, 20, 64, 300, 2000] {
            let v: Vec<(u32, usize)> = (0..len).map(|i| (next() % 8, i)).collect();
            let (mut ours, mut std) = (v.clone(), v);
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "len {len}");
        }
        let mut words = vec!["b", "a", "c", "a"];
        sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
