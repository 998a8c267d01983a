//! The touchpoint inventory as CSV: one row per card (stage, lane, title, text, attributes, each
//! persona's scores, each metric), for spreadsheets. UTF-8 with a byte-order mark so spreadsheet
//! programs read Indonesian (and any) text right; text cells that a spreadsheet would run as a
//! formula (`=`, `+`, `-`, `@`, tab, carriage return first) are made inert with a leading `'`.
//! In Indonesian the file is written as spreadsheets set to Indonesian expect it: fields apart by
//! `;` and figures with a decimal comma (`4,5`); in English by `,` with a decimal point.

use std::collections::{BTreeSet, HashMap};

use crate::labels::Labels;
use crate::model::{Card, MapDoc};
use crate::persona::Horizon;
use crate::templates::Locale;

/// The CSV file's bytes.
pub fn write(doc: &MapDoc, locale: Locale) -> Vec<u8> {
    let l = Labels::for_locale(locale);
    let metrics: BTreeSet<&str> = doc
        .cards
        .iter()
        .flat_map(|c| c.attrs.metrics.keys().map(String::as_str))
        .collect();
    // A persona's to-be column only when the map has to-be scores for them.
    let horizons: Vec<(usize, Horizon)> = (0..doc.personas.len())
        .flat_map(|i| [(i, Horizon::AsIs), (i, Horizon::ToBe)])
        .filter(|(i, h)| {
            *h == Horizon::AsIs
                || doc
                    .emotions
                    .iter()
                    .any(|e| e.horizon == *h && e.persona_id == doc.personas[*i].id)
        })
        .collect();
    let scores: HashMap<_, i8> = doc
        .emotions
        .iter()
        .map(|e| ((e.card_id, e.persona_id, e.horizon), e.score))
        .collect();

    let mut header: Vec<String> = [
        l.stage,
        l.lane,
        l.title,
        l.text,
        l.channel,
        l.kind,
        l.phase,
        l.moment_of_truth,
        l.owner,
        l.evidence,
        l.tags,
        l.link,
        l.priority,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (i, h) in &horizons {
        let name = &doc.personas[*i].name;
        header.push(inert(&format!("{} ({}: {name})", l.emotion, l.horizon(*h))));
    }
    header.extend(metrics.iter().map(|m| inert(m)));

    let (delimiter, decimal) = match locale {
        Locale::En => (b',', "."),
        Locale::Id => (b';', ","),
    };
    let mut out = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = out.write_record(&header);
    let stages: HashMap<_, _> = doc
        .stages
        .iter()
        .map(|s| (s.id, s.title.as_str()))
        .collect();
    let lanes: HashMap<_, _> = doc.lanes.iter().map(|x| (x.id, x.title.as_str())).collect();
    let title_of = |titles: &HashMap<crate::Id, &str>, id| {
        titles.get(&id).map(|t| inert(t)).unwrap_or_default()
    };
    for card in ordered(doc) {
        let a = &card.attrs;
        let mut row = vec![
            title_of(&stages, card.stage_id),
            title_of(&lanes, card.lane_id),
            inert(&card.title),
            inert(&card.body),
            a.channel
                .as_deref()
                .map(|c| inert(&l.channel(c)))
                .unwrap_or_default(),
            a.kind.map(|k| l.kind(k).to_string()).unwrap_or_default(),
            a.phase.map(|p| l.phase(p).to_string()).unwrap_or_default(),
            if a.moment_of_truth {
                l.yes.to_string()
            } else {
                String::new()
            },
            a.owner.as_deref().map(inert).unwrap_or_default(),
            a.evidence
                .map(|e| l.evidence(e).to_string())
                .unwrap_or_default(),
            inert(&a.tags.join(", ")),
            a.url.as_deref().map(inert).unwrap_or_default(),
            a.priority
                .map(|p| l.priority_level(p).to_string())
                .unwrap_or_default(),
        ];
        for (i, h) in &horizons {
            let score = scores.get(&(card.id, doc.personas[*i].id, *h));
            row.push(score.map(|s| s.to_string()).unwrap_or_default());
        }
        for m in &metrics {
            let figure = a
                .metrics
                .get(*m)
                .map(|v| v.to_string().replace('.', decimal));
            row.push(figure.unwrap_or_default());
        }
        let _ = out.write_record(&row);
    }
    // Writing into a Vec cannot fail.
    out.into_inner().unwrap_or_default()
}

/// Cards stage by stage, lane by lane, in the order of their cell.
fn ordered(doc: &MapDoc) -> Vec<&Card> {
    let stage_at: HashMap<_, _> = doc
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_at: HashMap<_, _> = doc
        .lanes
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id, i))
        .collect();
    let mut cards: Vec<&Card> = doc.cards.iter().collect();
    cards.sort_by(|a, b| {
        (stage_at.get(&a.stage_id), lane_at.get(&a.lane_id), &a.rank).cmp(&(
            stage_at.get(&b.stage_id),
            lane_at.get(&b.lane_id),
            &b.rank,
        ))
    });
    cards
}

/// Text a spreadsheet would take for a formula, made plain (OWASP's CSV injection advice).
fn inert(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_text_is_made_inert_and_numbers_are_not_touched() {
        assert_eq!(
            inert("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(inert("+62 812"), "'+62 812");
        assert_eq!(inert("-"), "'-");
        assert_eq!(inert("@owner"), "'@owner");
        assert_eq!(inert("Bayar"), "Bayar");
    }
}
