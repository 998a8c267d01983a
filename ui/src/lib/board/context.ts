// The open board's controllers, created once by the board view and shared with its components
// through Svelte's context instead of chains of callback props.
import { getContext, setContext } from 'svelte';
import type { Id } from '../ipc';
import { isMacPlatform } from '../editor/shortcuts';
import { ActionRegistry } from './actions';
import { boardPerformers, type Controllers } from './boardActions';
import { BoardState } from './boardState.svelte';
import { Gestures } from './gestures.svelte';
import { MapSession } from './mapSession.svelte';
import { Snapshots } from './snapshots.svelte';
import { Viewport } from './viewport.svelte';
import { Presenter } from '../present/presenter.svelte';
import { MapLinks } from './mapLinks.svelte';
import { ViewChoices } from './viewChoices.svelte';
import { Comments } from './comments.svelte';
import { Conflicts } from './conflicts.svelte';
import { Sharing } from './sharing.svelte';

export interface Board extends Controllers {
  snapshots: Snapshots;
  presenter: Presenter;
  links: MapLinks;
  comments: Comments;
  conflicts: Conflicts;
  sharing: Sharing;
  /** Opens another map from a card's link, with a way back to this one. */
  openLinked: (id: Id) => void;
  actions: ActionRegistry;
  mac: boolean;
}

const KEY = Symbol('board');

/** Builds the controllers of the board of map `mapId`; errors of edits go to `onError`. */
export function createBoard(
  mapId: Id,
  onError: (e: unknown) => void,
  openLinked: (id: Id) => void,
  mac = isMacPlatform(navigator.platform),
): Board {
  const session = new MapSession(mapId, onError);
  const view = new ViewChoices(session, onError);
  const comments = new Comments(session, onError);
  const board = new BoardState(session, view);
  const viewport = new Viewport(mapId, onError, (key) => session.cells.get(key)?.length ?? 0);
  const gestures = new Gestures(session, board, viewport);
  const presenter = new Presenter(session, onError, () => view.shownDoc);
  const controllers = { session, board, viewport, gestures, presenter, view };
  const conflicts = new Conflicts(session, onError);
  return {
    ...controllers,
    snapshots: new Snapshots(session, onError),
    links: new MapLinks(onError),
    comments,
    conflicts,
    sharing: new Sharing(session, conflicts, onError),
    openLinked,
    actions: new ActionRegistry(boardPerformers(controllers), mac),
    mac,
  };
}

export function setBoard(board: Board): Board {
  return setContext(KEY, board);
}

export function useBoard(): Board {
  const board = getContext<Board | undefined>(KEY);
  if (!board) throw new Error('useBoard() outside a board view');
  return board;
}
