/**
 * One visit to a text field is one undo step, and it saves into the thing (card, persona) the
 * field showed when the visit began — not into whatever is selected by the time a save runs.
 * "Type, then click the next card" is the most common move in a workshop: the click moves the
 * selection before the field's blur arrives, and a debounced save can fire after it.
 *
 * Framework-free: the inspector and the persona panel call `begin` on focus, `typed` on input and
 * `leave` on blur; `save` receives the visit's target, field and merge key.
 */
export type SaveField<F extends string> = (
  targetId: string,
  field: F,
  value: string,
  mergeKey: string,
) => void;

interface Visit<F extends string> {
  targetId: string;
  field: F;
  key: string;
}

export class FieldVisit<F extends string> {
  private visit: Visit<F> | null = null;
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private count = 0;

  constructor(
    private readonly save: SaveField<F>,
    private readonly delayMs = 400,
    /** Told when typed text starts and stops waiting for its save (for a "Saving…" state). */
    private readonly onWaiting: (waiting: boolean) => void = () => {},
  ) {}

  /** The field got focus while showing `targetId`. */
  begin(targetId: string, field: F): void {
    this.flush();
    this.count += 1;
    this.visit = { targetId, field, key: `${targetId}:${field}:${Date.now()}:${this.count}` };
  }

  /** The user changed the text: saved once typing pauses. */
  typed(value: string): void {
    if (!this.visit) return;
    if (this.pending === null) this.onWaiting(true);
    this.pending = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** The field lost focus: what it holds is saved now (if it was typed in) and the visit ends. */
  leave(value: string): void {
    if (this.visit && this.pending !== null) this.pending = value;
    this.flush();
    this.visit = null;
  }

  /** Saves what is waiting, into the visit's own target. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const visit = this.visit;
    const value = this.pending;
    this.pending = null;
    if (visit && value !== null) this.save(visit.targetId, visit.field, value, visit.key);
    if (value !== null) this.onWaiting(false);
  }
}
