// Reordering stages (columns) and lanes (rows): where a dragged header lands, and the op that puts
// it there. Pure; the board supplies the header rectangles.
import type { Id, Place } from '../../ipc/types';

export interface Slot {
  id: Id;
  /** Start and size along the axis (left/width for stages, top/height for lanes). */
  start: number;
  size: number;
}

/** The index among `slots` (without the dragged one) the item would be inserted at. */
export function insertionIndex(pos: number, slots: readonly Slot[], dragged: Id): number {
  const others = slots.filter((s) => s.id !== dragged);
  const i = others.findIndex((s) => pos < s.start + s.size / 2);
  return i < 0 ? others.length : i;
}

/**
 * The `Place` that puts `dragged` at `index` among the other items (in `order`), or null when that
 * is where it already is.
 */
export function placeAt(order: readonly Id[], dragged: Id, index: number): Place | null {
  const others = order.filter((id) => id !== dragged);
  const clamped = Math.max(0, Math.min(index, others.length));
  if (order.indexOf(dragged) === clamped) return null;
  const before = others[clamped];
  return before === undefined ? { at: 'end' } : { at: 'before', value: before };
}

/** Keyboard twin: one step earlier (-1) or later (+1). */
export function placeByStep(order: readonly Id[], id: Id, step: -1 | 1): Place | null {
  const i = order.indexOf(id);
  if (i < 0) return null;
  return placeAt(order, id, i + step);
}
