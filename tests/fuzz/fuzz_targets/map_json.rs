//! Any bytes as map JSON: the reader never panics, and a map it accepts writes back to JSON that
//! reads as the same map.
#![no_main]

use jejak_core::mapjson;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = mapjson::read(data) {
        let again = mapjson::read(mapjson::write(&doc).as_bytes());
        assert_eq!(again.ok(), Some(doc));
    }
});
