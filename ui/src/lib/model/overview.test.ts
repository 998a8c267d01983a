import { describe, expect, it } from 'vitest';
import type { Card, MapDoc, Priority } from '../ipc/types';
import { emptyAttrs } from './attrs';
import { overviewRows, sortRows } from './overview';

const card = (
  id: string,
  stageId: string,
  laneId: string,
  priority: Priority | null,
  owner: string | null,
): Card => ({
  id,
  stageId,
  laneId,
  rank: '80',
  title: id,
  body: '',
  attrs: { ...emptyAttrs(), priority, owner },
});

const doc: MapDoc = {
  map: { id: 'M', title: 'M', createdAt: 0, updatedAt: 0 },
  stages: ['S1', 'S2'].map((id, i) => ({ id, title: id, rank: `8${i}` })),
  lanes: [
    { id: 'T', title: 'Touchpoints', kind: 'touchpoints', rank: '80' },
    { id: 'P', title: 'Pains', kind: 'painPoints', rank: '81' },
    { id: 'O', title: 'Opps', kind: 'opportunities', rank: '82' },
  ],
  cards: [
    card('t', 'S1', 'T', 'high', 'Ana'),
    card('p1', 'S2', 'P', 'low', 'Budi'),
    card('p2', 'S1', 'P', null, null),
    card('o1', 'S2', 'O', 'high', 'ana'),
  ],
  personas: [],
  emotions: [],
  comments: [],
  history: { canUndo: false, canRedo: false },
};

describe('overview', () => {
  it('lists only pain points and opportunities', () => {
    expect(overviewRows(doc).map((r) => [r.card.id, r.kind])).toEqual([
      ['p1', 'painPoints'],
      ['p2', 'painPoints'],
      ['o1', 'opportunities'],
    ]);
  });

  it('sorts by priority, owner or stage, missing values last', () => {
    const rows = overviewRows(doc);
    expect(sortRows(rows, 'priority', 'en').map((r) => r.card.id)).toEqual(['o1', 'p1', 'p2']);
    expect(sortRows(rows, 'owner', 'en').map((r) => r.card.id)).toEqual(['o1', 'p1', 'p2']);
    expect(sortRows(rows, 'stage', 'en').map((r) => r.card.id)).toEqual(['p2', 'p1', 'o1']);
  });
});
