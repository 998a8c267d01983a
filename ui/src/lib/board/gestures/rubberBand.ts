// Selecting by drawing a rectangle on the empty board: every card it touches is selected, on top
// of the selection held when it started if Shift/Ctrl was down.
import type { Id } from '../../ipc/types';
import { intersects, rectFromPoints, type CardGeom, type Point, type Rect } from './geometry';
import { travelled } from './threshold';

interface Band {
  origin: Point;
  base: Id[];
  cards: CardGeom[];
  rect: Rect | null;
}

export class RubberBand {
  private band: Band | null = null;

  get active(): boolean {
    return this.band !== null;
  }

  /** The rectangle drawn so far (null until the pointer passed the threshold). */
  get rect(): Rect | null {
    return this.band?.rect ?? null;
  }

  /** A press on the empty board; `cards` are the cards' rectangles, `base` the kept selection. */
  down(origin: Point, base: Id[], cards: CardGeom[]): void {
    this.band = { origin, base, cards, rect: null };
  }

  /** The cards selected with the pointer at `p` (base first), or null while it is still a click. */
  move(p: Point): Id[] | null {
    const b = this.band;
    if (!b || (!b.rect && !travelled(b.origin, p))) return null;
    b.rect = rectFromPoints(b.origin, p);
    const rect = b.rect;
    const hit = b.cards.filter((c) => intersects(rect, c.rect)).map((c) => c.id);
    return [...new Set([...b.base, ...hit])];
  }

  up(): void {
    this.band = null;
  }
}
