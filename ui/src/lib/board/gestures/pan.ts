// Panning the board with the middle button or Space + drag: the view follows the pointer.
import type { Point } from './geometry';

export interface Scroll {
  left: number;
  top: number;
}

export class Pan {
  private start: { pointer: Point; scroll: Scroll } | null = null;

  get active(): boolean {
    return this.start !== null;
  }

  down(pointer: Point, scroll: Scroll): void {
    this.start = { pointer, scroll };
  }

  /** Where the view scrolls to with the pointer at `p` (null when not panning). */
  move(p: Point): Scroll | null {
    const s = this.start;
    if (!s) return null;
    return { left: s.scroll.left - (p.x - s.pointer.x), top: s.scroll.top - (p.y - s.pointer.y) };
  }

  up(): void {
    this.start = null;
  }
}
