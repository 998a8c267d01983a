// How this map is looked at here, apart from the map itself: the figure the cards are shaded by,
// lanes hidden from the room, and a stage shown alone. Remembered per map (the library's
// settings), used by the board and by present mode; editing never depends on it. Showing only
// the cards with open comments is for this session only: it is a way to work through them.
import { api, type Card, type Id, type MapDoc, type MapView } from '../ipc';
import type { MapSession } from './mapSession.svelte';

export class ViewChoices {
  heatMetric = $state<string | null>(null);
  hiddenLanes = $state<Id[]>([]);
  focusStage = $state<Id | null>(null);
  openCommentsOnly = $state(false);

  /** Cards with at least one open comment thread. */
  readonly openCommented = $derived.by(
    () =>
      new Set(
        (this.session.doc?.comments ?? [])
          .filter((c) => c.replyTo === null && !c.resolved && c.on.kind === 'card')
          .map((c) => c.on.id),
      ),
  );

  /** The map as the board and the presentation show it (the map itself when nothing is hidden). */
  readonly shownDoc = $derived.by((): MapDoc | null => {
    const doc = this.session.doc;
    if (!doc) return null;
    const hidden = new Set(this.hiddenLanes);
    const lanes = doc.lanes.filter((l) => !hidden.has(l.id));
    const focus = this.focusStage;
    const stages =
      focus && doc.stages.some((s) => s.id === focus) ? doc.stages.filter((s) => s.id === focus) : doc.stages;
    // Every lane hidden would leave nothing to look at: then none is.
    const shownLanes = lanes.length > 0 ? lanes : doc.lanes;
    return shownLanes.length === doc.lanes.length && stages.length === doc.stages.length
      ? doc
      : { ...doc, lanes: shownLanes, stages };
  });
  /**
   * What the board draws and its keys move among: `shownDoc`, and only the cards with open
   * comments when asked. The curve and present mode keep every card of `shownDoc`.
   */
  readonly boardDoc = $derived.by((): MapDoc | null => {
    const shown = this.shownDoc;
    if (!shown || !this.openCommentsOnly) return shown;
    return { ...shown, cards: shown.cards.filter((c) => this.openCommented.has(c.id)) };
  });
  /** Lanes hidden that the map still has (a lane deleted since is not counted). */
  readonly hiddenCount = $derived.by(
    () => (this.session.doc?.lanes.length ?? 0) - (this.shownDoc?.lanes.length ?? 0),
  );
  /** The stage shown alone, while it still exists. */
  readonly focusedStage = $derived.by(() =>
    this.shownDoc && this.shownDoc !== this.session.doc && this.shownDoc.stages.length === 1
      ? (this.session.doc?.stages.find((s) => s.id === this.focusStage) ?? null)
      : null,
  );

  constructor(
    private readonly session: MapSession,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Reads the choices kept for this map (before the board's first frame). */
  async load(): Promise<void> {
    try {
      const view = await api.mapView(this.session.mapId);
      this.heatMetric = view.heatMetric;
      this.hiddenLanes = view.hiddenLanes;
      this.focusStage = view.focusStage;
    } catch (e) {
      // The map opens as it is, whole, if its view cannot be read.
      this.onError(e);
    }
  }

  setHeat(metric: string | null): void {
    this.heatMetric = metric;
    this.save();
  }

  hideLane(id: Id): void {
    if (!this.hiddenLanes.includes(id)) this.hiddenLanes = [...this.hiddenLanes, id];
    this.save();
  }

  focus(stageId: Id | null): void {
    this.focusStage = stageId;
    this.save();
  }

  /** The cards of a cell the board shows. */
  cardsShown(cards: Card[]): Card[] {
    return this.openCommentsOnly ? cards.filter((c) => this.openCommented.has(c.id)) : cards;
  }

  showAll(): void {
    this.openCommentsOnly = false;
    this.hiddenLanes = [];
    this.focusStage = null;
    this.save();
  }

  /** The choices as the backend keeps them (and the PDF export applies them). */
  get current(): MapView {
    return { heatMetric: this.heatMetric, hiddenLanes: [...this.hiddenLanes], focusStage: this.focusStage };
  }

  private save(): void {
    api.setMapView(this.session.mapId, this.current).catch(this.onError);
  }
}
