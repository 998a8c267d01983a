// Edits of one map in memory, for the fake backend: the same ops as the store, the same shape of
// patch back. Ranks are renumbered per sibling list (the store keeps fractional ranks; the UI only
// sorts by them, so any increasing strings do).
import type {
  Card,
  Comment,
  EmotionScore,
  Id,
  Lane,
  MapDoc,
  Op,
  Patch,
  Persona,
  Place,
  Stage,
} from './types';

type Ranked = { id: Id; rank: string };

const rankOf = (i: number) => String((i + 1) * 10).padStart(8, '0');

/** `list` with `item` put at `place` (item removed first if present), ranks renumbered. */
function placeIn<T extends Ranked>(list: T[], item: T, place: Place): T[] {
  const rest = list.filter((x) => x.id !== item.id);
  let at = rest.length;
  if (place.at === 'before') {
    at = rest.findIndex((x) => x.id === place.value);
    if (at < 0) throw new Error(`no item ${place.value} to place before`);
  } else if (place.at === 'rank') {
    at = rest.filter((x) => x.rank < place.value).length;
  }
  const next = [...rest.slice(0, at), item, ...rest.slice(at)];
  return next.map((x, i) => ({ ...x, rank: rankOf(i) }));
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} not found`);
  return value;
}

/** The map after one op (throws, like the store refuses, when the op does not fit the map). */
export function applyOp(doc: MapDoc, op: Op): MapDoc {
  const d = { ...doc };
  const cellOf = (stageId: Id, laneId: Id) =>
    d.cards
      .filter((c) => c.stageId === stageId && c.laneId === laneId)
      .sort((a, b) => (a.rank < b.rank ? -1 : 1));
  const putInCell = (card: Card, place: Place) => {
    const cell = placeIn(cellOf(card.stageId, card.laneId), card, place);
    const ids = new Set(cell.map((c) => c.id));
    d.cards = [...d.cards.filter((c) => !ids.has(c.id)), ...cell];
  };
  const stageOf = (id: Id) =>
    must(
      d.stages.find((s) => s.id === id),
      'stage',
    );
  const laneOf = (id: Id) =>
    must(
      d.lanes.find((l) => l.id === id),
      'lane',
    );
  const cardOf = (id: Id) =>
    must(
      d.cards.find((c) => c.id === id),
      'card',
    );
  const personaOf = (id: Id) =>
    must(
      d.personas.find((p) => p.id === id),
      'persona',
    );
  const commentOf = (id: Id) =>
    must(
      d.comments.find((c) => c.id === id),
      'comment',
    );
  const cellMustExist = (stageId: Id, laneId: Id) => [stageOf(stageId), laneOf(laneId)];
  const dropCards = (keep: (c: Card) => boolean) => {
    d.cards = d.cards.filter(keep);
    const live = new Set(d.cards.map((c) => c.id));
    d.emotions = d.emotions.filter((e) => live.has(e.cardId));
    const stages = new Set(d.stages.map((s) => s.id));
    d.comments = d.comments.filter((c) => (c.on.kind === 'card' ? live.has(c.on.id) : stages.has(c.on.id)));
  };
  const setComment = (id: Id, change: Partial<Comment>) =>
    (d.comments = d.comments.map((c) => (c.id === id ? { ...c, ...change } : c)));
  switch (op.type) {
    case 'renameMap':
      d.map = { ...d.map, title: op.title };
      break;
    case 'createStage':
      d.stages = placeIn(d.stages, { ...op.stage, rank: '' }, op.place);
      break;
    case 'renameStage':
      stageOf(op.id);
      d.stages = d.stages.map((s) => (s.id === op.id ? { ...s, title: op.title } : s));
      break;
    case 'moveStage':
      d.stages = placeIn(d.stages, stageOf(op.id), op.place);
      break;
    case 'deleteStage':
      stageOf(op.id);
      d.stages = d.stages.filter((s) => s.id !== op.id);
      dropCards((c) => c.stageId !== op.id);
      break;
    case 'createLane':
      d.lanes = placeIn(d.lanes, { ...op.lane, rank: '' }, op.place);
      break;
    case 'updateLane':
      laneOf(op.id);
      d.lanes = d.lanes.map((l) => (l.id === op.id ? { ...l, title: op.title, kind: op.kind } : l));
      break;
    case 'moveLane':
      d.lanes = placeIn(d.lanes, laneOf(op.id), op.place);
      break;
    case 'deleteLane':
      laneOf(op.id);
      d.lanes = d.lanes.filter((l) => l.id !== op.id);
      dropCards((c) => c.laneId !== op.id);
      break;
    case 'createCard':
      if (d.cards.some((c) => c.id === op.card.id)) throw new Error(`card ${op.card.id} exists`);
      cellMustExist(op.card.stageId, op.card.laneId);
      putInCell({ ...op.card, rank: '' }, op.place);
      break;
    case 'updateCard':
    case 'setCardAttrs': {
      const card = cardOf(op.id);
      const next =
        op.type === 'updateCard' ? { ...card, title: op.title, body: op.body } : { ...card, attrs: op.attrs };
      d.cards = d.cards.map((c) => (c.id === op.id ? next : c));
      break;
    }
    case 'moveCard': {
      const card = cardOf(op.id);
      cellMustExist(op.stageId, op.laneId);
      d.cards = d.cards.filter((c) => c.id !== op.id);
      putInCell({ ...card, stageId: op.stageId, laneId: op.laneId }, op.place);
      break;
    }
    case 'deleteCard':
      cardOf(op.id);
      dropCards((c) => c.id !== op.id);
      break;
    case 'createPersona':
      d.personas = placeIn(d.personas, { ...op.persona, rank: '' }, op.place);
      break;
    case 'updatePersona': {
      const old = personaOf(op.persona.id);
      d.personas = d.personas.map((p) => (p.id === old.id ? { ...op.persona, rank: old.rank } : p));
      break;
    }
    case 'deletePersona':
      personaOf(op.id);
      d.personas = d.personas.filter((p) => p.id !== op.id);
      d.emotions = d.emotions.filter((e) => e.personaId !== op.id);
      break;
    case 'setEmotion': {
      const same = (e: EmotionScore) =>
        e.cardId === op.cardId && e.personaId === op.personaId && e.horizon === op.horizon;
      d.emotions = d.emotions.filter((e) => !same(e));
      if (op.score !== null) d.emotions = [...d.emotions, { ...op, score: op.score }];
      break;
    }
    case 'addComment': {
      const c = op.comment;
      if (c.on.kind === 'card') cardOf(c.on.id);
      else stageOf(c.on.id);
      if (c.replyTo !== null && commentOf(c.replyTo).replyTo !== null) throw new Error('reply to a reply');
      d.comments = [...d.comments, { ...c, text: c.text.trim(), resolved: c.resolved && c.replyTo === null }];
      break;
    }
    case 'editComment':
      commentOf(op.id);
      setComment(op.id, { text: op.text.trim() });
      break;
    case 'resolveComment':
      commentOf(op.id);
      setComment(op.id, { resolved: op.resolved });
      break;
    case 'deleteComment':
      commentOf(op.id);
      d.comments = d.comments.filter((c) => c.id !== op.id && c.replyTo !== op.id);
      break;
  }
  return d;
}

function diffList<T extends { id: Id }>(before: T[], after: T[]): { upserts: T[]; deleted: Id[] } {
  const old = new Map(before.map((x) => [x.id, JSON.stringify(x)] as const));
  const now = new Set(after.map((x) => x.id));
  return {
    upserts: after.filter((x) => old.get(x.id) !== JSON.stringify(x)),
    deleted: before.filter((x) => !now.has(x.id)).map((x) => x.id),
  };
}

const emotionId = (e: EmotionScore) => ({ ...e, id: `${e.cardId}|${e.personaId}|${e.horizon}` });

/** The patch that turns `before` into `after`. */
export function diffDocs(before: MapDoc, after: MapDoc): Patch {
  const stages = diffList<Stage>(before.stages, after.stages);
  const lanes = diffList<Lane>(before.lanes, after.lanes);
  const cards = diffList<Card>(before.cards, after.cards);
  const personas = diffList<Persona>(before.personas, after.personas);
  const emotions = diffList(before.emotions.map(emotionId), after.emotions.map(emotionId));
  const comments = diffList<Comment>(before.comments, after.comments);
  const gone = new Set(emotions.deleted);
  return {
    map: JSON.stringify(before.map) === JSON.stringify(after.map) ? null : after.map,
    stages: stages.upserts,
    deletedStages: stages.deleted,
    lanes: lanes.upserts,
    deletedLanes: lanes.deleted,
    cards: cards.upserts,
    deletedCards: cards.deleted,
    personas: personas.upserts,
    deletedPersonas: personas.deleted,
    emotions: emotions.upserts.map(({ id: _, ...e }) => e),
    deletedEmotions: before.emotions.filter((e) => gone.has(emotionId(e).id)),
    comments: comments.upserts,
    deletedComments: comments.deleted,
    history: after.history,
  };
}
