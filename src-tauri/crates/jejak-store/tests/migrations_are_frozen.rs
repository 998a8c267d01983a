#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! A shipped migration must never change: libraries in the field already ran it.

use sha2::{Digest, Sha256};

const SHIPPED: &[(&str, &str)] = &[(
    "0001_init",
    "08b73d97ced5d7da793df6b94133364725826fad913cf4caca2799182ecc5347",
)];

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
