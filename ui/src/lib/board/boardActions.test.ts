import { beforeEach, describe, expect, it } from 'vitest';
import { installBackend } from '../ipc/backend';
import { fakeBackend, sampleMap, type FakeBackend } from '../ipc/fake';
import { ActionRegistry } from './actions';
import { boardPerformers } from './boardActions';
import { BoardState } from './boardState.svelte';
import { drained } from './editQueue';
import type { Gestures } from './gestures.svelte';
import { MapSession } from './mapSession.svelte';
import type { Viewport } from './viewport.svelte';
import { Presenter } from '../present/presenter.svelte';
import { ViewChoices } from './viewChoices.svelte';

let backend: FakeBackend;

/** Every queued edit answered, and what the actions do after it (select, focus) done too. */
async function settled() {
  await drained();
  await new Promise((r) => setTimeout(r, 0));
}

async function board() {
  const session = new MapSession('map-1', (e) => {
    throw e;
  });
  await session.load();
  const view = new ViewChoices(session, (e) => {
    throw e;
  });
  const state = new BoardState(session, view);
  // The viewport and the gestures live on the DOM; these actions only ask them to focus or cancel.
  const focused: string[] = [];
  const viewport = { zoom: 1, focusCard: async (id: string) => void focused.push(id) } as unknown as Viewport;
  const gestures = { dragging: false, cancel: () => {} } as unknown as Gestures;
  const presenter = new Presenter(session, (e) => {
    throw e;
  });
  const actions = new ActionRegistry(
    boardPerformers({ session, board: state, viewport, gestures, presenter, view }),
    false,
  );
  return { session, state, actions, focused, presenter, view };
}

beforeEach(() => {
  backend = fakeBackend([sampleMap()]);
  installBackend(backend);
});

describe('board actions against the in-memory backend', () => {
  it('moves the selected card one stage right and keeps it focused', async () => {
    const { session, state, actions, focused } = await board();
    state.selection = ['c1'];
    expect(actions.run('moveRight')).toBe(true);
    await settled();
    expect(session.card('c1')?.stageId).toBe('s2');
    expect(focused).toEqual(['c1']);
    // At the edge nothing moves, and the key is still taken.
    expect(actions.run('moveRight')).toBe(true);
    await settled();
    expect(backend.calls).toEqual(['applyOps:moveCard']);
  });

  it('duplicates, selects the copies, and deletes the selection in one undo step', async () => {
    const { session, state, actions } = await board();
    state.selection = ['c1'];
    actions.run('duplicate');
    await settled();
    expect(session.doc?.cards).toHaveLength(2);
    expect(state.selection).toHaveLength(1);
    expect(state.selection[0]).not.toBe('c1');
    actions.run('selectAll');
    expect(state.selection).toHaveLength(2);
    actions.run('delete');
    await settled();
    expect(session.doc?.cards).toHaveLength(0);
    expect(state.selection).toEqual([]);
    actions.run('undo');
    await settled();
    expect(session.doc?.cards).toHaveLength(2);
  });

  it('does nothing to cards when none is chosen, and opens dialogs one at a time', async () => {
    const { state, actions } = await board();
    expect(actions.run('delete')).toBe(false);
    expect(actions.run('edit')).toBe(false);
    actions.run('help');
    expect(state.dialog).toBe('shortcuts');
    expect(state.busy).toBe(true);
    actions.run('export');
    expect(state.dialog).toBe('export');
    state.close();
    expect(state.busy).toBe(false);
  });

  it('adds a stage whose title takes the focus', async () => {
    const { session, state, actions } = await board();
    actions.run('addStage');
    await settled();
    expect(session.doc?.stages).toHaveLength(3);
    expect(state.focusHeader).toBe(session.doc?.stages[2]?.id);
  });
});

describe('BoardState', () => {
  it('inspects the only selected card and says saved only when nothing waits', async () => {
    const { session, state } = await board();
    expect(state.inspected).toBeNull();
    state.selection = ['c1'];
    expect(state.inspected?.title).toBe('First');
    expect(state.allSaved).toBe(true);
    state.typingInspector = true;
    expect(state.allSaved).toBe(false);
    state.typingInspector = false;
    backend.delays.push(10);
    const edit = session.renameMap('x');
    expect(state.allSaved).toBe(false);
    await edit;
    expect(state.allSaved).toBe(true);
  });

  it('sets kind, moment of truth and emotion with single keys, each one undo step', async () => {
    const { session, state, actions } = await board();
    state.selection = ['c1'];
    const key = (k: string) =>
      actions.key({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false });
    expect(key('d')).toBe(true);
    await settled();
    expect(session.card('c1')?.attrs.kind).toBe('digital');
    key('d'); // again: no kind
    await settled();
    expect(session.card('c1')?.attrs.kind).toBeNull();
    key('h');
    key('h'); // pressed twice before the first is saved: still a toggle
    await settled();
    expect(session.card('c1')?.attrs.kind).toBeNull();
    key('m');
    await settled();
    expect(session.card('c1')?.attrs.momentOfTruth).toBe(true);
    // No persona yet: the emotion keys do nothing and keep their default.
    expect(key('=')).toBe(false);
    const persona = await session.createPersona({
      name: 'Rina',
      role: '',
      goals: '',
      needs: '',
      pains: '',
      color: '#7c3aed',
      photo: null,
    });
    key('-');
    key('-');
    key('-'); // stops at −2
    await settled();
    expect(session.doc?.emotions).toMatchObject([
      { cardId: 'c1', personaId: persona, horizon: 'asIs', score: -2 },
    ]);
    key('0');
    await settled();
    expect(session.doc?.emotions).toEqual([]);
    await session.undo();
    expect(session.doc?.emotions[0]?.score).toBe(-2);
  });

  it('leaves the cards of a hidden lane out of select-all and the arrow keys', async () => {
    const { session, state, actions, view } = await board();
    await session.createCard('s1', 'l2', 'Hidden', '');
    view.hideLane('l2');
    expect(actions.run('selectAll')).toBe(true);
    expect(state.selection).toEqual(['c1']);
    state.selection = ['c1'];
    actions.run('focusDown'); // the lane below is hidden: nowhere to go
    expect(state.selection).toEqual(['c1']);
  });

  it('with only the cards with open comments shown, select-all and the arrows reach only those', async () => {
    const { session, state, actions, view } = await board();
    const other = await session.createCard('s1', 'l1', 'No comments', '');
    const comment = {
      id: 'k1',
      on: { kind: 'card' as const, id: 'c1' },
      replyTo: null,
      author: 'Ayu',
      text: 'Why?',
      createdAt: 1,
      resolved: false,
    };
    await session.run([{ type: 'addComment', comment }]);
    view.openCommentsOnly = true;
    expect(actions.run('selectAll')).toBe(true);
    expect(state.selection).toEqual(['c1']);
    state.selection = ['c1'];
    actions.run('focusDown');
    expect(state.selection).toEqual(['c1']);
    // Present mode and the curve still see every card.
    expect(view.shownDoc?.cards.some((c) => c.id === other)).toBe(true);
  });
});
