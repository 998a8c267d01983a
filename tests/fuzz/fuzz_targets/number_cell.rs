//! Any text as a figure: the reader never panics, never returns a number that is not finite, and a
//! cell it calls plain reads the same in both number styles.
#![no_main]

use jejak_core::numbers::{read_cell, resolve, Cell, Decimal};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(cell) = read_cell(&text) else {
        return;
    };
    for style in [None, Some(Decimal::Dot), Some(Decimal::Comma)] {
        if let Ok(v) = resolve(cell, style) {
            assert!(v.is_finite());
        }
    }
    if let Cell::Plain(v) = cell {
        assert_eq!(resolve(cell, Some(Decimal::Dot)), Ok(v));
        assert_eq!(resolve(cell, Some(Decimal::Comma)), Ok(v));
    }
});
