// Dragging a stage or lane header by its grip: press → (past the threshold) moving → drop.
// Framework-free: the board hands in the headers' extents along the axis when the press starts.
import type { Id, Place } from '../../ipc/types';
import { insertionIndex, placeAt, type Slot } from './reorder';
import { travelledAlong } from './threshold';

export type Axis = 'stage' | 'lane';

export interface HeaderDrag {
  axis: Axis;
  id: Id;
  slots: Slot[];
  origin: number;
  pos: number;
  moved: boolean;
}

/** Where the drop line goes: its start along the axis. */
export function dropLineAt(d: HeaderDrag): number {
  const others = d.slots.filter((s) => s.id !== d.id);
  const next = others[insertionIndex(d.pos, d.slots, d.id)];
  if (next) return next.start;
  const last = others.at(-1);
  return last ? last.start + last.size : 0;
}

export class HeaderReorder {
  state: HeaderDrag | null = null;

  /** A press on the grip of `id`; `pos` is the pointer along the axis. */
  down(axis: Axis, id: Id, slots: Slot[], pos: number): HeaderDrag {
    this.state = { axis, id, slots, origin: pos, pos, moved: false };
    return this.state;
  }

  move(pos: number): HeaderDrag | null {
    const d = this.state;
    if (!d) return null;
    this.state = { ...d, pos, moved: d.moved || travelledAlong(d.origin, pos) };
    return this.state;
  }

  /**
   * Ends the gesture: where the header goes among `order` (the axis' ids now), or null when it was
   * only a click or lands where it already is.
   */
  up(order: readonly Id[]): { axis: Axis; id: Id; place: Place } | null {
    const d = this.state;
    this.state = null;
    if (!d?.moved) return null;
    const place = placeAt(order, d.id, insertionIndex(d.pos, d.slots, d.id));
    return place ? { axis: d.axis, id: d.id, place } : null;
  }

  cancel(): void {
    this.state = null;
  }
}
