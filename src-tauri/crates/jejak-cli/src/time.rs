//! Times as people read them in a terminal.

/// Unix milliseconds as local date and time, e.g. `2026-11-24 14:05`.
pub fn local(ms: i64) -> String {
    match chrono::DateTime::from_timestamp_millis(ms) {
        Some(utc) => utc
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        None => ms.to_string(),
    }
}
