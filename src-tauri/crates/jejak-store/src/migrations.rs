//! Embedded schema migrations. `user_version` is the number of migrations applied.

use rusqlite::Connection;

/// Shipped migrations, in order. Never edit one: a test pins their content.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../migrations/0001_init.sql")),
    (
        "0002_history_merge_key",
        include_str!("../migrations/0002_history_merge_key.sql"),
    ),
    (
        "0003_card_attrs",
        include_str!("../migrations/0003_card_attrs.sql"),
    ),
    (
        "0004_personas_emotions",
        include_str!("../migrations/0004_personas_emotions.sql"),
    ),
    (
        "0005_history_index",
        include_str!("../migrations/0005_history_index.sql"),
    ),
    (
        "0006_snapshots",
        include_str!("../migrations/0006_snapshots.sql"),
    ),
    (
        "0007_comments",
        include_str!("../migrations/0007_comments.sql"),
    ),
    (
        "0008_changes",
        include_str!("../migrations/0008_changes.sql"),
    ),
    (
        "0009_sharing",
        include_str!("../migrations/0009_sharing.sql"),
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to date in one transaction: all or nothing.
pub(crate) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (_, sql) in MIGRATIONS
        .iter()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()
}
