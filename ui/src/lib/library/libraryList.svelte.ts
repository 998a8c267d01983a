// The map library as the library view shows it: the maps matching the search, the trash, and
// what can be done to a map from there. Failures are told through `onError` (a toast).
import { api, type MapSummary } from '../ipc';
import { renameMapInLibrary } from '../board/mapSession.svelte';
import { t } from '../i18n/index.svelte';
import { showToast } from '../toast.svelte';

export class LibraryList {
  query = $state('');
  maps = $state<MapSummary[]>([]);
  trash = $state<MapSummary[]>([]);
  /** The first listing has arrived (so "no maps" is not shown while loading). */
  loaded = $state(false);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onError: (e: unknown) => void) {}

  load = async () => {
    try {
      [this.maps, this.trash] = await Promise.all([api.listMaps(this.query), api.listTrash()]);
      this.loaded = true;
    } catch (e) {
      this.onError(e);
    }
  };

  /** The search box changed: list again once typing pauses. */
  search(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(this.load, 120);
  }

  /** Runs a change and lists again; false when it failed (the user was told). */
  private async change(act: () => Promise<unknown>): Promise<boolean> {
    try {
      await act();
      await this.load();
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    }
  }

  rename(map: MapSummary, title: string): Promise<boolean> {
    const clean = title.trim();
    if (!clean || clean === map.title) return Promise.resolve(true);
    return this.change(() => renameMapInLibrary(map.id, clean));
  }

  duplicate = (map: MapSummary) =>
    this.change(() => api.duplicateMap(map.id, t('library.copyOf', { title: map.title })));

  async moveToTrash(map: MapSummary): Promise<void> {
    if (await this.change(() => api.trashMap(map.id)))
      showToast(t('library.movedToTrash', { title: map.title }), {
        action: { label: t('common.undo'), run: () => void this.restore(map) },
      });
  }

  restore = (map: MapSummary) => this.change(() => api.restoreMap(map.id));
  purge = (map: MapSummary) => this.change(() => api.purgeMap(map.id));
}
