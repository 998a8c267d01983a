import { describe, expect, it } from 'vitest';
import { emptyAttrs } from '../model/attrs';
import type { Card, MapDoc } from '../ipc/types';
import { adjacentCell, boardOrder, neighbour } from './navigation';
import { clickSelect, inBoardOrder } from './selection';

const card = (id: string, stageId: string, laneId: string, rank: string): Card => ({
  id,
  stageId,
  laneId,
  rank,
  title: id,
  body: '',
  attrs: emptyAttrs(),
});

// Lanes L1, L2 × stages S1, S2, S3.
//        S1      S2     S3
//  L1   a, b     -      c
//  L2    d       e      -
const doc: MapDoc = {
  map: { id: 'M', title: 'M', createdAt: 0, updatedAt: 0 },
  stages: ['S1', 'S2', 'S3'].map((id, i) => ({ id, title: id, rank: `8${i}` })),
  lanes: ['L1', 'L2'].map((id, i) => ({ id, title: id, kind: 'touchpoints' as const, rank: `8${i}` })),
  cards: [
    card('b', 'S1', 'L1', '81'),
    card('a', 'S1', 'L1', '80'),
    card('c', 'S3', 'L1', '80'),
    card('d', 'S1', 'L2', '80'),
    card('e', 'S2', 'L2', '80'),
  ],
  personas: [],
  emotions: [],
  comments: [],
  history: { canUndo: false, canRedo: false },
};

describe('keyboard navigation', () => {
  it('reads the board lane by lane, stage by stage', () => {
    expect(boardOrder(doc)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('walks cells and skips empty ones', () => {
    expect(neighbour(doc, 'a', 'down')).toBe('b');
    expect(neighbour(doc, 'b', 'down')).toBe('d');
    expect(neighbour(doc, 'd', 'up')).toBe('b');
    expect(neighbour(doc, 'a', 'right')).toBe('c');
    expect(neighbour(doc, 'c', 'left')).toBe('a');
    expect(neighbour(doc, 'e', 'right')).toBeNull();
    expect(neighbour(doc, 'a', 'up')).toBeNull();
  });

  it('finds the neighbouring cell for moving a card, and stops at the edges', () => {
    const a = doc.cards.find((c) => c.id === 'a')!;
    expect(adjacentCell(doc, a, 'right')).toEqual({ stageId: 'S2', laneId: 'L1' });
    expect(adjacentCell(doc, a, 'down')).toEqual({ stageId: 'S1', laneId: 'L2' });
    expect(adjacentCell(doc, a, 'left')).toBeNull();
  });
});

describe('selection', () => {
  it('replaces on plain click and toggles with a modifier', () => {
    expect(clickSelect(['a'], 'b', false)).toEqual(['b']);
    expect(clickSelect(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(clickSelect(['a', 'b'], 'a', true)).toEqual(['b']);
    expect(inBoardOrder(['e', 'a', 'c'], boardOrder(doc))).toEqual(['a', 'c', 'e']);
  });
});
