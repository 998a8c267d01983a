import { describe, expect, it } from 'vitest';
import type { Card, MapDoc, Persona } from '../ipc/types';
import { emptyAttrs } from './attrs';
import { computeCurve, scoreToY, touchpointsInOrder, yToScore } from './curve';

const card = (id: string, stageId: string, laneId: string, rank: string): Card => ({
  id,
  stageId,
  laneId,
  rank,
  title: id,
  body: '',
  attrs: emptyAttrs(),
});
const persona = (id: string): Persona => ({
  id,
  name: id,
  role: '',
  goals: '',
  needs: '',
  pains: '',
  color: '#000000',
  photo: null,
  rank: '80',
});

const doc: MapDoc = {
  map: { id: 'M', title: 'M', createdAt: 0, updatedAt: 0 },
  stages: ['S1', 'S2'].map((id, i) => ({ id, title: id, rank: `8${i}` })),
  lanes: [
    { id: 'T', title: 'Touchpoints', kind: 'touchpoints', rank: '80' },
    { id: 'N', title: 'Notes', kind: 'notes', rank: '81' },
  ],
  cards: [
    card('b', 'S1', 'T', '81'),
    card('a', 'S1', 'T', '80'),
    card('c', 'S2', 'T', '80'),
    card('n', 'S2', 'N', '80'),
  ],
  personas: [persona('P'), persona('Q')],
  emotions: [
    { cardId: 'a', personaId: 'P', horizon: 'asIs', score: 2 },
    { cardId: 'c', personaId: 'P', horizon: 'asIs', score: -1 },
    { cardId: 'c', personaId: 'P', horizon: 'toBe', score: 1 },
  ],
  comments: [],
  history: { canUndo: false, canRedo: false },
};

describe('emotion curve', () => {
  it('runs through touchpoint cards in journey order, spread across each stage', () => {
    expect(touchpointsInOrder(doc).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    const { points, lines } = computeCurve(doc, [persona('P')], 300);
    const asIs = points.filter((p) => p.horizon === 'asIs');
    expect(asIs.map((p) => [p.cardId, p.x, p.score])).toEqual([
      ['a', 100, 2],
      ['b', 200, null],
      ['c', 450, -1],
    ]);
    expect(lines.map((l) => [l.horizon, l.points.length])).toEqual([
      ['asIs', 2],
      ['toBe', 1],
    ]);
  });

  it('maps scores to heights and back, snapping and clamping', () => {
    expect(yToScore(scoreToY(2))).toBe(2);
    expect(yToScore(scoreToY(-1) + 10)).toBe(-1);
    expect(yToScore(-500)).toBe(2);
    expect(scoreToY(2)).toBeLessThan(scoreToY(-2));
  });
});
