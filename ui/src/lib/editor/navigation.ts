// Moving around the board with the keyboard, as pure functions of the map.
import type { Card, Id, MapDoc } from '../ipc/types';
import { byRank } from '../model/doc';

export type Direction = 'left' | 'right' | 'up' | 'down';

interface Grid {
  stages: Id[];
  lanes: Id[];
  cell: (stageId: Id, laneId: Id) => Card[];
}

function grid(doc: MapDoc): Grid {
  const cells = new Map<string, Card[]>();
  for (const c of doc.cards) {
    const key = `${c.stageId}|${c.laneId}`;
    cells.set(key, [...(cells.get(key) ?? []), c]);
  }
  for (const list of cells.values()) list.sort(byRank);
  return {
    stages: doc.stages.map((s) => s.id),
    lanes: doc.lanes.map((l) => l.id),
    cell: (s, l) => cells.get(`${s}|${l}`) ?? [],
  };
}

/** Every card in reading order: lane by lane, stage by stage, then by rank. */
export function boardOrder(doc: MapDoc): Id[] {
  const g = grid(doc);
  return g.lanes.flatMap((l) => g.stages.flatMap((s) => g.cell(s, l).map((c) => c.id)));
}

/**
 * The card an arrow key goes to from `fromId`: up/down walk the cell, then the nearest non-empty
 * cell above/below in the same stage; left/right go to the nearest non-empty cell in the same lane,
 * keeping roughly the same row.
 */
export function neighbour(doc: MapDoc, fromId: Id, dir: Direction): Id | null {
  const g = grid(doc);
  const from = doc.cards.find((c) => c.id === fromId);
  if (!from) return null;
  const row = g.cell(from.stageId, from.laneId).findIndex((c) => c.id === fromId);
  if (dir === 'up' || dir === 'down') {
    const own = g.cell(from.stageId, from.laneId);
    const next = own[row + (dir === 'down' ? 1 : -1)];
    if (next) return next.id;
    const lanes = g.lanes;
    const step = dir === 'down' ? 1 : -1;
    for (let i = lanes.indexOf(from.laneId) + step; i >= 0 && i < lanes.length; i += step) {
      const cards = g.cell(from.stageId, lanes[i] ?? '');
      const target = dir === 'down' ? cards[0] : cards[cards.length - 1];
      if (target) return target.id;
    }
    return null;
  }
  const stages = g.stages;
  const step = dir === 'right' ? 1 : -1;
  for (let i = stages.indexOf(from.stageId) + step; i >= 0 && i < stages.length; i += step) {
    const cards = g.cell(stages[i] ?? '', from.laneId);
    const target = cards[Math.min(row, cards.length - 1)];
    if (target) return target.id;
  }
  return null;
}

/** The cell next to a card's cell, for moving cards with the keyboard; null at the board's edge. */
export function adjacentCell(doc: MapDoc, card: Card, dir: Direction): { stageId: Id; laneId: Id } | null {
  const horizontal = dir === 'left' || dir === 'right';
  const axis = horizontal ? doc.stages.map((s) => s.id) : doc.lanes.map((l) => l.id);
  const index = axis.indexOf(horizontal ? card.stageId : card.laneId);
  const next = axis[index + (dir === 'right' || dir === 'down' ? 1 : -1)];
  if (index < 0 || next === undefined) return null;
  return horizontal ? { stageId: next, laneId: card.laneId } : { stageId: card.stageId, laneId: next };
}
