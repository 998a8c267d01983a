// The other maps of the library, for cards that link to one: what the link shows (the target's
// title, or that it is in the trash or not in this library) and what the inspector offers.
import { api, type Id, type MapSummary } from '../ipc';

export type LinkTarget =
  | { state: 'ok'; title: string }
  | { state: 'trashed'; title: string }
  | { state: 'missing' }
  /** Not known yet: the library's maps are still being listed. */
  | { state: 'unknown' };

export class MapLinks {
  maps = $state.raw<MapSummary[]>([]);
  trash = $state.raw<MapSummary[]>([]);
  private listed = $state(false);

  constructor(private readonly onError: (e: unknown) => void) {}

  /** Lists the library's maps again (at open, and when a link is being chosen). */
  async refresh(): Promise<void> {
    try {
      const [maps, trash] = await Promise.all([api.listMaps(''), api.listTrash()]);
      this.maps = maps;
      this.trash = trash;
      this.listed = true;
    } catch (e) {
      this.onError(e);
    }
  }

  /** Lists the library's maps once per board (the field listing them asks again when used). */
  async ensureListed(): Promise<void> {
    if (!this.listed) await this.refresh();
  }

  target(id: Id): LinkTarget {
    const live = this.maps.find((m) => m.id === id);
    if (live) return { state: 'ok', title: live.title };
    const trashed = this.trash.find((m) => m.id === id);
    if (trashed) return { state: 'trashed', title: trashed.title };
    return this.listed ? { state: 'missing' } : { state: 'unknown' };
  }
}
