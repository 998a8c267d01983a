import { describe, expect, it } from 'vitest';
import { emptyAttrs } from './attrs';
import type { Card, MapDoc, Patch } from '../ipc/types';
import { applyPatch, cardsByCell, cellKey, countCards, emptyPatch } from './doc';
import { uuidv7 } from './ids';

const card = (id: string, stageId: string, rank: string, title = id): Card => ({
  id,
  stageId,
  laneId: 'L',
  title,
  body: '',
  rank,
  attrs: emptyAttrs(),
});

const doc: MapDoc = {
  map: { id: 'M', title: 'Map', createdAt: 1, updatedAt: 1 },
  stages: [
    { id: 'S1', title: 'Awareness', rank: '80' },
    { id: 'S2', title: 'Purchase', rank: '8180' },
  ],
  lanes: [{ id: 'L', title: 'Touchpoints', kind: 'touchpoints', rank: '80' }],
  cards: [card('a', 'S1', '80'), card('b', 'S1', '8180')],
  personas: [
    {
      id: 'P',
      name: 'Rina',
      role: '',
      goals: '',
      needs: '',
      pains: '',
      color: '#7c3aed',
      photo: null,
      rank: '80',
    },
  ],
  emotions: [{ cardId: 'a', personaId: 'P', horizon: 'asIs', score: -1 }],
  comments: [],
  history: { canUndo: false, canRedo: false },
};

const empty: Patch = emptyPatch({ canUndo: true, canRedo: false });

describe('applyPatch', () => {
  it('updates, inserts in rank order and deletes only what the patch names', () => {
    const next = applyPatch(doc, {
      ...empty,
      cards: [card('c', 'S1', '7f80'), card('b', 'S2', '80', 'moved')],
      deletedCards: ['a'],
    });
    expect(next.cards.map((c) => c.id)).toEqual(['c', 'b']);
    expect(next.cards.find((c) => c.id === 'b')?.stageId).toBe('S2');
    expect(next.history.canUndo).toBe(true);
    expect(next.stages).toBe(doc.stages); // untouched lists are kept as they are
    expect(doc.cards).toHaveLength(2); // the old doc is not mutated
  });

  it('keeps stages sorted when one is inserted before another', () => {
    const next = applyPatch(doc, { ...empty, stages: [{ id: 'S0', title: 'Need', rank: '7f80' }] });
    expect(next.stages.map((s) => s.id)).toEqual(['S0', 'S1', 'S2']);
  });

  it('groups cards by cell in rank order', () => {
    const cells = cardsByCell(applyPatch(doc, { ...empty, cards: [card('z', 'S1', '7f')] }));
    expect(cells.get(cellKey('S1', 'L'))?.map((c) => c.id)).toEqual(['z', 'a', 'b']);
    expect(countCards(doc, { stageId: 'S1' })).toBe(2);
    expect(countCards(doc, { stageId: 'S2' })).toBe(0);
  });
});

describe('emotion scores in patches', () => {
  it('are set, cleared, and leave with their card', () => {
    const set = applyPatch(doc, {
      ...empty,
      emotions: [{ cardId: 'b', personaId: 'P', horizon: 'toBe', score: 2 }],
    });
    expect(set.emotions).toHaveLength(2);
    const cleared = applyPatch(set, {
      ...empty,
      deletedEmotions: [{ cardId: 'b', personaId: 'P', horizon: 'toBe', score: 0 }],
    });
    expect(cleared.emotions).toHaveLength(1);
    const cardGone = applyPatch(doc, { ...empty, deletedCards: ['a'] });
    expect(cardGone.emotions).toHaveLength(0);
  });
});

describe('uuidv7', () => {
  it('is a version 7 UUID that sorts by time', () => {
    const a = uuidv7(1_700_000_000_000, new Uint8Array(10).fill(255));
    const b = uuidv7(1_700_000_000_001, new Uint8Array(10));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});
