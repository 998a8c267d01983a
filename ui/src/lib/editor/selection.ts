// Which cards are selected, as pure functions over id lists (kept in board order).
import type { Id } from '../ipc/types';

/** A click on a card: plain replaces the selection, with a modifier toggles that card. */
export function clickSelect(current: readonly Id[], id: Id, additive: boolean): Id[] {
  if (!additive) return [id];
  return current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
}

/** `ids` sorted as they appear on the board, so a group keeps its order when it moves. */
export function inBoardOrder(ids: Iterable<Id>, order: readonly Id[]): Id[] {
  const wanted = new Set(ids);
  return order.filter((id) => wanted.has(id));
}
