//! Fractional rank keys: moving or inserting an item rewrites only that item's rank.
//! Ranks are hex strings from `fractional_index`; they compare bytewise in SQLite and in JS.

use fractional_index::FractionalIndex;

use crate::problem::Field;
use crate::validate::Invalid;

/// Parses a stored rank; a damaged one is an input error, not a panic.
pub fn parse(rank: &str) -> Result<FractionalIndex, Invalid> {
    FractionalIndex::from_string(rank).map_err(|_| Invalid::bad(Field::Rank))
}

/// A rank strictly between `lower` and `upper` (either may be open).
pub fn between(lower: Option<&str>, upper: Option<&str>) -> Result<String, Invalid> {
    let lower = lower.map(parse).transpose()?;
    let upper = upper.map(parse).transpose()?;
    FractionalIndex::new(lower.as_ref(), upper.as_ref())
        .map(|r| r.to_string())
        .ok_or_else(|| Invalid::bad(Field::Rank))
}

/// `n` ranks in ascending order, for seeding a template.
pub fn sequence(n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(n);
    let mut current = FractionalIndex::default();
    for _ in 0..n {
        out.push(current.to_string());
        current = FractionalIndex::new_after(&current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_sort_like_ranks() {
        let seq = sequence(50);
        let mut sorted = seq.clone();
        sorted.sort();
        assert_eq!(seq, sorted);
        let mid = between(Some(&seq[3]), Some(&seq[4])).unwrap_or_default();
        assert!(seq[3] < mid && mid < seq[4]);
        let first = between(None, Some(&seq[0])).unwrap_or_default();
        assert!(first < seq[0]);
    }

    #[test]
    fn repeated_insertion_at_the_front_keeps_order() {
        let mut head = between(None, None).unwrap_or_default();
        for _ in 0..500 {
            let before = between(None, Some(&head)).unwrap_or_default();
            assert!(before < head, "{before} !< {head}");
            head = before;
        }
    }

    #[test]
    fn damaged_ranks_are_errors() {
        assert!(parse("").is_err());
        assert!(parse("zz").is_err());
        assert!(parse("00").is_err());
        assert!(between(Some("80"), Some("80")).is_err());
    }
}
