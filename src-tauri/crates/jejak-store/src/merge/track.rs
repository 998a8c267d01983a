//! Noticing, while a merge replays changes, where the two sides met: a field both set, a thing one
//! side changed and the other deleted, a card parked. Only changes one side made without seeing
//! the other's are compared: changes both sides already had are agreed history.

use std::collections::HashMap;

use jejak_core::sync::{Clock, Conflict, ConflictEdit, ConflictKind, ConflictOn, Side};
use jejak_core::Id;
use serde_json::Value;

/// Who made the change being replayed, and on which side.
#[derive(Debug, Clone)]
pub(crate) struct Maker {
    /// `None` for a change both sides had.
    pub side: Option<Side>,
    pub author: String,
    pub device: String,
    pub at: i64,
    stamp: String,
    /// What the maker had seen (the newest stamp of each laptop's changes), when known.
    seen: Option<std::collections::BTreeMap<String, String>>,
}

impl Maker {
    pub fn of(change: &crate::changes::Change, side: Option<Side>) -> Maker {
        Maker {
            side,
            author: change.author.clone(),
            device: change.device.clone(),
            at: Clock::of_stamp(&change.stamp).map_or(0, |c| c.ms),
            stamp: change.stamp.clone(),
            seen: change.seen.clone(),
        }
    }

    fn edit(&self, value: Value) -> ConflictEdit {
        ConflictEdit {
            author: self.author.clone(),
            device: self.device.clone(),
            at: self.at,
            value,
        }
    }

    /// Whether this maker and `other` are on different sides and neither had seen the other's
    /// edit (one made after seeing the other's is a decision, not a clash).
    fn against(&self, other: &Maker) -> bool {
        let sides = matches!((self.side, other.side), (Some(a), Some(b)) if a != b);
        sides && !self.saw(other) && !other.saw(self)
    }

    fn saw(&self, other: &Maker) -> bool {
        self.seen
            .as_ref()
            .and_then(|seen| seen.get(&other.device))
            .is_some_and(|newest| *newest >= other.stamp)
    }
}

/// What a conflict is about, to name it.
#[derive(Debug, Clone)]
pub(crate) struct Subject {
    pub on: ConflictOn,
    pub id: Id,
    pub label: String,
    pub cards: Vec<Id>,
}

impl Subject {
    /// A card, marked on the board while its conflict is listed.
    pub fn card(id: Id, title: &str) -> Subject {
        Subject {
            on: ConflictOn::Card,
            id,
            label: title.to_owned(),
            cards: vec![id],
        }
    }
}

/// What a change being replayed did to the track, to take back if the change is refused.
enum Undo {
    Set((String, String), Option<(Maker, Value)>),
    Deleted(Id, Option<Maker>),
    Changed(Id, Option<Maker>),
}

#[derive(Default)]
pub(crate) struct Track {
    /// The last value each side-made change set, per (target, field).
    set: HashMap<(String, String), (Maker, Value)>,
    /// Who deleted a thing during the replay.
    deleted: HashMap<Id, Maker>,
    /// Who last changed a thing during the replay (set a field, moved it, made it).
    changed: HashMap<Id, Maker>,
    pub conflicts: Vec<Conflict>,
    found_at: i64,
    /// What an undo or redo being fitted has set or moved already (its later ops on the same
    /// thing follow its own, not the step's record).
    pub(crate) redone: std::collections::HashSet<String>,
    /// While a change that may be refused is replayed: what it did, and the conflicts before it.
    journal: Option<Vec<Undo>>,
    conflicts_before: Vec<Conflict>,
}

impl Track {
    /// A change that may be refused is about to be replayed.
    pub fn begin(&mut self) {
        self.journal = Some(Vec::new());
        self.conflicts_before = self.conflicts.clone();
    }

    /// The change was replayed: what it did stands.
    pub fn commit(&mut self) {
        self.journal = None;
        self.conflicts_before.clear();
    }

    /// The change was refused: the track is as before it (no conflict of it listed, none it
    /// replaced lost, no later clash judged against it).
    pub fn rollback(&mut self) {
        for undo in self.journal.take().unwrap_or_default().into_iter().rev() {
            match undo {
                Undo::Set(key, Some(v)) => {
                    self.set.insert(key, v);
                }
                Undo::Set(key, None) => {
                    self.set.remove(&key);
                }
                Undo::Deleted(id, Some(m)) => {
                    self.deleted.insert(id, m);
                }
                Undo::Deleted(id, None) => {
                    self.deleted.remove(&id);
                }
                Undo::Changed(id, Some(m)) => {
                    self.changed.insert(id, m);
                }
                Undo::Changed(id, None) => {
                    self.changed.remove(&id);
                }
            }
        }
        self.conflicts = std::mem::take(&mut self.conflicts_before);
    }

    fn note_changed(&mut self, id: Id, maker: &Maker) {
        let before = self.changed.insert(id, maker.clone());
        if let Some(journal) = &mut self.journal {
            journal.push(Undo::Changed(id, before));
        }
    }
    pub fn new(found_at: i64) -> Track {
        Track {
            found_at,
            ..Track::default()
        }
    }

    /// `maker` set `field` of `target` to `value`.
    pub fn set(
        &mut self,
        maker: &Maker,
        target: String,
        field: &str,
        value: Value,
        subject: &Subject,
    ) {
        self.note_changed(subject.id, maker);
        if maker.side.is_none() {
            return;
        }
        let key = (target, field.to_owned());
        if let Some((earlier, old)) = self.set.get(&key) {
            if earlier.against(maker) && *old != value {
                let (earlier, old) = (earlier.clone(), old.clone());
                self.add(
                    ConflictKind::BothChanged,
                    subject,
                    field,
                    (&earlier, old),
                    (maker, value.clone()),
                );
                if let Some(last) = self.conflicts.last_mut() {
                    last.target = key.0.clone();
                }
            }
        }
        let before = self.set.insert(key.clone(), (maker.clone(), value));
        if let Some(journal) = &mut self.journal {
            journal.push(Undo::Set(key, before));
        }
    }

    /// `maker` made or moved `id` (a card) without setting a field.
    pub fn touched(&mut self, maker: &Maker, id: Id) {
        self.note_changed(id, maker);
    }

    /// `maker` deleted `subject`; a change the other side made to it is overruled.
    pub fn deleted(&mut self, maker: &Maker, subject: &Subject) {
        if let Some(changer) = self.changed.get(&subject.id) {
            if changer.against(maker) {
                let changer = changer.clone();
                self.add(
                    ConflictKind::ChangedDeleted,
                    subject,
                    "",
                    (&changer, Value::Null),
                    (maker, Value::from("deleted")),
                );
            }
        }
        let before = self.deleted.insert(subject.id, maker.clone());
        if let Some(journal) = &mut self.journal {
            journal.push(Undo::Deleted(subject.id, before));
        }
    }

    /// `maker` changed something of `subject`, which is gone: a conflict when the other side
    /// deleted it.
    pub fn missed(&mut self, maker: &Maker, subject: &Subject) {
        if let Some(deleter) = self.deleted.get(&subject.id) {
            if deleter.against(maker) {
                let deleter = deleter.clone();
                self.add(
                    ConflictKind::ChangedDeleted,
                    subject,
                    "",
                    (maker, Value::Null),
                    (&deleter, Value::from("deleted")),
                );
            }
        }
    }

    /// A card kept in the Parked stage or lane: the stage or lane `gone` it was in (or was put
    /// in by `maker`) was deleted by the other side.
    pub fn parked(&mut self, maker: &Maker, card: &Subject, gone: Id) {
        let deleter = self.deleted.get(&gone).cloned();
        let placer = self.changed.get(&card.id).cloned();
        let (deleter, placer) = match (deleter, placer) {
            (Some(d), _) if d.against(maker) => (d, maker.clone()),
            (Some(d), Some(p)) if d.against(&p) => (d, p),
            (None, Some(p)) if p.against(maker) => (maker.clone(), p),
            _ => return,
        };
        self.add(
            ConflictKind::Parked,
            card,
            "",
            (&placer, Value::Null),
            (&deleter, Value::from("deleted")),
        );
    }

    /// Records a conflict between an `earlier` and a `later` edit; the later one stands.
    fn add(
        &mut self,
        kind: ConflictKind,
        subject: &Subject,
        field: &str,
        earlier: (&Maker, Value),
        later: (&Maker, Value),
    ) {
        let later_side = later.0.side.unwrap_or(Side::Ours);
        let (ours, theirs) = if later_side == Side::Ours {
            (later.0.edit(later.1), earlier.0.edit(earlier.1))
        } else {
            (earlier.0.edit(earlier.1), later.0.edit(later.1))
        };
        let can_use_other = kind == ConflictKind::BothChanged;
        // One conflict per thing and field: a later clash replaces an earlier one.
        self.conflicts
            .retain(|c| !(c.thing_id == subject.id && c.field == field && c.kind == kind));
        self.conflicts.push(Conflict {
            id: jejak_core::new_id(),
            kind,
            on: subject.on,
            thing_id: subject.id,
            label: subject.label.clone(),
            field: field.to_owned(),
            cards: subject.cards.clone(),
            ours,
            theirs,
            kept: later_side,
            can_use_other,
            found_at: self.found_at,
            target: String::new(),
        });
    }
}
