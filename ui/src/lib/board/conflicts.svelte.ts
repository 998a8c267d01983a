// Conflicts merges found in the open map: read from the library, marked on their cards, and
// dealt with one by one (dismissed, or the other version taken as an edit of the map).
import { api, type Conflict, type Id } from '../ipc';
import type { MapSession } from './mapSession.svelte';

export class Conflicts {
  list = $state<Conflict[]>([]);
  /** Whether the side panel shows them. */
  open = $state(false);

  /** Cards to mark on the board, with their conflicts. */
  readonly byCard = $derived.by((): Map<Id, Conflict[]> => {
    const out = new Map<Id, Conflict[]>();
    for (const c of this.list) {
      for (const card of c.cards) out.set(card, [...(out.get(card) ?? []), c]);
    }
    return out;
  });

  constructor(
    private readonly session: MapSession,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Reads the map's conflicts; opens the panel the first time there are some to look at. */
  async load(openWhenFound = false): Promise<void> {
    try {
      this.list = await api.mapConflicts(this.session.mapId);
      if (openWhenFound && this.list.length > 0) this.open = true;
      if (this.list.length === 0) this.open = false;
    } catch (e) {
      this.onError(e);
    }
  }

  async dismiss(id: Id): Promise<void> {
    try {
      await api.dismissConflict(this.session.mapId, id);
    } catch (e) {
      this.onError(e);
    }
    await this.load();
  }

  /** Takes the version the merge did not keep: one undo step, in turn with other edits. */
  async useOther(id: Id): Promise<void> {
    await this.session.useOtherVersion(id);
    await this.load();
  }
}
