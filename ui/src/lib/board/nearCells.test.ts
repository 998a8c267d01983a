import { describe, expect, it } from 'vitest';
import type { Card, LaneKind, MapDoc } from '../ipc/types';
import { emptyAttrs } from '../model/attrs';
import { cellKey } from '../model/doc';
import {
  distanceToView,
  firstFrame,
  LANE_WIDTH,
  RenderQueue,
  shortestHeight,
  STAGE_WIDTH,
} from './nearCells';

/** A map of `stages` × the given lanes with `perCell` cards in every cell. */
function board(stages: number, lanes: LaneKind[], perCell: number): MapDoc {
  const stageList = Array.from({ length: stages }, (_, i) => ({
    id: `S${i}`,
    title: `S${i}`,
    rank: `8${i}`,
  }));
  const laneList = lanes.map((kind, i) => ({ id: `L${i}`, title: `L${i}`, kind, rank: `8${i}` }));
  const cards: Card[] = [];
  for (const s of stageList)
    for (const l of laneList)
      for (let n = 0; n < perCell; n++)
        cards.push({
          id: `${s.id}${l.id}#${n}`,
          stageId: s.id,
          laneId: l.id,
          rank: `8${n}`,
          title: 'x',
          body: '',
          attrs: emptyAttrs(),
        });
  return {
    map: { id: 'M', title: 'M', createdAt: 0, updatedAt: 0 },
    stages: stageList,
    lanes: laneList,
    cards,
    personas: [],
    emotions: [],
    comments: [],
    history: { canUndo: false, canRedo: false },
  };
}

const view = { width: 1280, height: 800 };

describe('the first frame of a board', () => {
  it('renders the stage columns the view can reach and no further', () => {
    const first = firstFrame(board(8, ['touchpoints'], 1), view, 1);
    const columns = Math.ceil((view.width - LANE_WIDTH) / STAGE_WIDTH);
    expect(first.cells).toEqual(new Set(Array.from({ length: columns }, (_, i) => cellKey(`S${i}`, 'L0'))));
  });

  it('renders no more cards of a full cell than the view can show at the shortest card', () => {
    const first = firstFrame(board(2, ['touchpoints', 'notes'], 25), view, 1);
    // A one-line card is at least 47 px with its gap; the cards start 70 px down.
    expect(first.cards.get(cellKey('S0', 'L0'))).toBe(Math.ceil((800 - 70) / 47));
    // The first lane is taller than the view: the second is not rendered yet.
    expect(first.cells.has(cellKey('S0', 'L1'))).toBe(false);
  });

  it('renders every lane that can start in the view, each cell whole when it is short', () => {
    const first = firstFrame(board(2, ['touchpoints', 'notes', 'backstage', 'channels'], 1), view, 1);
    expect(first.cells.size).toBe(8);
    for (const n of first.cards.values()) expect(n).toBe(1);
  });

  it('counts a card with more words as taller, so fewer of them fill the view', () => {
    expect(shortestHeight({ title: 'x', body: '' })).toBe(47);
    const long = { title: 'x'.repeat(81), body: 'y'.repeat(100) };
    expect(shortestHeight(long)).toBe(28 + 19 * 3 + 4 + 18 * 3);
  });

  it('reaches further when zoomed out, and leaves room for the emotion curve', () => {
    const near = firstFrame(board(12, ['touchpoints'], 1), view, 1).cells.size;
    expect(firstFrame(board(12, ['touchpoints'], 1), view, 0.5).cells.size).toBeGreaterThan(near);
    const curve = firstFrame(board(1, ['emotions', 'touchpoints'], 3), view, 1);
    expect(curve.cards.get(cellKey('S0', 'L0'))).toBe(3);
  });
});

describe('filling in the cells near the view', () => {
  // Node has no DOMRect: the fields the distance reads.
  const rect = (left: number, top: number, width: number, height: number) =>
    ({ left, top, right: left + width, bottom: top + height }) as DOMRectReadOnly;

  it('measures a cell from the view, not from the margin around it', () => {
    const root = rect(-600, -600, 1000 + 1200, 800 + 1200); // a 1000×800 view grown by 600
    expect(distanceToView(rect(100, 100, 264, 300), root, 600)).toBe(0);
    expect(distanceToView(rect(1100, 100, 264, 300), root, 600)).toBe(100);
    expect(distanceToView(rect(1100, 900, 264, 300), root, 600)).toBe(200);
    expect(distanceToView(rect(1100, 900, 264, 300), null, 600)).toBe(0);
  });

  it('takes the nearest cells first, about a frame of cards at a time, and forgets dropped ones', () => {
    const queue = new RenderQueue();
    const counts: Record<string, number> = { far: 25, near: 25, nearer: 10, gone: 1 };
    queue.add('far', 500);
    queue.add('near', 100);
    queue.add('nearer', 20);
    queue.add('gone', 0);
    queue.drop('gone');
    const count = (key: string) => counts[key] ?? 0;
    expect(queue.take(30, count)).toEqual(['nearer']);
    expect(queue.take(30, count)).toEqual(['near']);
    // One cell at least, however big.
    expect(queue.take(10, count)).toEqual(['far']);
    expect(queue.size).toBe(0);
  });
});
