// One drag threshold for every pointer gesture on the board, so a click is a click everywhere.
import type { Point } from './geometry';

/** Pixels the pointer must travel before a press becomes a drag. */
export const DRAG_THRESHOLD = 4;

/** Whether the pointer went far enough from `origin` for the press to be a drag. */
export function travelled(origin: Point, p: Point, threshold = DRAG_THRESHOLD): boolean {
  return Math.hypot(p.x - origin.x, p.y - origin.y) >= threshold;
}

/** The same along one axis (header reorder, curve points). */
export function travelledAlong(origin: number, pos: number, threshold = DRAG_THRESHOLD): boolean {
  return Math.abs(pos - origin) >= threshold;
}
