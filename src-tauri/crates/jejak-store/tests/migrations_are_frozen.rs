#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! A shipped migration must never change: libraries in the field already ran it.

use sha2::{Digest, Sha256};

const SHIPPED: &[(&str, &str)] = &[
    (
        "0001_init",
        "08b73d97ced5d7da793df6b94133364725826fad913cf4caca2799182ecc5347",
    ),
    (
        "0002_history_merge_key",
        "c6a223cf843206b0d28cfad8600b1f00912a0baedaa03038d18cf951b6c15de7",
    ),
    (
        "0003_card_attrs",
        "cfc8e10824c491796288d9be36f7e7be114764449e601a3af3a0558c688150c8",
    ),
    (
        "0004_personas_emotions",
        "d69f6da21f5cebdc3b82c2cdfa244d28b40dbb0ee475489b4611d26b839c1f7c",
    ),
    (
        "0005_history_index",
        "6abebbfbb9ae21bb2860df636b16bd4e3878574de5f24691e4793ed3e744ce2e",
    ),
    (
        "0006_snapshots",
        "a8cbbaf529c9e3ce99608a242f7575f8bcba9c3bb20563aff4433276dd8ab370",
    ),
    (
        "0007_comments",
        "fddb4c525975c0ef04ac5a5fb9254851a873c6fdcfaa7f3e45989361c3b9b518",
    ),
    (
        "0008_changes",
        "006f97edc730e1cfd44513d6e0f422c7b724879c920f317a9e4398a4b2b2817a",
    ),
    (
        "0009_sharing",
        "4fb6fc91b5807585d32b94aa530bcb909d75d8106cb227c16f9dc0b72dddea87",
    ),
];

#[test]
fn shipped_migrations_are_unchanged() {
    for (i, (name, digest)) in SHIPPED.iter().enumerate() {
        let (actual_name, sql) = jejak_store::MIGRATIONS[i];
        assert_eq!(&actual_name, name, "migration {i} was renamed");
        let actual = format!("{:x}", Sha256::digest(sql.as_bytes()));
        assert_eq!(
            &actual, digest,
            "shipped migration {name} was edited: add a new migration instead"
        );
    }
    assert!(
        jejak_store::MIGRATIONS.len() >= SHIPPED.len(),
        "a shipped migration was removed"
    );
}

#[test]
fn a_library_of_an_older_schema_is_upgraded_in_place_and_keeps_its_maps() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.jejak");
    {
        // A library exactly as the first release wrote it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", jejak_store::APPLICATION_ID)
            .unwrap();
        conn.execute_batch(jejak_store::MIGRATIONS[0].1).unwrap();
        conn.execute_batch(
            "INSERT INTO maps (id, title, created_at, updated_at) VALUES
             ('0190f0b4-0000-7000-8000-000000000001', 'Old map', 1, 2);
             INSERT INTO history (map_id, forward, inverse, undone, created_at) VALUES
             ('0190f0b4-0000-7000-8000-000000000001', '[{\"type\":\"renameMap\",\"title\":\"Old map\"}]',
              '[{\"type\":\"renameMap\",\"title\":\"Older\"}]', 0, 2);",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let mut lib = jejak_store::Library::open(&path).unwrap();
    let maps = lib.list_maps("").unwrap();
    assert_eq!(maps.len(), 1);
    // The step recorded before the upgrade still undoes.
    let patch = lib.undo(maps[0].id).unwrap();
    assert_eq!(patch.map.unwrap().title, "Older");
    drop(lib);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, jejak_store::SCHEMA_VERSION);
}
