//! How one map is looked at on this laptop, apart from the map itself: the figure cards are
//! shaded by, lanes hidden from the room (e.g. backstage lanes hidden from a client) and a stage
//! shown alone. Remembered per map in the library's settings and used by present mode; editing
//! the map never depends on it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Id, MapDoc};

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

    /// The map as this view shows it: without the hidden lanes (unless that would hide them all)
    /// and, when it focuses on a stage the map still has, that stage alone; with only the cards
    /// scores and comments that remain. For the PDF export "as on the board".
    pub fn apply(&self, mut doc: MapDoc) -> MapDoc {
        if doc.lanes.iter().any(|l| !self.hidden_lanes.contains(&l.id)) {
            doc.lanes.retain(|l| !self.hidden_lanes.contains(&l.id));
        }
        if let Some(focus) = self
            .focus_stage
            .filter(|f| doc.stages.iter().any(|s| s.id == *f))
        {
            doc.stages.retain(|s| s.id == focus);
        }
        let (stages, lanes) = (&doc.stages, &doc.lanes);
        doc.cards.retain(|c| {
            stages.iter().any(|s| s.id == c.stage_id) && lanes.iter().any(|l| l.id == c.lane_id)
        });
        let cards = &doc.cards;
        doc.emotions
            .retain(|e| cards.iter().any(|c| c.id == e.card_id));
        let stages = &doc.stages;
        doc.comments.retain(|c| match c.on {
            crate::CommentOn::Card(id) => cards.iter().any(|c| c.id == id),
            crate::CommentOn::Stage(id) => stages.iter().any(|s| s.id == id),
        });
        doc
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
    use crate::model::{Card, HistoryState, Lane, LaneKind, MapMeta, Stage};

    /// Three stages, three lanes, a card in every cell.
    fn grid() -> MapDoc {
        let stages: Vec<Stage> = (0..3)
            .map(|i| Stage {
                id: crate::new_id(),
                title: format!("S{i}"),
                rank: format!("8{i}"),
            })
            .collect();
        let lanes: Vec<Lane> = (0..3)
            .map(|i| Lane {
                id: crate::new_id(),
                title: format!("L{i}"),
                kind: LaneKind::Touchpoints,
                rank: format!("8{i}"),
            })
            .collect();
        let cards = stages
            .iter()
            .flat_map(|s| lanes.iter().map(move |l| (s.id, l.id)))
            .map(|(stage_id, lane_id)| Card {
                id: crate::new_id(),
                stage_id,
                lane_id,
                title: "card".into(),
                body: String::new(),
                rank: "80".into(),
                attrs: Default::default(),
            })
            .collect();
        MapDoc {
            map: MapMeta {
                id: crate::new_id(),
                title: "Map".into(),
                created_at: 0,
                updated_at: 0,
            },
            stages,
            lanes,
            cards,
            personas: vec![],
            emotions: vec![],
            comments: Vec::new(),
            history: HistoryState {
                can_undo: false,
                can_redo: false,
            },
        }
    }

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

    #[test]
    fn a_view_leaves_out_hidden_lanes_and_other_stages_but_never_everything() {
        let doc = grid();
        let (keep_stage, hidden_lane) = (doc.stages[2].id, doc.lanes[1].id);
        let view = MapView {
            heat_metric: None,
            hidden_lanes: vec![hidden_lane],
            focus_stage: Some(keep_stage),
        };
        let shown = view.apply(doc.clone());
        assert_eq!(shown.stages.len(), 1);
        assert_eq!(shown.lanes.len(), 2);
        assert_eq!(shown.cards.len(), 2);
        assert!(shown
            .cards
            .iter()
            .all(|c| c.stage_id == keep_stage && c.lane_id != hidden_lane));
        // Every lane hidden, or a stage since deleted: the map is shown, not an empty page.
        let all_hidden = MapView {
            hidden_lanes: doc.lanes.iter().map(|l| l.id).collect(),
            focus_stage: Some(crate::new_id()),
            ..MapView::default()
        };
        assert_eq!(all_hidden.apply(doc.clone()), doc);
    }
}
