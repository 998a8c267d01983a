// Which cells of the board render their cards. A 2,000-card map renders only the cells near the
// view (the rest reserve an estimated height). The first frame renders less still: the cards that
// can be in the view at the board's top-left, estimated from card counts, so the board appears
// with its cards at once; the observer then fills in the cells near the view.
import type { MapDoc } from '../ipc';
import { CURVE_HEIGHT } from '../model/curve';
import { cellKey } from '../model/doc';

/** Width of a stage column in px; the CSS grid and the emotion curve share it. */
export const STAGE_WIDTH = 264;
/** Width of the lane header column in px (the grid's `--lane-w`). */
export const LANE_WIDTH = 232;
/** How far beyond the view cells are rendered, in px, so a scroll rarely shows an empty cell. */
export const NEAR_MARGIN = 600;
/** Height of the stage header row, about. */
const HEADER_HEIGHT = 60;
/** The shortest a card and the gap after it can be (a one-line title): the first frame assumes
 *  every card is this short, so it renders at least every card the view can show. */
const SHORTEST_CARD = 48;

/** Height an unrendered cell reserves, so the scroll range stays about right. */
export const estimateHeight = (count: number) => 24 + count * 72;

export interface FirstFrame {
  /** The cells in the view. */
  cells: Set<string>;
  /** How many of each cell's cards can be in the view (at most). */
  cards: Map<string, number>;
}

/** What a view of `view` px at the board's top-left at `zoom` can show (a little more, never less). */
export function firstFrame(doc: MapDoc, view: { width: number; height: number }, zoom: number): FirstFrame {
  const right = view.width / zoom;
  const bottom = view.height / zoom;
  const stages = doc.stages.filter((_, i) => LANE_WIDTH + i * STAGE_WIDTH < right);
  const counts = new Map<string, number>();
  for (const card of doc.cards) {
    const key = cellKey(card.stageId, card.laneId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells = new Set<string>();
  const cards = new Map<string, number>();
  // Rows are placed at their shortest (every card at its shortest), so no row starts lower than
  // estimated here and none that can show is left out.
  let top = HEADER_HEIGHT;
  for (const lane of doc.lanes) {
    if (top >= bottom) break;
    const curve = lane.kind === 'emotions' ? CURVE_HEIGHT + 12 : 0;
    const room = Math.max(0, bottom - top - curve);
    let row = 0;
    for (const stage of stages) {
      const key = cellKey(stage.id, lane.id);
      const count = counts.get(key) ?? 0;
      cells.add(key);
      cards.set(key, Math.min(count, Math.ceil(room / SHORTEST_CARD)));
      row = Math.max(row, 20 + count * SHORTEST_CARD);
    }
    top += row + curve;
  }
  return { cells, cards };
}

/** About how many cards a frame renders while cells near the view fill in after a scroll or open. */
export const CARDS_PER_FRAME = 30;

/** How far a cell is from the view, in px (0: in it); `root` is the view grown by `margin`. */
export function distanceToView(cell: DOMRectReadOnly, root: DOMRectReadOnly | null, margin: number): number {
  if (!root) return 0;
  const left = root.left + margin;
  const right = root.right - margin;
  const top = root.top + margin;
  const bottom = root.bottom - margin;
  const dx = Math.max(0, left - cell.right, cell.left - right);
  const dy = Math.max(0, top - cell.bottom, cell.top - bottom);
  return dx + dy;
}

/**
 * Cells waiting to render their cards, nearest to the view first. Each frame takes a few, so
 * filling in the margin around the view never holds up a frame for long.
 */
export class RenderQueue {
  private readonly waiting = new Map<string, number>();

  get size(): number {
    return this.waiting.size;
  }

  add(key: string, distance: number): void {
    this.waiting.set(key, distance);
  }

  drop(key: string): void {
    this.waiting.delete(key);
  }

  /** The nearest cells with about `budget` cards between them (always at least one cell). */
  take(budget: number, count: (key: string) => number): string[] {
    const nearest = [...this.waiting].sort((a, b) => a[1] - b[1]);
    const taken: string[] = [];
    let cards = 0;
    for (const [key] of nearest) {
      const n = count(key);
      if (taken.length > 0 && cards + n > budget) break;
      taken.push(key);
      cards += n;
      this.waiting.delete(key);
    }
    return taken;
  }
}
