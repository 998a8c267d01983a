import { describe, expect, it } from 'vitest';
import type { Card } from '../ipc/types';
import { emptyAttrs } from './attrs';
import { cardAttrsOps, cardFieldOps } from './cardFields';

const card: Card = {
  id: 'c1',
  stageId: 's',
  laneId: 'l',
  title: 'Checkout',
  body: 'Pays by card',
  rank: '80',
  attrs: { ...emptyAttrs(), owner: 'Tim CX' },
};

describe('cardFieldOps', () => {
  it('changes only the field given, on top of the card as it is', () => {
    expect(cardFieldOps(card, 'title', 'Checkout fails')).toEqual([
      { type: 'updateCard', id: 'c1', title: 'Checkout fails', body: 'Pays by card' },
    ]);
    const ops = cardFieldOps(card, 'tags', 'promo, q3');
    expect(ops?.[0]).toMatchObject({
      type: 'setCardAttrs',
      attrs: { owner: 'Tim CX', tags: ['promo', 'q3'] },
    });
  });

  it('makes no edit when the value is what the card already has', () => {
    expect(cardFieldOps(card, 'title', 'Checkout')).toBeNull();
    expect(cardFieldOps(card, 'owner', ' Tim CX ')).toBeNull();
    expect(cardAttrsOps(card, { owner: 'Tim CX' })).toBeNull();
  });

  it('empties a text attribute to none', () => {
    expect(cardFieldOps(card, 'owner', '  ')?.[0]).toMatchObject({ attrs: { owner: null } });
  });
});
