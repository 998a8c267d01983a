// Dragging a point of the emotion curve up or down to set its score. The score follows the pointer
// once it has moved past the drag threshold; a press without a drag sets the score it was pressed
// at, as a click on the curve always has.
import { travelledAlong } from './threshold';

export interface PointDragState {
  key: string;
  score: number;
  originY: number;
  moved: boolean;
}

export class PointDrag {
  state: PointDragState | null = null;

  down(key: string, score: number, y: number): void {
    this.state = { key, score, originY: y, moved: false };
  }

  /** The score shown for point `key` while it is dragged (null: not this point). */
  shown(key: string): number | null {
    return this.state?.key === key ? this.state.score : null;
  }

  move(key: string, score: number, y: number): void {
    const s = this.state;
    if (s?.key !== key) return;
    const moved = s.moved || travelledAlong(s.originY, y);
    if (moved) this.state = { ...s, score, moved };
  }

  /** The score to set for `key` when released, or null when not dragging it. */
  up(key: string): number | null {
    const s = this.state;
    if (s?.key !== key) return null;
    this.state = null;
    return s.score;
  }

  cancel(): void {
    this.state = null;
  }
}
