// Edits from a shared folder wait in the backend until the UI takes them in. The board of the map
// takes in its own (through the edit queue, in turn with the user's edits, and applies the
// patch); any other shared map's are taken in here and the library list is told. The backend
// says so again every few seconds until it is done, so a missed word costs a moment, not edits.
import { api, type Id } from '../ipc';
import { enqueue } from '../board/editQueue';

type TakeIn = () => Promise<unknown>;

const boards = new Map<Id, TakeIn>();
const underWay = new Set<Id>();
const listeners = new Set<(mapId: Id) => void>();
/** The last failure said per map: the backend asks again every few seconds, the user is told once. */
const said = new Map<Id, string>();

/** The open board of `mapId` takes in its map's edits; returns the function that stops it. */
export function takeInOnBoard(mapId: Id, takeIn: TakeIn): () => void {
  boards.set(mapId, takeIn);
  return () => {
    if (boards.get(mapId) === takeIn) boards.delete(mapId);
  };
}

/** `handler` hears of every map whose edits were taken in without a board (the library list). */
export function onTakenIn(handler: (mapId: Id) => void): () => void {
  listeners.add(handler);
  return () => listeners.delete(handler);
}

/** Takes in the edits waiting for `mapId`, unless that is already under way. */
export function syncDue(mapId: Id, onError: (e: unknown) => void): Promise<void> {
  if (underWay.has(mapId)) return Promise.resolve();
  underWay.add(mapId);
  const board = boards.get(mapId);
  const run = board
    ? board()
    : enqueue(() => api.syncMap(mapId)).then(() => {
        for (const l of listeners) l(mapId);
      });
  return run
    .then(() => void said.delete(mapId))
    .catch((e: unknown) => {
      const text = String(e);
      if (said.get(mapId) !== text) onError(e);
      said.set(mapId, text);
    })
    .finally(() => underWay.delete(mapId));
}

/** Listens for the backend's word; resolves to the unlisten. */
export function listenForSync(onError: (e: unknown) => void): Promise<() => void> {
  return api.onSyncDue((mapId) => void syncDue(mapId, onError));
}
