//! Finding a map by id or by title.

use jejak_core::MapSummary;

/// The map whose id is `key`, or whose title equals `key` ignoring case. Several maps with that
/// title is an error that lists them, so a script never exports the wrong one.
pub fn find_map<'a>(maps: &'a [MapSummary], key: &str) -> Result<&'a MapSummary, String> {
    let key = key.trim();
    if let Ok(id) = uuid::Uuid::parse_str(key) {
        if let Some(m) = maps.iter().find(|m| m.id == id) {
            return Ok(m);
        }
    }
    let same: Vec<&MapSummary> = maps
        .iter()
        .filter(|m| m.title.to_lowercase() == key.to_lowercase())
        .collect();
    match same.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "no map has the id or title {key:?} (try `jejak-cli list`)"
        )),
        many => Err(format!(
            "{} maps are titled {key:?}; give one of their ids: {}",
            many.len(),
            many.iter()
                .map(|m| m.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(title: &str) -> MapSummary {
        MapSummary {
            id: uuid::Uuid::now_v7(),
            title: title.into(),
            created_at: 0,
            updated_at: 0,
            deleted_at: None,
            stage_count: 0,
            card_count: 0,
            found_in_card: None,
        }
    }

    #[test]
    fn by_id_by_title_and_ambiguous() {
        let maps = vec![map("Onboarding"), map("Kopi"), map("kopi")];
        assert_eq!(
            find_map(&maps, &maps[0].id.to_string()).unwrap().title,
            "Onboarding"
        );
        assert_eq!(find_map(&maps, "onboarding").unwrap().title, "Onboarding");
        assert!(find_map(&maps, "KOPI").unwrap_err().contains("2 maps"));
        assert!(find_map(&maps, "nothing").is_err());
    }
}
