// The card fields the inspector edits as text, and the edit each one makes.
import type { Card, CardAttrs, Op } from '../ipc/types';
import { parseTags } from './attrs';

export type CardTextField = 'title' | 'body' | 'channel' | 'owner' | 'tags' | 'url';

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The attribute change a typed value makes. */
function attrChange(field: Exclude<CardTextField, 'title' | 'body'>, value: string): Partial<CardAttrs> {
  switch (field) {
    case 'channel':
      return { channel: orNull(value) };
    case 'owner':
      return { owner: orNull(value) };
    case 'url':
      return { url: orNull(value) };
    case 'tags':
      return { tags: parseTags(value) };
  }
}

/**
 * The ops that set `field` of `card` (as it is now) to `value`; `null` when nothing changes.
 * Built when the edit's turn in the queue comes, so earlier edits of other fields are kept.
 */
export function cardFieldOps(card: Card, field: CardTextField, value: string): Op[] | null {
  if (field === 'title' || field === 'body') {
    const title = field === 'title' ? value : card.title;
    const body = field === 'body' ? value : card.body;
    if (title === card.title && body === card.body) return null;
    return [{ type: 'updateCard', id: card.id, title, body }];
  }
  return cardAttrsOps(card, attrChange(field, value));
}

/** The ops that apply `change` on top of the card's current attributes; `null` when unchanged. */
export function cardAttrsOps(card: Card, change: Partial<CardAttrs>): Op[] | null {
  const attrs: CardAttrs = { ...card.attrs, ...change };
  if (JSON.stringify(attrs) === JSON.stringify(card.attrs)) return null;
  return [{ type: 'setCardAttrs', id: card.id, attrs }];
}
