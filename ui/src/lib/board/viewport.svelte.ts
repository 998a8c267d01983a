// The board's viewport: zoom (kept per map), Space/middle-button panning, and which cells are near
// enough to the view to render their cards (so a 2,000-card map opens and drags quickly).
import { tick } from 'svelte';
import { api, type Card, type Id, type MapDoc } from '../ipc';
import { cellKey } from '../model/doc';
import { clampZoom, FIT_MIN_ZOOM, fitZoom, MIN_ZOOM, wheelZoom, zoomAround } from '../editor/camera';
import { isTextEntry } from '../editor/shortcuts';
import { CARDS_PER_FRAME, distanceToView, firstFrame, NEAR_MARGIN, RenderQueue } from './nearCells';

const without = <V>(map: Map<string, V>, keys: string[]) => {
  const rest = new Map(map);
  for (const key of keys) rest.delete(key);
  return rest;
};

export class Viewport {
  zoom = $state(1);
  /** Further out than the buttons go (Fit map on a big map): cells show how many cards they hold. */
  readonly overview = $derived(this.zoom < MIN_ZOOM);
  scroller = $state<HTMLElement | undefined>();
  gridWidth = $state(0);
  gridHeight = $state(0);
  /** Space is held: a left-button drag pans. */
  spaceHeld = $state(false);
  panning = $state(false);
  visibleCells = $state(new Set<string>());
  /** Cells of the first frame not yet rendered whole: how many of their cards are rendered. */
  firstCards = $state(new Map<string, number>());
  private observer: IntersectionObserver | null = null;
  /** Cells near the view but not in it, rendered a few per frame. */
  private readonly queue = new RenderQueue();
  private frame = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly mapId: Id,
    private readonly onError: (e: unknown) => void,
    /** How many cards a cell holds. */
    private readonly cardsIn: (cellKey: string) => number = () => 0,
  ) {}

  /** The zoom the map was last shown at (null: never changed). */
  saved(): Promise<number | null> {
    return api.mapZoom(this.mapId);
  }

  /** Takes the zoom the map was left at, and what the first frame renders. */
  restore(saved: number | null, doc: MapDoc, cells: Map<string, Card[]>): void {
    if (saved !== null) this.zoom = clampZoom(saved, FIT_MIN_ZOOM);
    const first = firstFrame(doc, { width: window.innerWidth, height: window.innerHeight }, this.zoom, cells);
    this.visibleCells = first.cells;
    this.firstCards = first.cards;
  }

  /** Zooms keeping the board point under `anchor` (window coordinates; default: the view centre). */
  // Below the buttons' 25 % only Fit map goes; from there zooming out stays (never jumps in).
  async setZoom(
    next: number,
    anchor?: { x: number; y: number },
    min = Math.min(MIN_ZOOM, this.zoom),
  ): Promise<void> {
    const to = clampZoom(next, min);
    const from = this.zoom;
    const view = this.scroller;
    if (!view || to === from) return;
    const r = view.getBoundingClientRect();
    const p = anchor ? { x: anchor.x - r.left, y: anchor.y - r.top } : { x: r.width / 2, y: r.height / 2 };
    const scroll = zoomAround({ left: view.scrollLeft, top: view.scrollTop }, p, from, to);
    this.zoom = to;
    await tick();
    view.scrollTo(scroll.left, scroll.top);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void api.setMapZoom(this.mapId, to).catch(this.onError), 400);
  }

  fit(): void {
    const view = this.scroller;
    if (!view) return;
    const content = { width: this.gridWidth, height: this.gridHeight };
    const zoom = fitZoom(content, { width: view.clientWidth, height: view.clientHeight });
    void this.setZoom(zoom, undefined, FIT_MIN_ZOOM);
  }

  /** Space held down (or released) outside a text field arms panning. */
  space(e: KeyboardEvent, down: boolean): void {
    if (e.key !== ' ' || isTextEntry(e.target)) return;
    if (down && (e.target as HTMLElement | null)?.closest('button')) return;
    e.preventDefault();
    this.spaceHeld = down;
  }

  /**
   * Starts watching the scroller: Ctrl+wheel and touchpad pinch (which arrives as Ctrl+wheel) zoom,
   * with a non-passive listener so the page itself does not zoom; cells report when they come near
   * the view. Returns the function that stops.
   */
  attach(view: HTMLElement): () => void {
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      void this.setZoom(wheelZoom(this.zoom, e.deltaY), { x: e.clientX, y: e.clientY });
    };
    view.addEventListener('wheel', onWheel, { passive: false });
    // Cells in the view render at once; those only near it (and the rest of the cards of the first
    // frame's cells) a few per frame, nearest first.
    const io = new IntersectionObserver(
      (entries) => {
        const next = new Set(this.visibleCells);
        for (const entry of entries) {
          const key = (entry.target as HTMLElement).dataset.cellKey;
          if (!key) continue;
          if (!entry.isIntersecting) {
            next.delete(key);
            this.queue.drop(key);
            // Back near the view later, it renders whole.
            if (this.firstCards.has(key)) this.firstCards = without(this.firstCards, [key]);
          } else if (!next.has(key) || this.firstCards.has(key)) {
            const distance = distanceToView(entry.boundingClientRect, entry.rootBounds, NEAR_MARGIN);
            if (distance === 0 && !next.has(key)) next.add(key);
            else this.queue.add(key, distance);
          }
        }
        this.visibleCells = next;
        this.fillSoon();
      },
      { root: view, rootMargin: `${NEAR_MARGIN}px` },
    );
    this.observer = io;
    for (const el of view.querySelectorAll('[data-cell-key]')) io.observe(el);
    return () => {
      view.removeEventListener('wheel', onWheel);
      io.disconnect();
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.observer = null;
    };
  }

  /** Renders all of a cell's cards in the next update, ahead of the queue. */
  renderNow(key: string): void {
    this.queue.drop(key);
    if (!this.visibleCells.has(key)) this.visibleCells = new Set(this.visibleCells).add(key);
    if (this.firstCards.has(key)) this.firstCards = without(this.firstCards, [key]);
  }

  /** Renders the nearest waiting cells in the next frame, and so on until none wait. */
  private fillSoon(): void {
    if (this.frame !== 0 || this.queue.size === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const keys = this.queue.take(CARDS_PER_FRAME, this.cardsIn);
      const next = new Set(this.visibleCells);
      for (const key of keys) next.add(key);
      this.visibleCells = next;
      if (keys.some((key) => this.firstCards.has(key))) this.firstCards = without(this.firstCards, keys);
      this.fillSoon();
    });
  }

  /** Svelte action for a cell: its cards render while it is near the view. */
  watchCell = (node: HTMLElement) => {
    this.observer?.observe(node);
    return { destroy: () => this.observer?.unobserve(node) };
  };

  /**
   * Focuses a card once the DOM has caught up (e.g. after the editor closes), scrolling its cell into
   * view first when it is off-screen and so not rendered. `focus` false: only into view (the capture
   * box keeps the focus while cards are typed).
   */
  async focusCard(id: Id, doc: MapDoc | null, focus = true): Promise<void> {
    // Where focus was when asked: if the user has moved on by the time the card is rendered (e.g.
    // opened another card's editor right after Enter), the card must not take focus from there.
    const before = document.activeElement;
    const movedOn = () => {
      const now = document.activeElement;
      return now !== before && now !== null && now !== document.body;
    };
    await tick();
    const find = () => document.querySelector<HTMLElement>(`[data-card-id="${id}"]`);
    let el = find();
    const card = doc?.cards.find((c) => c.id === id);
    if (!el && card) {
      // The card's cell renders now, whoever else waits in the queue.
      const key = cellKey(card.stageId, card.laneId);
      this.renderNow(key);
      document
        .querySelector(`[data-cell-key="${key}"]`)
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      el = find();
    }
    if (!el || movedOn()) return;
    if (focus) el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}
