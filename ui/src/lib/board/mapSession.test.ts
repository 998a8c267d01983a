import { beforeEach, describe, expect, it } from 'vitest';
import { installBackend } from '../ipc/backend';
import { fakeBackend, sampleMap, type FakeBackend } from '../ipc/fake';
import { drained } from './editQueue';
import { MapSession, renameMapInLibrary } from './mapSession.svelte';

let backend: FakeBackend;
let errors: unknown[];

async function open(): Promise<MapSession> {
  const session = new MapSession('map-1', (e) => errors.push(e));
  await session.load();
  return session;
}

beforeEach(() => {
  backend = fakeBackend([sampleMap()]);
  installBackend(backend);
  errors = [];
});

describe('MapSession against the in-memory backend', () => {
  it('applies edits answered late in the order they were made', async () => {
    const session = await open();
    // The first edit answers last; the queue still sends and applies them one after another.
    backend.delays.push(30, 0, 30, 0);
    const a = session.createCard('s1', 'l1', 'A', '');
    const b = session.createCard('s1', 'l1', 'B', '');
    const first = session.renameMap('Draft');
    const rename = session.renameMap('Checkout journey');
    expect(session.pending).toBe(4);
    await Promise.all([a, b, first, rename]);
    expect(backend.calls).toEqual([
      'applyOps:createCard',
      'applyOps:createCard',
      'applyOps:renameMap',
      'applyOps:renameMap',
    ]);
    const titles = (session.doc?.cards ?? []).filter((c) => c.stageId === 's1' && c.laneId === 'l1');
    expect(titles.map((c) => c.title)).toEqual(['First', 'A', 'B']);
    expect(session.doc?.map.title).toBe('Checkout journey');
    expect(session.doc).toEqual(backend.stored('map-1'));
    expect(session.pending).toBe(0);
  });

  it('builds a field edit on the card as the earlier edits left it', async () => {
    const session = await open();
    backend.delays.push(20);
    // Title and text typed one after the other (one op carries both): the text edit must not
    // bring the old title back.
    const title = session.cardField('c1', 'title', 'Sees an ad', 'visit-1');
    const body = session.cardField('c1', 'body', 'On Instagram', 'visit-2');
    const owner = session.cardField('c1', 'owner', 'Marketing', 'visit-3');
    await Promise.all([title, body, owner]);
    const card = session.card('c1');
    expect(card?.title).toBe('Sees an ad');
    expect(card?.body).toBe('On Instagram');
    expect(card?.attrs.owner).toBe('Marketing');
    expect(backend.stored('map-1').cards[0]?.title).toBe('Sees an ad');
  });

  it('makes one field visit one undo step', async () => {
    const session = await open();
    await session.cardField('c1', 'title', 'S', 'visit-1');
    await session.cardField('c1', 'title', 'Se', 'visit-1');
    await session.cardField('c1', 'title', 'Sees', 'visit-1');
    await session.cardField('c1', 'body', 'text', 'visit-2');
    await session.undo();
    expect(session.card('c1')?.body).toBe('');
    expect(session.card('c1')?.title).toBe('Sees');
    await session.undo();
    expect(session.card('c1')?.title).toBe('First');
    expect(session.doc?.history).toEqual({ canUndo: false, canRedo: true });
    await session.redo();
    expect(session.card('c1')?.title).toBe('Sees');
  });

  it('sends nothing for an edit that changes nothing', async () => {
    const session = await open();
    await session.saveCardText('c1', 'First', '');
    await session.cardAttrs('c1', { owner: null });
    expect(backend.calls).toEqual([]);
  });

  it('reports a refused edit and keeps the map as it was', async () => {
    const session = await open();
    const before = session.doc;
    expect(await session.moveCardTo('c1', 'no-such-stage', 'l1')).toBeNull();
    expect(errors).toHaveLength(1);
    expect(session.doc).toBe(before);
    // The queue goes on after a refusal.
    expect(await session.renameMap('Still works')).not.toBeNull();
  });

  it('duplicates and pastes cards right after their originals', async () => {
    const session = await open();
    const b = await session.createCard('s1', 'l1', 'B', '');
    const copies = await session.duplicate(['c1']);
    expect(copies).toHaveLength(1);
    const cell = session.cells.get('s1|l1')?.map((c) => c.title);
    expect(cell).toEqual(['First', 'First', 'B']);
    const pasted = await session.paste([{ title: 'P', body: '', attrs: session.card('c1')!.attrs }], b);
    expect(pasted).toHaveLength(1);
    expect(session.cells.get('s1|l1')?.map((c) => c.title)).toEqual(['First', 'First', 'B', 'P']);
    expect(session.order.length).toBe(4);
  });

  it('queues the metrics import with the other edits and hands a refusal back', async () => {
    const session = await open();
    backend.delays.push(20);
    const rename = session.renameMap('Before import');
    const result = await session.importMetrics('csv', {
      keyColumn: 'title',
      matchBy: 'title',
      columns: ['visits'],
      numberStyle: 'auto',
    });
    await rename;
    expect(backend.calls).toEqual(['applyOps:renameMap', 'importMetrics']);
    expect(result.report.updatedCards).toBe(1);
    expect(session.card('c1')?.attrs.metrics).toEqual({ visits: 1 });
    await session.undo();
    expect(session.card('c1')?.attrs.metrics).toEqual({});
  });

  it('edits personas and their scores, and deleting a persona takes its scores', async () => {
    const session = await open();
    const id = await session.createPersona({
      name: 'Rina',
      role: '',
      goals: '',
      needs: '',
      pains: '',
      color: '#7c3aed',
      photo: null,
    });
    expect(id).not.toBeNull();
    await session.personaField(id!, 'role', 'Student', 'k');
    await session.setEmotion('c1', id!, 'asIs', 2);
    expect(session.doc?.emotions).toHaveLength(1);
    await session.personaChange(id!, { name: '  ' });
    expect(session.persona(id!)?.name).toBe('Rina');
    await session.deletePersona(id!);
    expect(session.doc?.personas).toEqual([]);
    expect(session.doc?.emotions).toEqual([]);
  });

  it('orders a rename from the library after the board edits still on their way', async () => {
    const session = await open();
    backend.delays.push(30);
    void session.renameMap('From the board');
    await renameMapInLibrary('map-1', 'From the library');
    await drained();
    expect(backend.stored('map-1').map.title).toBe('From the library');
  });
});
