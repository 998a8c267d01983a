// The open map as plain data, and the pure functions that update it from backend patches.
import type { Card, EmotionScore, HistoryState, Id, Lane, MapDoc, Patch, Persona, Stage } from '../ipc/types';
import { mergeComments } from './comments';

/** Ranks are compared bytewise (they are hex strings), never with locale rules. */
export function byRank<T extends { rank: string }>(a: T, b: T): number {
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;
}

function merge<T extends { id: Id; rank: string }>(list: T[], upserts: T[], deleted: Id[]): T[] {
  if (upserts.length === 0 && deleted.length === 0) return list;
  const gone = new Set(deleted);
  const byId = new Map(list.map((x) => [x.id, x] as const));
  for (const id of gone) byId.delete(id);
  for (const x of upserts) byId.set(x.id, x);
  return [...byId.values()].sort(byRank);
}

export function emotionKey(e: Pick<EmotionScore, 'cardId' | 'personaId' | 'horizon'>): string {
  return `${e.cardId}|${e.personaId}|${e.horizon}`;
}

/**
 * Scores after an edit. A deleted card or persona takes its scores with it (the store cascades);
 * an undo that brings them back lists the scores again.
 */
function mergeEmotions(doc: MapDoc, patch: Patch, cards: Card[], personas: Persona[]): EmotionScore[] {
  const byKey = new Map(doc.emotions.map((e) => [emotionKey(e), e] as const));
  for (const e of patch.deletedEmotions) byKey.delete(emotionKey(e));
  for (const e of patch.emotions) byKey.set(emotionKey(e), e);
  const liveCards = new Set(cards.map((c) => c.id));
  const livePersonas = new Set(personas.map((p) => p.id));
  return [...byKey.values()].filter((e) => liveCards.has(e.cardId) && livePersonas.has(e.personaId));
}

/** The map after an edit: only what the patch names changes. */
/** A patch that changes nothing but says how undo and redo stand. */
export function emptyPatch(history: HistoryState): Patch {
  return {
    map: null,
    stages: [],
    lanes: [],
    cards: [],
    deletedStages: [],
    deletedLanes: [],
    deletedCards: [],
    personas: [],
    deletedPersonas: [],
    emotions: [],
    deletedEmotions: [],
    comments: [],
    deletedComments: [],
    history,
  };
}

export function applyPatch(doc: MapDoc, patch: Patch): MapDoc {
  const cards = merge<Card>(doc.cards, patch.cards, patch.deletedCards);
  const personas = merge<Persona>(doc.personas, patch.personas, patch.deletedPersonas);
  const emotionsChanged =
    patch.emotions.length > 0 ||
    patch.deletedEmotions.length > 0 ||
    patch.deletedCards.length > 0 ||
    patch.deletedPersonas.length > 0;
  const next: MapDoc = {
    map: patch.map ?? doc.map,
    stages: merge<Stage>(doc.stages, patch.stages, patch.deletedStages),
    lanes: merge<Lane>(doc.lanes, patch.lanes, patch.deletedLanes),
    cards,
    personas,
    emotions: emotionsChanged ? mergeEmotions(doc, patch, cards, personas) : doc.emotions,
    comments: doc.comments,
    history: patch.history,
  };
  const commentsChanged =
    patch.comments.length > 0 ||
    patch.deletedComments.length > 0 ||
    patch.deletedCards.length > 0 ||
    patch.deletedStages.length > 0;
  if (commentsChanged) next.comments = mergeComments(doc, patch.comments, patch.deletedComments, next);
  return next;
}

export function cellKey(stageId: Id, laneId: Id): string {
  return `${stageId}|${laneId}`;
}

/** Cards grouped by cell, each cell ordered by rank. */
export function cardsByCell(doc: MapDoc): Map<string, Card[]> {
  const cells = new Map<string, Card[]>();
  for (const card of doc.cards) {
    const key = cellKey(card.stageId, card.laneId);
    const cell = cells.get(key);
    if (cell) cell.push(card);
    else cells.set(key, [card]);
  }
  for (const cell of cells.values()) cell.sort(byRank);
  return cells;
}

export function countCards(doc: MapDoc, where: { stageId?: Id; laneId?: Id }): number {
  return doc.cards.filter(
    (c) =>
      (where.stageId === undefined || c.stageId === where.stageId) &&
      (where.laneId === undefined || c.laneId === where.laneId),
  ).length;
}
