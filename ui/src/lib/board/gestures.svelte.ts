// The board's pointer gestures, wired to the DOM: dragging cards (with edge auto-scroll), the
// rubber band, panning, and reordering stage and lane headers. Each gesture's logic is a small
// machine in ./gestures; this class measures the DOM, feeds them and turns their results into edits.
import type { Id } from '../ipc';
import { cellKey } from '../model/doc';
import { clickSelect, inBoardOrder } from '../editor/selection';
import { DragEngine, type CardPlace, type DragState } from './gestures/cardDrag';
import { EdgeScroller } from './gestures/edgeScroll';
import { dropLineAt, HeaderReorder, type Axis, type HeaderDrag } from './gestures/headerReorder';
import { Pan } from './gestures/pan';
import { placeByStep } from './gestures/reorder';
import { RubberBand } from './gestures/rubberBand';
import type { CellGeom, Point, Rect } from './gestures/geometry';
import type { BoardState } from './boardState.svelte';
import type { MapSession } from './mapSession.svelte';
import type { Viewport } from './viewport.svelte';

function rectOf(el: Element): Rect {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

/** Cell and card rectangles in window coordinates, read from the DOM once per gesture. */
function measureCells(): CellGeom[] {
  const out: CellGeom[] = [];
  for (const cell of document.querySelectorAll<HTMLElement>('[data-testid="cell"]')) {
    const { stageId, laneId } = cell.dataset;
    if (!stageId || !laneId) continue;
    const cards = Array.from(cell.querySelectorAll<HTMLElement>('[data-card-id]'), (el) => ({
      id: el.dataset.cardId ?? '',
      rect: rectOf(el),
    }));
    out.push({ stageId, laneId, rect: rectOf(cell), cards });
  }
  return out;
}

/** Keeps pointer events coming to the element while a gesture runs, even outside the window. */
function capture(e: PointerEvent) {
  try {
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  } catch {
    // A pointer that is no longer active (e.g. released already) cannot be captured.
  }
}

export class Gestures {
  drag = $state<DragState>({ phase: 'idle' });
  band = $state<Rect | null>(null);
  header = $state<HeaderDrag | null>(null);

  private readonly engine = new DragEngine(measureCells);
  private readonly rubber = new RubberBand();
  private readonly pan = new Pan();
  private readonly reorder = new HeaderReorder();
  private readonly edge: EdgeScroller;
  private pressed: { id: Id; additive: boolean } | null = null;
  private pointer: Point = { x: 0, y: 0 };

  /** The cards being dragged, and the first of them (drawn under the pointer). */
  readonly dragged = $derived(new Set(this.drag.phase === 'dragging' ? this.drag.ids : []));
  readonly dragFirst = $derived.by(() => {
    const d = this.drag;
    return d.phase === 'dragging' ? (this.session.card(d.ids[0] ?? '') ?? null) : null;
  });
  /** Where the line showing a header drop is drawn (window coordinates). */
  readonly dropLine = $derived.by(() => {
    const d = this.header;
    const view = this.viewport.scroller;
    if (!d?.moved || !view) return null;
    const at = dropLineAt(d);
    const r = view.getBoundingClientRect();
    return d.axis === 'stage'
      ? { left: at - 2, top: r.top, width: 4, height: r.height }
      : { left: r.left, top: at - 2, width: r.width, height: 4 };
  });

  constructor(
    private readonly session: MapSession,
    private readonly board: BoardState,
    private readonly viewport: Viewport,
  ) {
    this.edge = new EdgeScroller(
      {
        bounds: () =>
          this.viewport.scroller?.getBoundingClientRect() ?? { left: 0, top: 0, right: 0, bottom: 0 },
        scrollBy: (dx, dy) => {
          const view = this.viewport.scroller;
          if (!view) return false;
          const before = [view.scrollLeft, view.scrollTop];
          view.scrollBy(dx, dy);
          return view.scrollLeft !== before[0] || view.scrollTop !== before[1];
        },
      },
      { request: (f) => requestAnimationFrame(f), cancel: (h) => cancelAnimationFrame(h) },
      () => this.pointer,
      () => {
        this.engine.remeasure();
        this.drag = this.engine.state;
      },
    );
  }

  // ---- on the grid: cards, rubber band, pan ----------------------------------------------------

  down = (e: PointerEvent) => {
    const view = this.viewport.scroller;
    // Middle button, or Space + left button: pan the board.
    if ((e.button === 1 || (e.button === 0 && this.viewport.spaceHeld)) && view) {
      e.preventDefault();
      capture(e);
      this.pan.down({ x: e.clientX, y: e.clientY }, { left: view.scrollLeft, top: view.scrollTop });
      this.viewport.panning = true;
      return;
    }
    if (e.button !== 0 || this.board.editingCard || this.board.draftCell) return;
    const target = e.target as HTMLElement;
    if (target.closest('button, input, textarea, select, [data-testid="card-editor"]')) return;
    const point = { x: e.clientX, y: e.clientY };
    const cardEl = target.closest<HTMLElement>('[data-card-id]');
    const additive = e.shiftKey || e.ctrlKey || e.metaKey;
    const board = this.board;
    capture(e);
    if (cardEl?.dataset.cardId) {
      const id = cardEl.dataset.cardId;
      if (additive) {
        board.selection = clickSelect(board.selection, id, true);
        if (!board.selection.includes(id)) return;
      } else if (!board.selection.includes(id)) {
        board.selection = [id];
      }
      this.pressed = { id, additive };
      this.engine.down(point, inBoardOrder(board.selection, this.session.order));
      return;
    }
    // Empty board: a rubber band selects the cards it touches.
    const cards = Array.from(document.querySelectorAll<HTMLElement>('[data-card-id]'), (el) => ({
      id: el.dataset.cardId ?? '',
      rect: rectOf(el),
    }));
    this.rubber.down(point, additive ? [...board.selection] : [], cards);
    if (!additive) board.selection = [];
  };

  move = (e: PointerEvent) => {
    this.pointer = { x: e.clientX, y: e.clientY };
    const scroll = this.pan.move(this.pointer);
    if (scroll) {
      this.viewport.scroller?.scrollTo(scroll.left, scroll.top);
      return;
    }
    if (this.rubber.active) {
      const hit = this.rubber.move(this.pointer);
      if (!hit) return;
      this.band = this.rubber.rect;
      this.board.selection = inBoardOrder(hit, this.session.order);
      return;
    }
    if (this.engine.state.phase === 'idle') return;
    this.drag = this.engine.move(this.pointer);
    if (this.drag.phase === 'dragging') this.edge.nudge();
  };

  up = () => {
    if (this.pan.active) {
      this.pan.up();
      this.viewport.panning = false;
      return;
    }
    if (this.rubber.active) {
      this.rubber.up();
      this.band = null;
      return;
    }
    if (this.engine.state.phase === 'idle') return;
    const session = this.session;
    const places = new Map<Id, CardPlace>(
      (session.doc?.cards ?? []).map((c) => [c.id, { id: c.id, stageId: c.stageId, laneId: c.laneId }]),
    );
    const ops = this.engine.up(places, (s, l) => (session.cells.get(cellKey(s, l)) ?? []).map((c) => c.id));
    this.drag = { phase: 'idle' };
    this.edge.stop();
    const click = this.pressed;
    this.pressed = null;
    if (ops === null) {
      // A click: a plain one on a card of a larger selection narrows it to that card.
      if (click && !click.additive) this.board.selection = [click.id];
      return;
    }
    if (ops.length > 0) void session.run(ops);
  };

  /** Whether a card drag is under way (Escape cancels it before it clears the selection). */
  get dragging(): boolean {
    return this.drag.phase !== 'idle';
  }

  cancel = () => {
    this.engine.cancel();
    this.drag = { phase: 'idle' };
    this.pressed = null;
    this.edge.stop();
  };

  // ---- on a stage or lane grip -----------------------------------------------------------------

  gripDown(e: PointerEvent, axis: Axis, id: Id): void {
    if (e.button !== 0) return;
    e.stopPropagation();
    capture(e);
    const selector = axis === 'stage' ? '[data-testid="stage"]' : '[data-testid="lane"]';
    const slots = Array.from(document.querySelectorAll<HTMLElement>(selector), (el) => {
      const r = el.getBoundingClientRect();
      return {
        id: (axis === 'stage' ? el.dataset.stageId : el.dataset.laneId) ?? '',
        start: axis === 'stage' ? r.left : r.top,
        size: axis === 'stage' ? r.width : r.height,
      };
    });
    this.header = this.reorder.down(axis, id, slots, axis === 'stage' ? e.clientX : e.clientY);
  }

  gripMove = (e: PointerEvent) => {
    const d = this.reorder.state;
    if (d) this.header = this.reorder.move(d.axis === 'stage' ? e.clientX : e.clientY);
  };

  gripUp = () => {
    const axis = this.reorder.state?.axis;
    const drop = axis ? this.reorder.up(this.axisOrder(axis)) : null;
    this.header = null;
    if (drop) this.moveAxis(drop.axis, drop.id, drop.place);
  };

  gripCancel = () => {
    this.reorder.cancel();
    this.header = null;
  };

  /** The keyboard twin: arrows along the axis move the header one place. */
  gripKey(e: KeyboardEvent, axis: Axis, id: Id): void {
    const back = axis === 'stage' ? 'ArrowLeft' : 'ArrowUp';
    const forward = axis === 'stage' ? 'ArrowRight' : 'ArrowDown';
    if (e.key !== back && e.key !== forward) return;
    e.preventDefault();
    e.stopPropagation();
    const place = placeByStep(this.axisOrder(axis), id, e.key === back ? -1 : 1);
    if (place) this.moveAxis(axis, id, place);
  }

  private axisOrder(axis: Axis): Id[] {
    const doc = this.session.doc;
    return (axis === 'stage' ? doc?.stages : doc?.lanes)?.map((x) => x.id) ?? [];
  }

  private moveAxis(axis: Axis, id: Id, place: Parameters<MapSession['moveAxis']>[2]): void {
    void this.session
      .moveAxis(axis, id, place)
      .then(() => document.querySelector<HTMLElement>(`[data-grip-id="${id}"]`)?.focus());
  }
}
