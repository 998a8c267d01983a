#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Proptest version of the `open_library` fuzz target (tests/fuzz; `make fuzz` runs it longer):
//! any bytes, with or without a Jejak header in front, are refused untouched or opened whole.

use jejak_store::Library;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_bytes_are_refused_untouched_or_opened_whole(
        data in prop::collection::vec(any::<u8>(), 0..9000),
        with_header in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.jejak");
        let mut bytes = Vec::new();
        if with_header {
            let mut header = vec![0u8; 100];
            header[..16].copy_from_slice(b"SQLite format 3\0");
            header[16..18].copy_from_slice(&4096u16.to_be_bytes());
            header[68..72].copy_from_slice(&0x4A4A_4B31u32.to_be_bytes());
            bytes.extend(header);
        }
        bytes.extend(data);
        std::fs::write(&path, &bytes).unwrap();
        match Library::open(&path) {
            Err(_) => {
                prop_assert_eq!(std::fs::read(&path).unwrap(), bytes);
                prop_assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
            }
            Ok(lib) => {
                for m in lib.list_maps("").unwrap() {
                    prop_assert!(lib.load_map(m.id).is_ok());
                }
            }
        }
    }
}
