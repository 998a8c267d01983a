// What the board shows around the map: the selection, the card being edited or drafted, which
// panels and dialogs are open, and the view filters. One owner for each of these.
import type { Id, Op } from '../ipc';
import type { MapSession } from './mapSession.svelte';
import type { ViewChoices } from './viewChoices.svelte';
import { heatOf, metricNames } from '../model/metrics';

export interface PendingConfirm {
  message: string;
  label: string;
  ops: Op[];
}

export type Dialog = 'shortcuts' | 'overview' | 'export' | 'metrics' | 'cardsCsv' | 'history' | 'sharing';

export class BoardState {
  selection = $state<Id[]>([]);
  /** The card whose title and text are open in place. */
  editingCard = $state<Id | null>(null);
  /** The cell (its key) where a new card is being typed. */
  draftCell = $state<string | null>(null);
  /** The cell the capture box (C) adds its lines to, while it is open. */
  capture = $state<{ stageId: Id; laneId: Id } | null>(null);
  /** A stage or lane header just added, whose title takes the focus. */
  focusHeader = $state<Id | null>(null);
  confirm = $state<PendingConfirm | null>(null);
  dialog = $state<Dialog | null>(null);
  showPersonas = $state(false);
  personaFilter = $state<Id | 'all'>('all');
  /** Text typed in the inspector or the persona panel that has not been sent yet. */
  typingInspector = $state(false);
  typingPersona = $state(false);

  readonly selected = $derived(new Set(this.selection));
  /** Metric names on the map's cards, and the shading of the chosen one (card id → 0..1). */
  readonly metrics = $derived.by(() => (this.session.doc ? metricNames(this.session.doc) : []));
  readonly heat = $derived.by(() => {
    const doc = this.session.doc;
    const metric = this.view.heatMetric;
    return doc && metric && this.metrics.includes(metric) ? heatOf(doc, metric) : null;
  });
  /** The personas whose lines the emotion curve draws. */
  readonly curvePersonas = $derived.by(() =>
    (this.session.doc?.personas ?? []).filter(
      (p) => this.personaFilter === 'all' || p.id === this.personaFilter,
    ),
  );
  /** Lanes drawn with the line of visibility above them: backstage right under frontstage. */
  readonly visibilityLines = $derived.by(() => {
    const lanes = this.view.shownDoc?.lanes ?? [];
    return new Set(
      lanes.filter((l, i) => l.kind === 'backstage' && lanes[i - 1]?.kind === 'frontstage').map((l) => l.id),
    );
  });
  /** The card the inspector shows: the only selected one. */
  readonly inspected = $derived.by(() => {
    const only = this.selection.length === 1 ? this.selection[0] : undefined;
    return only === undefined ? null : (this.session.card(only) ?? null);
  });
  readonly allSaved = $derived.by(
    () => this.session.pending === 0 && !this.typingInspector && !this.typingPersona,
  );
  /** Whether something covers the board, so its keys and pointer gestures stay quiet. */
  readonly busy = $derived(
    this.confirm !== null || this.dialog !== null || this.editingCard !== null || this.draftCell !== null,
  );

  constructor(
    private readonly session: MapSession,
    private readonly view: ViewChoices,
  ) {}

  open(dialog: Dialog): void {
    this.dialog = dialog;
  }

  close(): void {
    this.dialog = null;
  }

  /** The selection without card `id` (it is being deleted). */
  forget(id: Id): void {
    this.selection = this.selection.filter((s) => s !== id);
  }

  /** After a metrics import: shade by the first metric if none was chosen. */
  imported(): void {
    if (!this.view.heatMetric) this.view.setHeat(this.metrics[0] ?? null);
  }

  /** A persona is gone: a filter on it falls back to all. */
  personaDeleted(id: Id): void {
    if (this.personaFilter === id) this.personaFilter = 'all';
  }
}
