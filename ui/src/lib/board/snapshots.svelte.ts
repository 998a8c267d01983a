// The History panel's side of the board: the map's snapshots, taking and deleting them, and the
// preview of one (the board shows the snapshot, frozen, until the preview is closed or restored).
import { api, type Id, type SnapshotInfo } from '../ipc';
import type { MapSession } from './mapSession.svelte';
import { drained } from './editQueue';

export class Snapshots {
  list = $state<SnapshotInfo[]>([]);
  /** The snapshot shown instead of the map, if any. */
  previewing = $state<SnapshotInfo | null>(null);

  constructor(
    private readonly session: MapSession,
    private readonly onError: (e: unknown) => void,
  ) {}

  async load(): Promise<void> {
    try {
      this.list = await api.listSnapshots(this.session.mapId);
    } catch (e) {
      this.onError(e);
    }
  }

  /** Takes a named snapshot once every edit made so far is on disk; null when refused. */
  async take(label: string): Promise<SnapshotInfo | null> {
    try {
      await drained();
      const taken = await api.takeSnapshot(this.session.mapId, label);
      await this.load();
      return taken;
    } catch (e) {
      this.onError(e);
      return null;
    }
  }

  /** Writes the snapshot as a map file where the user says; the path, or null (cancelled, or refused and told). */
  async exportFile(id: Id): Promise<string | null> {
    try {
      return await api.exportSnapshotFile(id);
    } catch (e) {
      this.onError(e);
      return null;
    }
  }

  async remove(id: Id): Promise<void> {
    try {
      await api.deleteSnapshot(id);
    } catch (e) {
      this.onError(e);
    }
    await this.load();
  }

  /** Shows the snapshot on the board, read-only (frozen at once: no edit slips in meanwhile). */
  async preview(snapshot: SnapshotInfo): Promise<void> {
    const wasFrozen = this.session.frozen;
    this.session.frozen = true;
    try {
      await drained();
      const doc = await api.snapshotDoc(snapshot.id);
      this.previewing = snapshot;
      this.session.show(doc);
    } catch (e) {
      this.session.frozen = wasFrozen;
      this.onError(e);
    }
  }

  /**
   * Back to the map as it is. The board thaws only once the live map is shown again; if it
   * cannot be read, the preview stays (edits would otherwise land on what the snapshot shows).
   */
  async closePreview(): Promise<boolean> {
    if (!this.previewing) return true;
    try {
      const doc = await this.session.read();
      this.previewing = null;
      this.session.show(doc);
      this.session.frozen = false;
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    }
  }

  /** Restores the snapshot over the map (leaving a preview first); true when it was done. */
  async restore(id: Id): Promise<boolean> {
    if (!(await this.closePreview())) return false;
    const patch = await this.session.restoreSnapshot(id);
    await this.load();
    return patch !== null;
  }
}
