//! Any bytes as a teammate's file in a map's shared folder, half of the time behind a valid
//! header for the map: a round never fails or panics, never writes to that file, and leaves a map
//! that can be shown; a second round takes in nothing more.
#![no_main]

use jejak_core::templates::{Locale, Template};
use jejak_store::Library;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let folder = dir.path().join("Shared");
    if std::fs::create_dir(&folder).is_err() {
        return;
    }
    let Ok(mut lib) = Library::open(&dir.path().join("a.jejak")) else {
        return;
    };
    let Ok(map) = lib.create_map(Template::CustomerJourney, Locale::En, None) else {
        return;
    };
    let map = map.id;
    if lib.share_map(map, &folder).is_err() || lib.sync_map(map).is_err() {
        return;
    }
    let mut bytes = Vec::new();
    if data.first().is_some_and(|b| b % 2 == 0) {
        bytes.extend(format!("{{\"jejakSync\":1,\"map\":\"{map}\",\"device\":\"odd\"}}\n").bytes());
    }
    bytes.extend_from_slice(data);
    let file = folder.join(format!("jejak-map-{map}")).join("odd.jejaklog");
    if std::fs::write(&file, &bytes).is_err() {
        return;
    }
    let first = lib.sync_map(map);
    assert!(first.is_ok(), "a round failed on a teammate's file: {first:?}");
    assert_eq!(std::fs::read(&file).ok(), Some(bytes), "a teammate's file was written");
    assert!(lib.load_map(map).is_ok(), "the map cannot be shown");
    let again = lib.sync_map(map).map(|r| r.received);
    assert!(matches!(again, Ok(0)), "a second round took in more: {again:?}");
});
