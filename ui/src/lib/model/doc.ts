// The open map as plain data, and the pure functions that update it from backend patches.
import type { Card, Id, Lane, MapDoc, Patch, Stage } from '../ipc/types';

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

/** The map after an edit: only what the patch names changes. */
export function applyPatch(doc: MapDoc, patch: Patch): MapDoc {
  return {
    map: patch.map ?? doc.map,
    stages: merge<Stage>(doc.stages, patch.stages, patch.deletedStages),
    lanes: merge<Lane>(doc.lanes, patch.lanes, patch.deletedLanes),
    cards: merge<Card>(doc.cards, patch.cards, patch.deletedCards),
    history: patch.history,
  };
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
