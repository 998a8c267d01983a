import { beforeEach, describe, expect, it } from 'vitest';
import { installBackend } from '../ipc/backend';
import { fakeBackend, sampleMap } from '../ipc/fake';
import { drained } from '../board/editQueue';
import { MapSession } from '../board/mapSession.svelte';
import { Presenter } from './presenter.svelte';

async function presenting() {
  const session = new MapSession('map-1', (e) => {
    throw e;
  });
  await session.load();
  const presenter = new Presenter(session, (e) => {
    throw e;
  });
  presenter.start();
  return { session, presenter };
}

beforeEach(() => installBackend(fakeBackend([sampleMap()])));

describe('the presenter', () => {
  it('steps through title, stages and overview, and blanks and leaves', async () => {
    const { presenter } = await presenting();
    expect(presenter.active).toBe(true);
    expect(presenter.step.kind).toBe('title');
    presenter.command('next');
    expect(presenter.step).toMatchObject({ kind: 'stage', stageId: 's1' });
    presenter.command('last');
    expect(presenter.step.kind).toBe('overview');
    presenter.command('next'); // at the end it stays
    expect(presenter.step.kind).toBe('overview');
    presenter.command('blank');
    expect(presenter.blank).toBe(true);
    presenter.command('prev'); // the first key after a blank only shows the screen again
    expect(presenter.blank).toBe(false);
    expect(presenter.step.kind).toBe('overview');
    presenter.command('leave');
    expect(presenter.active).toBe(false);
  });

  it('stays on its stage when the map is edited while presenting', async () => {
    const { session, presenter } = await presenting();
    presenter.goTo(2); // stage 2
    expect(presenter.step).toMatchObject({ kind: 'stage', stageId: 's2' });
    const added = await session.addAxis('stage', 'Before');
    await session.moveAxis('stage', added ?? '', { at: 'before', value: 's1' });
    await drained();
    expect(session.doc?.stages[0]?.title).toBe('Before');
    expect(presenter.step).toMatchObject({ kind: 'stage', stageId: 's2' });
    expect(presenter.index).toBe(3);
    // N on a stage slide opens the new card; Escape closes it first, then leaves.
    expect(presenter.command('addCard')).toBe(true);
    presenter.command('leave');
    expect(presenter.adding).toBe(false);
    expect(presenter.active).toBe(true);
  });
});
