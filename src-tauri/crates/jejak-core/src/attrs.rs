//! What a touchpoint card says beyond its text: channel, kind, phase, moment of truth, owner,
//! evidence, tags, link, colour, and (for pain points and opportunities) priority.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::problem::Field;
use crate::validate::Invalid;

/// Digital, human or physical: how the customer meets the brand at this touchpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TouchpointKind {
    Digital,
    Human,
    Physical,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Phase {
    PrePurchase,
    Purchase,
    PostPurchase,
}

/// How sure the team is: seen in research, assumed, or a proposal for the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Evidence {
    Observed,
    Assumed,
    Proposed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Priority {
    Low,
    Medium,
    High,
}

/// Channels offered in the inspector; any other text is a custom channel.
pub const PRESET_CHANNELS: &[&str] = &[
    "website",
    "mobileApp",
    "socialMedia",
    "email",
    "ads",
    "search",
    "store",
    "phone",
    "liveChat",
    "faq",
    "packaging",
    "wordOfMouth",
];

/// Every field is optional: a fresh card has none. Stored as JSON in the card row.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CardAttrs {
    pub channel: Option<String>,
    pub kind: Option<TouchpointKind>,
    pub phase: Option<Phase>,
    pub moment_of_truth: bool,
    pub owner: Option<String>,
    pub evidence: Option<Evidence>,
    pub tags: Vec<String>,
    pub url: Option<String>,
    /// `#rrggbb`.
    pub color: Option<String>,
    pub priority: Option<Priority>,
    /// Figures imported from analytics or surveys (clicks, CSAT, NPS...), by metric name.
    pub metrics: std::collections::BTreeMap<String, f64>,
    /// Another map of the library this card opens ("the detailed checkout journey"). It may be
    /// trashed or deleted later, or not in a library the map is carried to: the UI says so.
    /// Left out of the JSON when none, so cards without a link are stored as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub linked_map: Option<crate::model::Id>,
}

pub(crate) const MAX_SHORT: usize = 200;
pub(crate) const MAX_URL: usize = 2_000;
const MAX_TAGS: usize = 30;
pub(crate) const MAX_TAG: usize = 60;
const MAX_METRICS: usize = 20;
const MAX_METRIC_NAME: usize = 60;

fn short(field: Field, value: &Option<String>, max: usize) -> Result<Option<String>, Invalid> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) if v.chars().count() > max => Err(Invalid::too_long(field, max)),
        Some(v) => Ok(Some(v.to_string())),
    }
}

impl CardAttrs {
    /// Checks limits and returns the normalized attributes (trimmed, empty text as none, tags
    /// de-duplicated in order).
    pub fn validated(&self) -> Result<CardAttrs, Invalid> {
        let color = short(Field::Colour, &self.color, 7)?;
        if let Some(c) = &color {
            let hex = c.strip_prefix('#').unwrap_or("");
            if hex.len() != 6 || !hex.chars().all(|ch| ch.is_ascii_hexdigit()) {
                return Err(Invalid::bad(Field::Colour));
            }
        }
        let mut tags: Vec<String> = Vec::new();
        for tag in &self.tags {
            let t = tag.trim();
            if t.is_empty() || tags.iter().any(|x| x == t) {
                continue;
            }
            if t.chars().count() > MAX_TAG {
                return Err(Invalid::too_long(Field::Tag, MAX_TAG));
            }
            tags.push(t.to_string());
        }
        if tags.len() > MAX_TAGS {
            return Err(Invalid::too_many(Field::Tags, MAX_TAGS));
        }
        if self.metrics.len() > MAX_METRICS {
            return Err(Invalid::too_many(Field::Metrics, MAX_METRICS));
        }
        for (name, value) in &self.metrics {
            if name.trim().is_empty() {
                return Err(Invalid::blank(Field::MetricName));
            }
            if name.chars().count() > MAX_METRIC_NAME {
                return Err(Invalid::too_long(Field::MetricName, MAX_METRIC_NAME));
            }
            if !value.is_finite() {
                return Err(Invalid::bad(Field::MetricValue));
            }
        }
        Ok(CardAttrs {
            metrics: self.metrics.clone(),
            channel: short(Field::Channel, &self.channel, MAX_SHORT)?,
            kind: self.kind,
            phase: self.phase,
            moment_of_truth: self.moment_of_truth,
            owner: short(Field::Owner, &self.owner, MAX_SHORT)?,
            evidence: self.evidence,
            tags,
            url: short(Field::Link, &self.url, MAX_URL)?,
            color: color.map(|c| c.to_ascii_lowercase()),
            priority: self.priority,
            linked_map: self.linked_map,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_normalized_and_bounded() {
        let raw = CardAttrs {
            channel: Some("  Instagram ".into()),
            owner: Some("   ".into()),
            tags: vec!["promo".into(), " promo ".into(), "".into(), "Q3".into()],
            color: Some("#0F766E".into()),
            ..CardAttrs::default()
        };
        let ok = raw.validated().unwrap_or_default();
        assert_eq!(ok.channel.as_deref(), Some("Instagram"));
        assert_eq!(ok.owner, None);
        assert_eq!(ok.tags, ["promo", "Q3"]);
        assert_eq!(ok.color.as_deref(), Some("#0f766e"));
        let bad_colour = CardAttrs {
            color: Some("teal".into()),
            ..CardAttrs::default()
        };
        assert!(bad_colour.validated().is_err());
        let many = CardAttrs {
            tags: (0..31).map(|i| i.to_string()).collect(),
            ..CardAttrs::default()
        };
        assert!(many.validated().is_err());
    }

    #[test]
    fn old_json_without_attributes_reads_as_empty() {
        let a: CardAttrs = serde_json::from_str("{}").unwrap_or(CardAttrs {
            moment_of_truth: true,
            ..CardAttrs::default()
        });
        assert_eq!(a, CardAttrs::default());
    }
}
