// Scrolling the board while a dragged card is held near its edge, faster the closer it gets.
// Framework-free: the frame scheduler and the view are handed in, so tests drive it by hand.
import type { Point } from './geometry';

export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Width of the band along each edge where the board scrolls, and the top speed (px per frame). */
export const EDGE = 48;
export const MAX_SPEED = 18;

/** Pixels per frame to scroll with the pointer at `p` in a view with these bounds. */
export function edgeVelocity(
  p: Point,
  view: Bounds,
  edge = EDGE,
  max = MAX_SPEED,
): { dx: number; dy: number } {
  const speed = (d: number) => Math.ceil(((edge - d) / edge) * max);
  let dx = 0;
  let dy = 0;
  if (p.x < view.left + edge) dx = -speed(p.x - view.left);
  else if (p.x > view.right - edge) dx = speed(view.right - p.x);
  if (p.y < view.top + edge) dy = -speed(p.y - view.top);
  else if (p.y > view.bottom - edge) dy = speed(view.bottom - p.y);
  return { dx, dy };
}

export interface ScrollView {
  bounds(): Bounds;
  /** Scrolls by (dx, dy); whether the view actually moved (false at its end). */
  scrollBy(dx: number, dy: number): boolean;
}

export interface Frames {
  request(step: () => void): number;
  cancel(handle: number): void;
}

export class EdgeScroller {
  private frame = 0;

  constructor(
    private readonly view: ScrollView,
    private readonly frames: Frames,
    /** Where the pointer is now. */
    private readonly pointer: () => Point,
    /** Called after each scroll (the drag re-measures the board under the still pointer). */
    private readonly scrolled: () => void,
  ) {}

  get running(): boolean {
    return this.frame !== 0;
  }

  /** Starts scrolling if the pointer is in an edge band; it stops by itself when it leaves it. */
  nudge(): void {
    if (this.frame) return;
    const step = () => {
      this.frame = 0;
      const { dx, dy } = edgeVelocity(this.pointer(), this.view.bounds());
      if (dx === 0 && dy === 0) return;
      if (!this.view.scrollBy(dx, dy)) return;
      this.scrolled();
      this.frame = this.frames.request(step);
    };
    this.frame = this.frames.request(step);
  }

  stop(): void {
    if (this.frame) this.frames.cancel(this.frame);
    this.frame = 0;
  }
}
