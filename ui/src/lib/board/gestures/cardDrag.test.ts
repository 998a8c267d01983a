import { describe, expect, it } from 'vitest';
import { DragEngine, moveOps, type CardPlace } from './cardDrag';
import { dropTargetAt, type CellGeom } from './geometry';

// A board of 3 stages × 1 lane: cells 200 px wide, cards 40 px tall with 10 px gaps.
const cards: Record<string, string[]> = { S1: ['a', 'b', 'c'], S2: ['d'], S3: [] };

function geometry(): CellGeom[] {
  return ['S1', 'S2', 'S3'].map((stageId, col) => ({
    stageId,
    laneId: 'L',
    rect: { left: col * 200, top: 0, width: 200, height: 400 },
    cards: (cards[stageId] ?? []).map((id, row) => ({
      id,
      rect: { left: col * 200 + 8, top: 10 + row * 50, width: 184, height: 40 },
    })),
  }));
}

const places = new Map<string, CardPlace>(
  Object.entries(cards).flatMap(([stageId, ids]) =>
    ids.map((id) => [id, { id, stageId, laneId: 'L' }] as const),
  ),
);
const order = (stageId: string) => cards[stageId] ?? [];

describe('DragEngine', () => {
  it('treats a press without movement as a click', () => {
    const engine = new DragEngine(geometry);
    engine.down({ x: 50, y: 20 }, ['a']);
    engine.move({ x: 52, y: 21 });
    expect(engine.state.phase).toBe('pressing');
    expect(engine.up(places, order)).toBeNull();
  });

  it('drags a card from the first stage to the end of the third', () => {
    const engine = new DragEngine(geometry);
    engine.down({ x: 50, y: 20 }, ['a']);
    engine.move({ x: 250, y: 100 });
    const s = engine.move({ x: 450, y: 120 });
    expect(s.phase).toBe('dragging');
    expect(s.phase === 'dragging' && s.target).toMatchObject({ stageId: 'S3', beforeId: null });
    expect(engine.up(places, order)).toEqual([
      { type: 'moveCard', id: 'a', stageId: 'S3', laneId: 'L', place: { at: 'end' } },
    ]);
    expect(engine.state.phase).toBe('idle');
  });

  it('drops before the card whose middle is below the pointer', () => {
    const engine = new DragEngine(geometry);
    engine.down({ x: 50, y: 120 }, ['c']);
    engine.move({ x: 60, y: 15 }); // above the middle of "a"
    expect(engine.up(places, order)).toEqual([
      { type: 'moveCard', id: 'c', stageId: 'S1', laneId: 'L', place: { at: 'before', value: 'a' } },
    ]);
  });

  it('moves several selected cards together, in board order, as one group', () => {
    const engine = new DragEngine(geometry);
    engine.down({ x: 50, y: 20 }, ['a', 'c']);
    engine.move({ x: 250, y: 5 });
    const ops = engine.up(places, order);
    expect(ops?.map((op) => op.type === 'moveCard' && [op.id, op.place])).toEqual([
      ['a', { at: 'before', value: 'd' }],
      ['c', { at: 'before', value: 'd' }],
    ]);
  });

  it('produces no op when the card is dropped where it already is', () => {
    const engine = new DragEngine(geometry);
    engine.down({ x: 50, y: 70 }, ['b']);
    engine.move({ x: 58, y: 78 });
    engine.move({ x: 50, y: 70 });
    expect(engine.up(places, order)).toEqual([]);
  });

  it('cancel (Escape) ends the gesture with nothing to send', () => {
    const engine = new DragEngine(geometry);
    engine.down({ x: 50, y: 20 }, ['a']);
    engine.move({ x: 450, y: 120 });
    engine.cancel();
    expect(engine.state.phase).toBe('idle');
    expect(engine.up(places, order)).toBeNull();
  });
});

describe('dropTargetAt', () => {
  it('uses the nearest cell when the pointer is in a gutter, ignoring dragged cards', () => {
    const target = dropTargetAt({ x: 450, y: 460 }, geometry(), new Set(['d']));
    expect(target).toMatchObject({ stageId: 'S3', beforeId: null });
    const before = dropTargetAt({ x: 210, y: 5 }, geometry(), new Set(['d']));
    expect(before).toMatchObject({ stageId: 'S2', beforeId: null });
  });

  it('ends up as a no-op when a dragged group is dropped back in place', () => {
    expect(moveOps(['a', 'b'], { stageId: 'S1', laneId: 'L', beforeId: 'c' }, places, order)).toEqual([]);
    expect(moveOps(['b', 'a'], { stageId: 'S1', laneId: 'L', beforeId: 'c' }, places, order)).toHaveLength(2);
  });
});
