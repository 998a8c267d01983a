import { beforeEach, describe, expect, it } from 'vitest';
import type { Peer, SharingStatus, SyncReport } from '../ipc';
import { installBackend } from '../ipc/backend';
import { fakeBackend, sampleMap, type FakeBackend } from '../ipc/fake';
import { setLocale } from '../i18n/index.svelte';
import { drained } from '../board/editQueue';
import { MapSession } from '../board/mapSession.svelte';
import { emptyPatch } from '../model/doc';
import { badgeLabel, badgeText, issueText } from './words';
import { onTakenIn, syncDue, takeInOnBoard } from './syncDue';

const NOW = Date.UTC(2026, 11, 7, 10, 0, 0);
const minutes = (n: number) => NOW - n * 60_000;

const peer = (name: string, arrivedMinutesAgo: number | null): Peer => ({
  device: `dev-${name}`,
  name,
  lastEditAt: arrivedMinutesAgo === null ? null : minutes(arrivedMinutesAgo + 1),
  arrivedAt: arrivedMinutesAgo === null ? null : minutes(arrivedMinutesAgo),
  edits: arrivedMinutesAgo === null ? 0 : 3,
});

const status = (peers: Peer[], unreachable = false): SharingStatus => ({
  folder: '/home/ana/Sync/Team',
  since: minutes(60),
  device: 'dev-ana',
  peers,
  waiting: 0,
  syncedAt: NOW,
  issues: unreachable ? [{ code: 'folderUnreachable', detail: 'gone' }] : [],
});

const report = (patch: Partial<SyncReport['patch']> = {}): SyncReport => ({
  mapId: 'map-1',
  received: 1,
  written: 0,
  conflicts: [],
  issues: [],
  patch: { ...emptyPatch({ canUndo: false, canRedo: false }), ...patch },
});

describe('what the board says of a shared map', () => {
  beforeEach(() => {
    // setLocale marks the page's language; these tests run without a page.
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
    setLocale('en');
  });

  it('names who edited last and when it arrived, in words and in the language', () => {
    expect(badgeText(status([]), NOW)).toBe('Shared');
    expect(badgeText(status([peer('Budi Santoso', 2)]), NOW)).toBe('Budi · 2m ago');
    expect(badgeText(status([peer('Sari', 30), peer('Budi', 2)]), NOW)).toBe('Budi +1 · 2m ago');
    expect(badgeText(status([peer('Budi', 2)], true), NOW)).toBe('Folder offline');
    const label = badgeLabel(status([peer('Sari', 30), peer('', null)]), NOW);
    expect(label).toContain('Sari: last edit arrived 30 minutes ago.');
    expect(label).toContain('A teammate: added the map, no edits yet.');
    setLocale('id');
    expect(badgeText(status([peer('Budi', 2)]), NOW)).toBe('Budi · 2 mnt lalu');
    expect(badgeLabel(status([peer('Budi', 2)]), NOW)).toContain(
      'Budi: suntingan terakhir tiba 2 menit yang lalu.',
    );
  });

  it('words what is wrong with a file with plurals', () => {
    expect(issueText({ code: 'linesUnreadable', file: 'x.jejaklog', lines: 1 })).toMatch(/^1 line of x/);
    expect(issueText({ code: 'linesUnreadable', file: 'x.jejaklog', lines: 2 })).toMatch(/^2 lines of x/);
    expect(issueText({ code: 'editsRefused', file: 'x.jejaklog', edits: 1 })).toMatch(/^1 edit from x/);
  });
});

describe('taking in what arrived', () => {
  let backend: FakeBackend;
  let calls: number;

  beforeEach(() => {
    backend = fakeBackend([sampleMap()]);
    calls = 0;
    backend.syncMap = () => {
      calls++;
      return Promise.resolve(
        report({
          cards: [
            {
              id: 'c-budi',
              stageId: 's2',
              laneId: 'l1',
              title: 'Budi’s card',
              body: '',
              rank: '00000001',
              attrs: sampleMap().cards[0]!.attrs,
            },
          ],
        }),
      );
    };
    installBackend(backend);
  });

  it('applies the patch to the open map in turn with the user’s edits, not while a snapshot is shown', async () => {
    const session = new MapSession('map-1', () => {});
    await session.load();
    const renamed = session.renameMap('Checkout');
    const taken = await session.takeInShared();
    await renamed;
    expect(taken?.received).toBe(1);
    expect(session.doc?.cards.map((c) => c.title)).toContain('Budi’s card');
    expect(session.doc?.map.title).toBe('Checkout');
    session.frozen = true;
    expect(await session.takeInShared()).toBeNull();
    expect(calls).toBe(1);
  });

  it('lets the open board take in its map, once at a time; other maps are taken in and the library told', async () => {
    let boardCalls = 0;
    let release: () => void = () => {};
    const stop = takeInOnBoard('map-1', () => {
      boardCalls++;
      return new Promise<void>((r) => (release = r));
    });
    const first = syncDue('map-1', () => {});
    void syncDue('map-1', () => {});
    expect(boardCalls).toBe(1);
    release();
    await first;
    stop();

    const told: string[] = [];
    const off = onTakenIn((id) => told.push(id));
    await syncDue('map-1', () => {});
    await drained();
    expect(calls).toBe(1);
    expect(told).toEqual(['map-1']);
    off();
  });
});
