// The open map's sharing through a folder: how it stands (who else edits it, what waits, what is
// wrong with the folder), starting and stopping it, and taking in what arrives while the board
// is open — through the map's session, so teammates' edits reach the board in turn with the
// user's own.
import { api, type SharingStatus, type SyncReport } from '../ipc';
import { takeInOnBoard } from '../sharing/syncDue';
import type { Conflicts } from './conflicts.svelte';
import type { MapSession } from './mapSession.svelte';

/** How often the status is read again while the board is open (arrivals, waiting edits). */
const REFRESH_MS = 5_000;

export class Sharing {
  status = $state<SharingStatus | null>(null);
  /** The clock the relative times are worded against ("2 minutes ago" moves on). */
  now = $state(Date.now());
  readonly shared = $derived(this.status?.folder != null);
  private lastError: string | null = null;

  constructor(
    private readonly session: MapSession,
    private readonly conflicts: Conflicts,
    private readonly onError: (e: unknown) => void,
  ) {}

  async load(): Promise<void> {
    try {
      this.status = await api.sharingStatus(this.session.mapId);
      this.now = Date.now();
    } catch (e) {
      this.onError(e);
    }
  }

  /** Starts taking in this map's edits from its folder and keeping the status fresh. */
  start(): () => void {
    const stopTaking = takeInOnBoard(this.session.mapId, () => this.takeIn());
    const timer = setInterval(() => {
      if (this.shared) void this.load();
      else this.now = Date.now();
    }, REFRESH_MS);
    void this.load();
    return () => {
      stopTaking();
      clearInterval(timer);
    };
  }

  /** Takes in what arrived; a conflict it brings opens the Conflicts panel. */
  async takeIn(): Promise<SyncReport | null> {
    try {
      const report = await this.session.takeInShared();
      this.lastError = null;
      if (report && report.conflicts.length > 0) await this.conflicts.load(true);
      if (report && report.received > 0) await this.load();
      return report;
    } catch (e) {
      // Said once: the backend asks again every few seconds.
      const said = String(e);
      if (said !== this.lastError) this.onError(e);
      this.lastError = said;
      return null;
    }
  }

  async share(folder: string): Promise<boolean> {
    try {
      this.status = await api.shareMap(this.session.mapId, folder);
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    }
  }

  async stop(): Promise<void> {
    try {
      await api.stopSharing(this.session.mapId);
    } catch (e) {
      this.onError(e);
    }
    await this.load();
  }

  async syncNow(): Promise<void> {
    try {
      await api.syncNow();
    } catch (e) {
      this.onError(e);
      return;
    }
    // The round runs in the background; its arrival is taken in when it says so.
    setTimeout(() => void this.load(), 800);
  }
}
