// Which cells of the board render their cards. A 2,000-card map renders only the cells near the
// view (the rest reserve an estimated height). The first frame renders less still: the cards that
// can be in the view at the board's top-left, estimated from card counts, so the board appears
// with its cards at once; the observer then fills in the cells near the view.
import type { Card, MapDoc } from '../ipc';
import { CURVE_HEIGHT } from '../model/curve';
import { cardsByCell, cellKey } from '../model/doc';

/** Width of a stage column in px; the CSS grid and the emotion curve share it. */
export const STAGE_WIDTH = 264;
/** Width of the lane header column in px (the grid's `--lane-w`). */
export const LANE_WIDTH = 232;
/** How far beyond the view cells are rendered, in px, so a scroll rarely shows an empty cell. */
export const NEAR_MARGIN = 600;
/** Height of the stage header row, about. */
const HEADER_HEIGHT = 60;
/** Lines a text takes at least: card text wraps at fewer characters than these per line. */
const lines = (text: string, perLine: number) => Math.ceil(text.length / perLine);

/**
 * The least height a card (and the gap after it) can take: padding, border and gap, then its title
 * and text at more characters per line than fit. The first frame assumes every card is this short,
 * so it renders at least every card the view can show.
 */
export const shortestHeight = (card: Pick<Card, 'title' | 'body'>) =>
  28 + 19 * Math.max(1, lines(card.title, 40)) + (card.body ? 4 + 18 * lines(card.body, 48) : 0);

/** Height an unrendered cell reserves, so the scroll range stays about right. */
export const estimateHeight = (count: number) => 24 + count * 72;

export interface FirstFrame {
  /** The cells in the view. */
  cells: Set<string>;
  /** How many of each cell's cards can be in the view (at most). */
  cards: Map<string, number>;
}

/** What a view of `view` px at the board's top-left at `zoom` can show (a little more, never less). */
export function firstFrame(
  doc: MapDoc,
  view: { width: number; height: number },
  zoom: number,
  /** The map's cards by cell in rank order (the session's own, when it has them). */
  byCell: Map<string, Card[]> = cardsByCell(doc),
): FirstFrame {
  const right = view.width / zoom;
  const bottom = view.height / zoom;
  const stages = doc.stages.filter((_, i) => LANE_WIDTH + i * STAGE_WIDTH < right);
  const cells = new Set<string>();
  const cards = new Map<string, number>();
  // Rows are placed at their shortest (every card at its shortest), so no row starts lower than
  // estimated here and none that can show is left out.
  let top = HEADER_HEIGHT;
  for (const lane of doc.lanes) {
    if (top >= bottom) break;
    const curve = lane.kind === 'emotions' ? CURVE_HEIGHT + 12 : 0;
    let row = 0;
    for (const stage of stages) {
      const key = cellKey(stage.id, lane.id);
      const inCell = byCell.get(key) ?? [];
      cells.add(key);
      // An emotions cell's top padding is the curve's room; any other cell's is 10 px.
      let y = top + (curve || 10);
      let shown = 0;
      for (const card of inCell) {
        if (y < bottom) shown++;
        y += shortestHeight(card);
      }
      cards.set(key, shown);
      row = Math.max(row, y - top + 10);
    }
    top += row;
  }
  return { cells, cards };
}

/** About how many cards a frame renders while cells near the view fill in after a scroll or open. */
export const CARDS_PER_FRAME = 15;

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
