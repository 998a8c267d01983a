//! The maps a user can start from, in each interface language.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::LaneKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Template {
    Blank,
    CustomerJourney,
    PurchasePhases,
    ServiceBlueprint,
}

/// Interface languages. Map content can be in any language; this only picks template wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Locale {
    En,
    Id,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Id => "id",
        }
    }

    /// Picks a locale from an OS/BCP-47 tag such as `id-ID`, `id_ID.UTF-8` or `en-GB`.
    pub fn from_tag(tag: &str) -> Locale {
        let lang = tag
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        // "in" is the old ISO code for Indonesian, still reported by some systems.
        if lang == "id" || lang == "in" {
            Locale::Id
        } else {
            Locale::En
        }
    }
}

/// What a new map contains before the user touches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blueprint {
    pub title: &'static str,
    pub stages: Vec<&'static str>,
    pub lanes: Vec<(&'static str, LaneKind)>,
}

fn journey_lanes(locale: Locale) -> Vec<(&'static str, LaneKind)> {
    match locale {
        Locale::En => vec![
            ("Touchpoints", LaneKind::Touchpoints),
            ("Customer actions", LaneKind::Actions),
            ("Thoughts", LaneKind::Thoughts),
            ("Emotions", LaneKind::Emotions),
            ("Pain points", LaneKind::PainPoints),
            ("Opportunities", LaneKind::Opportunities),
        ],
        Locale::Id => vec![
            ("Titik sentuh", LaneKind::Touchpoints),
            ("Tindakan pelanggan", LaneKind::Actions),
            ("Pikiran", LaneKind::Thoughts),
            ("Emosi", LaneKind::Emotions),
            ("Titik masalah", LaneKind::PainPoints),
            ("Peluang", LaneKind::Opportunities),
        ],
    }
}

pub fn blueprint(template: Template, locale: Locale) -> Blueprint {
    match (template, locale) {
        (Template::Blank, Locale::En) => Blueprint {
            title: "Untitled map",
            stages: vec!["Stage 1", "Stage 2", "Stage 3"],
            lanes: vec![("Touchpoints", LaneKind::Touchpoints)],
        },
        (Template::Blank, Locale::Id) => Blueprint {
            title: "Peta tanpa judul",
            stages: vec!["Tahap 1", "Tahap 2", "Tahap 3"],
            lanes: vec![("Titik sentuh", LaneKind::Touchpoints)],
        },
        (Template::CustomerJourney, Locale::En) => Blueprint {
            title: "Customer journey",
            stages: vec![
                "Awareness",
                "Consideration",
                "Purchase",
                "Retention",
                "Advocacy",
            ],
            lanes: journey_lanes(locale),
        },
        (Template::CustomerJourney, Locale::Id) => Blueprint {
            title: "Perjalanan pelanggan",
            stages: vec![
                "Kesadaran",
                "Pertimbangan",
                "Pembelian",
                "Retensi",
                "Advokasi",
            ],
            lanes: journey_lanes(locale),
        },
        (Template::PurchasePhases, Locale::En) => Blueprint {
            title: "Touchpoints by purchase phase",
            stages: vec![
                "Pre-purchase",
                "Purchase",
                "Post-purchase",
                "Service & support",
            ],
            lanes: journey_lanes(locale),
        },
        (Template::ServiceBlueprint, Locale::En) => Blueprint {
            title: "Service blueprint",
            stages: vec![
                "Discover",
                "Book",
                "Arrive",
                "Use the service",
                "Leave & follow up",
            ],
            lanes: vec![
                ("Touchpoints & evidence", LaneKind::Touchpoints),
                ("Customer actions", LaneKind::Actions),
                ("Frontstage", LaneKind::Frontstage),
                ("Backstage", LaneKind::Backstage),
                ("Support systems", LaneKind::Support),
            ],
        },
        (Template::ServiceBlueprint, Locale::Id) => Blueprint {
            title: "Cetak biru layanan",
            stages: vec![
                "Menemukan",
                "Memesan",
                "Datang",
                "Menggunakan layanan",
                "Pulang & tindak lanjut",
            ],
            lanes: vec![
                ("Titik sentuh & bukti fisik", LaneKind::Touchpoints),
                ("Tindakan pelanggan", LaneKind::Actions),
                ("Panggung depan", LaneKind::Frontstage),
                ("Panggung belakang", LaneKind::Backstage),
                ("Sistem pendukung", LaneKind::Support),
            ],
        },
        (Template::PurchasePhases, Locale::Id) => Blueprint {
            title: "Titik sentuh per fase pembelian",
            stages: vec![
                "Pra-pembelian",
                "Pembelian",
                "Pasca-pembelian",
                "Layanan & dukungan",
            ],
            lanes: journey_lanes(locale),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_from_os_tags() {
        assert_eq!(Locale::from_tag("id-ID"), Locale::Id);
        assert_eq!(Locale::from_tag("id_ID.UTF-8"), Locale::Id);
        assert_eq!(Locale::from_tag("in"), Locale::Id);
        assert_eq!(Locale::from_tag("en-GB"), Locale::En);
        assert_eq!(Locale::from_tag("C"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
    }

    #[test]
    fn every_template_has_the_same_shape_in_both_languages() {
        for t in [
            Template::Blank,
            Template::CustomerJourney,
            Template::PurchasePhases,
        ] {
            let en = blueprint(t, Locale::En);
            let id = blueprint(t, Locale::Id);
            assert_eq!(en.stages.len(), id.stages.len());
            let kinds = |b: &Blueprint| b.lanes.iter().map(|l| l.1).collect::<Vec<_>>();
            assert_eq!(kinds(&en), kinds(&id));
        }
        let journey = blueprint(Template::CustomerJourney, Locale::Id);
        assert_eq!(journey.stages[0], "Kesadaran");
        for kind in [
            LaneKind::Touchpoints,
            LaneKind::Actions,
            LaneKind::Emotions,
            LaneKind::PainPoints,
            LaneKind::Opportunities,
        ] {
            assert!(journey.lanes.iter().any(|l| l.1 == kind));
        }
    }
}
