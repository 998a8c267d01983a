// Where a dragged card would land, computed from the rectangles of the board's cells and cards.
// Pure: the board measures the DOM once per drag and hands the numbers in.
import type { Id } from '../../ipc/types';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CardGeom {
  id: Id;
  rect: Rect;
}

export interface CellGeom {
  stageId: Id;
  laneId: Id;
  rect: Rect;
  /** Cards of the cell in rank order. */
  cards: CardGeom[];
}

export interface DropTarget {
  stageId: Id;
  laneId: Id;
  /** The card the dragged cards go before; null for the end of the cell. */
  beforeId: Id | null;
  /** Where to draw the drop indicator, in the same coordinates as the rects. */
  indicatorY: number;
  /** The rectangle of the target cell. */
  cell: Rect;
}

export function contains(r: Rect, p: Point): boolean {
  return p.x >= r.left && p.x < r.left + r.width && p.y >= r.top && p.y < r.top + r.height;
}

function distance(r: Rect, p: Point): number {
  const dx = Math.max(r.left - p.x, 0, p.x - (r.left + r.width));
  const dy = Math.max(r.top - p.y, 0, p.y - (r.top + r.height));
  return Math.hypot(dx, dy);
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

export function rectFromPoints(a: Point, b: Point): Rect {
  return {
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

/**
 * The drop target under `p`: the cell containing it (or the nearest cell when the pointer is in a
 * gutter), and the first card of that cell, not being dragged, whose middle is below the pointer.
 */
export function dropTargetAt(p: Point, cells: CellGeom[], dragged: ReadonlySet<Id>): DropTarget | null {
  let best: CellGeom | null = null;
  let bestDistance = Infinity;
  for (const cell of cells) {
    const d = distance(cell.rect, p);
    if (d < bestDistance) {
      best = cell;
      bestDistance = d;
    }
    if (d === 0) break;
  }
  if (!best) return null;
  const others = best.cards.filter((c) => !dragged.has(c.id));
  const before = others.find((c) => p.y < c.rect.top + c.rect.height / 2) ?? null;
  const last = others[others.length - 1];
  const indicatorY = before
    ? before.rect.top - 4
    : last
      ? last.rect.top + last.rect.height + 4
      : best.rect.top + 8;
  return {
    stageId: best.stageId,
    laneId: best.laneId,
    beforeId: before?.id ?? null,
    indicatorY,
    cell: best.rect,
  };
}
