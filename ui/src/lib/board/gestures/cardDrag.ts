// The card drag gesture as a plain state machine: idle → pressing → dragging → drop or cancel.
// It knows nothing about the DOM or Svelte; the board feeds it pointer positions and geometry and
// sends the ops it returns as one group (one undo step).
import type { Id, Op } from '../../ipc/types';
import { dropTargetAt, type CellGeom, type DropTarget, type Point } from './geometry';
import { DRAG_THRESHOLD, travelled } from './threshold';

export type DragState =
  | { phase: 'idle' }
  | { phase: 'pressing'; ids: Id[]; origin: Point }
  | { phase: 'dragging'; ids: Id[]; origin: Point; current: Point; target: DropTarget | null };

export interface CardPlace {
  id: Id;
  stageId: Id;
  laneId: Id;
}

export class DragEngine {
  state: DragState = { phase: 'idle' };

  constructor(
    private readonly measure: () => CellGeom[],
    private readonly threshold = DRAG_THRESHOLD,
  ) {}

  private cells: CellGeom[] = [];

  /** A press on a card; `ids` are the cards that will move (the selection, in board order). */
  down(origin: Point, ids: Id[]): void {
    this.state = ids.length > 0 ? { phase: 'pressing', ids, origin } : { phase: 'idle' };
  }

  move(p: Point): DragState {
    const s = this.state;
    if (s.phase === 'pressing') {
      if (!travelled(s.origin, p, this.threshold)) return s;
      // Measure once per gesture: the board does not reflow while a card is only being dragged.
      this.cells = this.measure();
    }
    if (s.phase === 'pressing' || s.phase === 'dragging') {
      const target = dropTargetAt(p, this.cells, new Set(s.ids));
      this.state = { phase: 'dragging', ids: s.ids, origin: s.origin, current: p, target };
    }
    return this.state;
  }

  /** Re-measures after the view scrolled under a still pointer (auto-pan). */
  remeasure(): void {
    if (this.state.phase === 'dragging') {
      this.cells = this.measure();
      this.move(this.state.current);
    }
  }

  /**
   * Ends the gesture. Returns the move ops for a drag that changes something, [] for a drag that
   * would put everything back where it was, and null for a plain click (no drag happened).
   */
  up(places: ReadonlyMap<Id, CardPlace>, cellOrder: (stageId: Id, laneId: Id) => Id[]): Op[] | null {
    const s = this.state;
    this.state = { phase: 'idle' };
    if (s.phase === 'pressing') return null;
    if (s.phase !== 'dragging' || !s.target) return s.phase === 'dragging' ? [] : null;
    return moveOps(s.ids, s.target, places, cellOrder);
  }

  cancel(): void {
    this.state = { phase: 'idle' };
  }
}

/**
 * Ops that put `ids` (in order) into the target cell before `target.beforeId`. Cards already in
 * exactly that place produce no op.
 */
export function moveOps(
  ids: Id[],
  target: { stageId: Id; laneId: Id; beforeId: Id | null },
  places: ReadonlyMap<Id, CardPlace>,
  cellOrder: (stageId: Id, laneId: Id) => Id[],
): Op[] {
  const moving = new Set(ids);
  const current = cellOrder(target.stageId, target.laneId);
  // The cell as it would be after the drop, to tell a real move from a no-op.
  const rest = current.filter((id) => !moving.has(id));
  const at = target.beforeId === null ? rest.length : rest.indexOf(target.beforeId);
  const after = [
    ...rest.slice(0, at < 0 ? rest.length : at),
    ...ids,
    ...rest.slice(at < 0 ? rest.length : at),
  ];
  const unchanged =
    after.length === current.length &&
    after.every((id, i) => id === current[i]) &&
    ids.every((id) => {
      const p = places.get(id);
      return p?.stageId === target.stageId && p.laneId === target.laneId;
    });
  if (unchanged) return [];
  return ids.map((id) => ({
    type: 'moveCard',
    id,
    stageId: target.stageId,
    laneId: target.laneId,
    place: target.beforeId === null ? { at: 'end' } : { at: 'before', value: target.beforeId },
  }));
}
