// What each board action does, in terms of the board's controllers.
import type { Id, Op, TouchpointKind } from '../ipc';
import { copiedCards, copyCards } from '../editor/clipboard';
import { adjacentCell, neighbour, type Direction } from '../editor/navigation';
import { inBoardOrder } from '../editor/selection';
import { stepZoom } from '../editor/camera';
import { t } from '../i18n/index.svelte';
import type { ActionName, Perform } from './actions';
import type { BoardState } from './boardState.svelte';
import type { Gestures } from './gestures.svelte';
import type { MapSession } from './mapSession.svelte';
import type { Viewport } from './viewport.svelte';
import type { Presenter } from '../present/presenter.svelte';
import type { ViewChoices } from './viewChoices.svelte';

export interface Controllers {
  session: MapSession;
  board: BoardState;
  viewport: Viewport;
  gestures: Gestures;
  presenter: Presenter;
  view: ViewChoices;
}

/** The card keyboard actions start from: the focused card, else the last selected one. */
function anchor(board: BoardState): Id | null {
  const focused = globalThis.document?.activeElement?.closest<HTMLElement>('[data-card-id]')?.dataset.cardId;
  return focused ?? board.selection[board.selection.length - 1] ?? null;
}

export function boardPerformers({
  session,
  board,
  viewport,
  gestures,
  presenter,
  view,
}: Controllers): Record<ActionName, Perform> {
  const focusOn = (id: Id) => {
    board.selection = [id];
    void viewport.focusCard(id, session.doc);
  };
  /** The cards the board shows (lanes hidden from the room and other stages left out), in order. */
  const shownOrder = () => {
    const shown = view.boardDoc;
    if (!shown || shown === session.doc) return [...session.order];
    const stages = new Set(shown.stages.map((s) => s.id));
    const lanes = new Set(shown.lanes.map((l) => l.id));
    const cards = new Set(shown.cards.map((c) => c.id));
    return session.order.filter((id) => {
      const card = session.card(id);
      return card !== undefined && cards.has(id) && stages.has(card.stageId) && lanes.has(card.laneId);
    });
  };
  /** The cards an action applies to: the selection, else the focused card, in board order. */
  const chosen = () => {
    const from = anchor(board);
    return inBoardOrder(board.selection.length ? board.selection : from ? [from] : [], session.order);
  };
  const focus = (dir: Direction) => () => {
    const doc = view.boardDoc;
    if (!doc) return false;
    const from = anchor(board);
    if (!from) {
      const first = shownOrder()[0];
      if (first) focusOn(first);
      return first !== undefined;
    }
    const next = neighbour(doc, from, dir);
    if (next) focusOn(next);
    return true;
  };
  const move = (dir: Direction) => () => {
    const doc = view.boardDoc;
    const ids = chosen();
    if (!doc || ids.length === 0) return false;
    const from = anchor(board);
    const ops: Op[] = [];
    for (const id of ids) {
      const card = doc.cards.find((c) => c.id === id);
      const cell = card && adjacentCell(doc, card, dir);
      if (!cell) return true; // at the edge of the board: nothing moves
      ops.push({ type: 'moveCard', id, stageId: cell.stageId, laneId: cell.laneId, place: { at: 'end' } });
    }
    void session.run(ops).then(() => from && focusOn(from));
    return true;
  };
  const withCards = (act: (ids: Id[]) => void) => () => {
    const ids = chosen();
    if (!session.doc || ids.length === 0) return false;
    act(ids);
    return true;
  };
  /** Sets the kind on the cards; when they all have it already, clears it. */
  const toggleKind = (ids: Id[], kind: TouchpointKind) =>
    void session.cardsAttrs(ids, (cards) => ({
      kind: cards.every((c) => c.attrs.kind === kind) ? null : kind,
    }));
  /** The as-is score of the persona the curve shows alone, else of the first persona. */
  const emotion = (step: number | null) => () => {
    const doc = session.doc;
    const persona = doc?.personas.find((p) => p.id === board.personaFilter) ?? doc?.personas[0] ?? null;
    const ids = chosen();
    if (!persona || ids.length === 0) return false;
    void session.nudgeEmotion(ids, persona.id, step);
    return true;
  };
  const always = (act: () => unknown) => () => {
    if (!session.doc) return false;
    act();
    return true;
  };
  const select = (ids: Id[] | null) => {
    if (ids) board.selection = ids;
  };
  const addAxis = (axis: 'stage' | 'lane') =>
    always(async () => {
      const id = await session.addAxis(axis, t(axis === 'stage' ? 'board.newStage' : 'board.newLane'));
      if (id) board.focusHeader = id;
    });

  return {
    undo: always(session.undo),
    redo: always(session.redo),
    help: always(() => board.open('shortcuts')),
    export: always(() => board.open('export')),
    zoomIn: always(() => viewport.setZoom(stepZoom(viewport.zoom, 1))),
    zoomOut: always(() => viewport.setZoom(stepZoom(viewport.zoom, -1))),
    zoomReset: always(() => viewport.setZoom(1)),
    zoomFit: always(() => viewport.fit()),
    selectAll: always(() => (board.selection = shownOrder())),
    deselect: always(() => (gestures.dragging ? gestures.cancel() : (board.selection = []))),
    edit: () => {
      const from = session.doc ? anchor(board) : null;
      if (!from) return false;
      board.editingCard = from;
      return true;
    },
    delete: withCards((ids) => {
      void session.deleteCards(ids);
      board.selection = [];
    }),
    duplicate: withCards((ids) => void session.duplicate(ids).then(select)),
    copy: withCards((ids) => {
      const wanted = new Set(ids);
      copyCards(session.order.flatMap((id) => (wanted.has(id) ? (session.card(id) ?? []) : [])));
    }),
    paste: always(() => session.paste([...copiedCards()], anchor(board)).then(select)),
    focusLeft: focus('left'),
    focusRight: focus('right'),
    focusUp: focus('up'),
    focusDown: focus('down'),
    moveLeft: move('left'),
    moveRight: move('right'),
    moveUp: move('up'),
    moveDown: move('down'),
    addStage: addAxis('stage'),
    addLane: addAxis('lane'),
    togglePersonas: always(() => (board.showPersonas = !board.showPersonas)),
    overview: always(() => board.open('overview')),
    metrics: always(() => board.open('metrics')),
    cardsCsv: always(() => board.open('cardsCsv')),
    history: always(() => board.open('history')),
    sharing: always(() => board.open('sharing')),
    kindDigital: withCards((ids) => toggleKind(ids, 'digital')),
    kindHuman: withCards((ids) => toggleKind(ids, 'human')),
    kindPhysical: withCards((ids) => toggleKind(ids, 'physical')),
    momentOfTruth: withCards(
      (ids) =>
        void session.cardsAttrs(ids, (cards) => ({
          momentOfTruth: !cards.every((c) => c.attrs.momentOfTruth),
        })),
    ),
    emotionUp: emotion(1),
    emotionDown: emotion(-1),
    emotionClear: emotion(null),
    capture: () => {
      const doc = view.shownDoc;
      const from = anchor(board);
      const card = from ? session.card(from) : undefined;
      const stageId = card?.stageId ?? doc?.stages[0]?.id;
      const laneId = card?.laneId ?? (doc?.lanes.find((l) => l.kind === 'touchpoints') ?? doc?.lanes[0])?.id;
      if (!stageId || !laneId) return false;
      board.capture = { stageId, laneId };
      return true;
    },
    present: () => {
      if (!session.doc || session.frozen) return false;
      board.selection = [];
      presenter.start();
      return true;
    },
  };
}
