//! Any bytes as a library file, half of the time behind a healthy Jejak header: the opener never
//! panics; a file it refuses is left byte-for-byte with no side files; a file it accepts shows
//! every map.
#![no_main]

use jejak_store::Library;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join("library.jejak");
    let mut bytes = Vec::new();
    if data.first().is_some_and(|b| b % 2 == 0) {
        // "SQLite format 3\0", a 4096-byte page, application id JJK1.
        let mut header = vec![0u8; 100];
        header[..16].copy_from_slice(b"SQLite format 3\0");
        header[16..18].copy_from_slice(&4096u16.to_be_bytes());
        header[68..72].copy_from_slice(&0x4A4A_4B31u32.to_be_bytes());
        bytes.extend(header);
    }
    bytes.extend_from_slice(data);
    if std::fs::write(&path, &bytes).is_err() {
        return;
    }
    match Library::open(&path) {
        Err(_) => {
            assert_eq!(std::fs::read(&path).ok(), Some(bytes), "a refused file changed");
            let names: Vec<_> = std::fs::read_dir(dir.path())
                .map(|d| d.flatten().map(|e| e.file_name()).collect())
                .unwrap_or_default();
            assert_eq!(names.len(), 1, "a refusal left side files: {names:?}");
        }
        Ok(lib) => {
            let maps = lib.list_maps("").unwrap_or_default();
            for m in maps {
                assert!(lib.load_map(m.id).is_ok(), "an accepted library has a map it cannot show");
            }
        }
    }
});
