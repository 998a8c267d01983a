import { beforeEach, describe, expect, it } from 'vitest';
import { installBackend } from '../ipc/backend';
import { fakeBackend, sampleMap, type FakeBackend } from '../ipc/fake';
import { MapSession } from './mapSession.svelte';
import { Snapshots } from './snapshots.svelte';

let backend: FakeBackend;
let errors: unknown[];

async function open(): Promise<{ session: MapSession; snapshots: Snapshots }> {
  const session = new MapSession('map-1', (e) => errors.push(e));
  await session.load();
  return { session, snapshots: new Snapshots(session, (e) => errors.push(e)) };
}

beforeEach(() => {
  backend = fakeBackend([sampleMap()]);
  installBackend(backend);
  errors = [];
});

describe('Snapshots', () => {
  it('takes a snapshot only after the edits made before it reached the backend', async () => {
    const { session, snapshots } = await open();
    backend.delays.push(30);
    void session.renameMap('Before workshop');
    const taken = await snapshots.take('Before workshop 2');
    expect(taken?.label).toBe('Before workshop 2');
    expect((await backend.snapshotDoc(taken?.id ?? '')).map.title).toBe('Before workshop');
    expect(snapshots.list.map((s) => s.label)).toEqual(['Before workshop 2']);
  });

  it('previews without sending edits, then shows the live map again', async () => {
    const { session, snapshots } = await open();
    const taken = await snapshots.take('Start');
    await session.renameMap('Changed');
    if (!taken) throw new Error('not taken');

    await snapshots.preview(taken);
    expect(session.frozen).toBe(true);
    expect(session.doc?.map.title).toBe('Sample');
    const calls = backend.calls.length;
    expect(await session.renameMap('Edited in preview')).toBeNull();
    expect(backend.calls.length).toBe(calls);

    await snapshots.closePreview();
    expect(session.frozen).toBe(false);
    expect(session.doc?.map.title).toBe('Changed');
  });

  it('restores as one undo step, keeping the current map in a snapshot first', async () => {
    const { session, snapshots } = await open();
    const taken = await snapshots.take('Start');
    await session.renameMap('Changed');
    if (!taken) throw new Error('not taken');
    await snapshots.preview(taken);

    expect(await snapshots.restore(taken.id)).toBe(true);
    expect(session.frozen).toBe(false);
    expect(session.doc?.map.title).toBe('Sample');
    expect(snapshots.list.map((s) => s.reason)).toEqual(['restore', 'named']);
    await session.undo();
    expect(session.doc?.map.title).toBe('Changed');
    expect(errors).toEqual([]);
  });
});
