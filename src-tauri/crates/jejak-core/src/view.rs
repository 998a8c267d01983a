//! How one map is looked at on this laptop, apart from the map itself: the figure cards are
//! shaded by, lanes hidden from the room (e.g. backstage lanes hidden from a client) and a stage
//! shown alone. Remembered per map in the library's settings and used by present mode; editing
//! the map never depends on it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Id;

/// More hidden lanes than any map has lanes is a damaged setting, not a view.
const MAX_HIDDEN: usize = 1_000;
const MAX_METRIC_NAME: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MapView {
    /// The metric the cards are shaded by; none: no shading.
    pub heat_metric: Option<String>,
    /// Lanes left out of the board and the presentation.
    pub hidden_lanes: Vec<Id>,
    /// The one stage shown, if the view focuses on one.
    pub focus_stage: Option<Id>,
}

impl MapView {
    /// The view as it can be kept: a saved setting that was edited by hand or cut short reads as
    /// the plain view instead of failing the map's opening.
    pub fn read(saved: Option<&str>) -> MapView {
        saved
            .and_then(|text| serde_json::from_str::<MapView>(text).ok())
            .map(MapView::bounded)
            .unwrap_or_default()
    }

    /// Within the limits (anything over them is dropped: a view is a convenience, never data).
    pub fn bounded(mut self) -> MapView {
        if self
            .heat_metric
            .as_ref()
            .is_some_and(|m| m.trim().is_empty() || m.chars().count() > MAX_METRIC_NAME)
        {
            self.heat_metric = None;
        }
        self.hidden_lanes.truncate(MAX_HIDDEN);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_reads_back_and_a_broken_one_reads_as_plain() {
        let view = MapView {
            heat_metric: Some("CSAT".into()),
            hidden_lanes: vec![crate::new_id()],
            focus_stage: Some(crate::new_id()),
        };
        let text = serde_json::to_string(&view).unwrap_or_default();
        assert_eq!(MapView::read(Some(&text)), view);
        assert_eq!(MapView::read(Some("{\"heatMetric\": ")), MapView::default());
        assert_eq!(MapView::read(Some("[]")), MapView::default());
        assert_eq!(MapView::read(None), MapView::default());
        let long = format!("{{\"heatMetric\": \"{}\"}}", "x".repeat(61));
        assert_eq!(MapView::read(Some(&long)).heat_metric, None);
    }
}
