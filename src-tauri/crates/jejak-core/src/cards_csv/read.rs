//! Reading the rows: each becomes a card in the cell its stage and lane titles name (matched
//! ignoring case and surrounding spaces), with its attributes read in English or Indonesian.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{open, CardField, CardsImport, MAX_ROWS};
use crate::attrs::{Evidence, Phase, Priority, TouchpointKind, PRESET_CHANNELS};
use crate::labels::Labels;
use crate::model::{new_id, Id, LaneKind, MapDoc};
use crate::ops::{NewCard, NewLane, NewStage, Op, Place};
use crate::problem::{Field, Problem};
use crate::templates::Locale;
use crate::CardAttrs;

/// What an import brings: how many cards, and the stages and lanes it would create.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CardsSummary {
    pub cards: u32,
    pub new_stages: Vec<String>,
    pub new_lanes: Vec<String>,
}

pub struct CardsPlan {
    /// New stages, new lanes, then the cards in file order: one undo step.
    pub ops: Vec<Op>,
    pub summary: CardsSummary,
}

/// Problems past this many are not listed (the first ones say what is wrong with the file).
const MAX_PROBLEMS: usize = 50;

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Undoes what the inventory export does to text a spreadsheet would run as a formula.
fn unquote(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// A choice cell read: none when blank, the value whose stored name (as in the library file) or
/// label in either language it is, or the cell back when it is neither.
fn choice<'c, T: Copy + Serialize>(
    cell: Option<&'c str>,
    values: &[T],
    label: impl Fn(&Labels, T) -> &'static str,
) -> Result<Option<T>, &'c str> {
    let Some(cell) = cell.filter(|c| !c.trim().is_empty()) else {
        return Ok(None);
    };
    let want = fold(cell);
    let stored = |v: T| {
        serde_json::to_value(v)
            .ok()
            .and_then(|j| j.as_str().map(fold))
    };
    values
        .iter()
        .copied()
        .find(|v| {
            stored(*v).as_deref() == Some(want.as_str())
                || [Locale::En, Locale::Id]
                    .iter()
                    .any(|l| fold(label(Labels::for_locale(*l), *v)) == want)
        })
        .map(Some)
        .ok_or(cell)
}

fn moment_of_truth(cell: &str) -> Option<bool> {
    match fold(cell).as_str() {
        "" | "no" | "tidak" | "false" | "0" | "-" => Some(false),
        "yes" | "ya" | "true" | "1" | "x" | "★" | "✓" => Some(true),
        _ => None,
    }
}

fn channel(cell: &str) -> String {
    let want = fold(cell);
    PRESET_CHANNELS
        .iter()
        .find(|key| {
            fold(key) == want
                || [Locale::En, Locale::Id]
                    .iter()
                    .any(|l| fold(&Labels::for_locale(*l).channel(key)) == want)
        })
        .map(|k| k.to_string())
        .unwrap_or_else(|| cell.trim().to_string())
}

/// Where each title leads: the map's own, or ones to create (first spelling kept).
struct Axis {
    known: HashMap<String, Id>,
    created: Vec<(Id, String)>,
}

impl Axis {
    fn new<'a>(items: impl Iterator<Item = (Id, &'a str)>) -> Axis {
        let mut known = HashMap::new();
        for (id, title) in items {
            known.entry(fold(title)).or_insert(id);
        }
        Axis {
            known,
            created: Vec::new(),
        }
    }

    fn id_for(&mut self, title: &str) -> Id {
        if let Some(id) = self.known.get(&fold(title)) {
            return *id;
        }
        let id = new_id();
        self.known.insert(fold(title), id);
        self.created.push((id, title.trim().to_string()));
        id
    }
}

/// Reads the CSV into cards for `doc`, or every problem found (one per bad row or cell).
pub fn plan(doc: &MapDoc, text: &str, spec: &CardsImport) -> Result<CardsPlan, Vec<Problem>> {
    let (mut rdr, headers) = open(text)?;
    let mut columns: HashMap<CardField, (usize, &str)> = HashMap::new();
    for m in &spec.mapping {
        let Some(i) = headers.iter().position(|h| h == &m.column) else {
            return Err(vec![Problem::CsvNoColumn {
                column: m.column.clone(),
            }]);
        };
        columns.insert(m.field, (i, m.column.as_str()));
    }
    if !columns.contains_key(&CardField::Title) {
        return Err(vec![Problem::CsvNoTitleColumn]);
    }
    let mut stages = Axis::new(doc.stages.iter().map(|s| (s.id, s.title.as_str())));
    let mut lanes = Axis::new(doc.lanes.iter().map(|l| (l.id, l.title.as_str())));
    let first_stage = doc.stages.first().map(|s| s.id);
    let first_lane = doc
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .or(doc.lanes.first())
        .map(|l| l.id);
    if !columns.contains_key(&CardField::Stage) && first_stage.is_none() {
        return Err(vec![Problem::CsvNoStage]);
    }
    if !columns.contains_key(&CardField::Lane) && first_lane.is_none() {
        return Err(vec![Problem::CsvNoLane]);
    }

    let mut problems = Vec::new();
    let mut cards = Vec::new();
    for (n, record) in rdr.records().enumerate() {
        if n >= MAX_ROWS {
            return Err(vec![Problem::CsvTooManyRows {
                max: MAX_ROWS as u32,
            }]);
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(crate::metrics::describe(&e));
                break;
            }
        };
        let line = record
            .position()
            .map(|p| u32::try_from(p.line()).unwrap_or(u32::MAX))
            .unwrap_or(0);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |f: CardField| {
            columns
                .get(&f)
                .map(|(i, _)| unquote(record.get(*i).unwrap_or("")))
        };
        let mut bad_cells: Vec<(CardField, &str)> = Vec::new();
        let mut bad = |f: CardField, value| bad_cells.push((f, value));
        let mut attrs = CardAttrs::default();
        use TouchpointKind as K;
        let kinds = [K::Digital, K::Human, K::Physical];
        match choice(cell(CardField::Kind), &kinds, Labels::kind) {
            Ok(k) => attrs.kind = k,
            Err(v) => bad(CardField::Kind, v),
        }
        let phases = [Phase::PrePurchase, Phase::Purchase, Phase::PostPurchase];
        match choice(cell(CardField::Phase), &phases, Labels::phase) {
            Ok(p) => attrs.phase = p,
            Err(v) => bad(CardField::Phase, v),
        }
        let evidence = [Evidence::Observed, Evidence::Assumed, Evidence::Proposed];
        match choice(cell(CardField::Evidence), &evidence, Labels::evidence) {
            Ok(e) => attrs.evidence = e,
            Err(v) => bad(CardField::Evidence, v),
        }
        let priorities = [Priority::Low, Priority::Medium, Priority::High];
        match choice(
            cell(CardField::Priority),
            &priorities,
            Labels::priority_level,
        ) {
            Ok(p) => attrs.priority = p,
            Err(v) => bad(CardField::Priority, v),
        }
        if let Some(v) = cell(CardField::MomentOfTruth) {
            match moment_of_truth(v) {
                Some(m) => attrs.moment_of_truth = m,
                None => bad(CardField::MomentOfTruth, v),
            }
        }
        for (f, value) in bad_cells {
            let column = columns
                .get(&f)
                .map(|(_, c)| c.to_string())
                .unwrap_or_default();
            problems.push(Problem::CsvBadValue {
                line,
                column,
                value: value.chars().take(60).collect(),
            });
        }
        attrs.channel = cell(CardField::Channel)
            .filter(|v| !v.is_empty())
            .map(channel);
        attrs.owner = cell(CardField::Owner).map(str::to_string);
        attrs.url = cell(CardField::Link).map(str::to_string);
        attrs.tags = cell(CardField::Tags)
            .map(|v| v.split([',', ';']).map(|t| t.trim().to_string()).collect())
            .unwrap_or_default();
        let title = cell(CardField::Title).unwrap_or("").to_string();
        let body = cell(CardField::Text).unwrap_or("").to_string();
        if title.trim().is_empty() && body.trim().is_empty() {
            problems.push(Problem::CsvLine {
                line,
                problem: Box::new(Problem::Blank {
                    field: Field::CardTitle,
                }),
            });
        }
        let checked = crate::validate::card_text(&title, &body).and_then(|_| attrs.validated());
        let attrs = match checked {
            Ok(a) => a,
            Err(invalid) => {
                problems.push(Problem::CsvLine {
                    line,
                    problem: Box::new(invalid.0),
                });
                CardAttrs::default()
            }
        };
        let place =
            |axis: &mut Axis, f: CardField, fallback: Option<Id>, problems: &mut Vec<Problem>| {
                match cell(f) {
                    None => fallback,
                    Some(v) if v.trim().is_empty() => {
                        problems.push(Problem::CsvLine {
                            line,
                            problem: Box::new(Problem::Blank {
                                field: if f == CardField::Stage {
                                    Field::StageTitle
                                } else {
                                    Field::LaneTitle
                                },
                            }),
                        });
                        None
                    }
                    Some(v) => match crate::validate::name(Field::StageTitle, v) {
                        Ok(_) => Some(axis.id_for(v)),
                        Err(invalid) => {
                            problems.push(Problem::CsvLine {
                                line,
                                problem: Box::new(invalid.0),
                            });
                            None
                        }
                    },
                }
            };
        let stage = place(&mut stages, CardField::Stage, first_stage, &mut problems);
        let lane = place(&mut lanes, CardField::Lane, first_lane, &mut problems);
        if let (Some(stage_id), Some(lane_id)) = (stage, lane) {
            cards.push(NewCard {
                id: new_id(),
                stage_id,
                lane_id,
                title: title.trim().to_string(),
                body: body.trim().to_string(),
                attrs,
            });
        }
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }
    if !problems.is_empty() {
        problems.truncate(MAX_PROBLEMS);
        return Err(problems);
    }

    let mut ops: Vec<Op> = Vec::new();
    for (id, title) in &stages.created {
        ops.push(Op::CreateStage {
            stage: NewStage {
                id: *id,
                title: title.clone(),
            },
            place: Place::End,
        });
    }
    for (id, title) in &lanes.created {
        ops.push(Op::CreateLane {
            lane: NewLane {
                id: *id,
                title: title.clone(),
                kind: LaneKind::Touchpoints,
            },
            place: Place::End,
        });
    }
    let summary = CardsSummary {
        cards: u32::try_from(cards.len()).unwrap_or(u32::MAX),
        new_stages: stages.created.into_iter().map(|(_, t)| t).collect(),
        new_lanes: lanes.created.into_iter().map(|(_, t)| t).collect(),
    };
    ops.extend(cards.into_iter().map(|card| Op::CreateCard {
        card,
        place: Place::End,
    }));
    Ok(CardsPlan { ops, summary })
}
