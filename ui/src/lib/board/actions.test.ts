import { describe, expect, it } from 'vitest';
import { ActionRegistry, type ActionName, type Perform } from './actions';
import { SHORTCUTS } from '../editor/shortcuts';

function registry(mac = false) {
  const ran: ActionName[] = [];
  const performers = new Proxy({} as Record<ActionName, Perform>, {
    get: (_, name) => () => {
      ran.push(name as ActionName);
      return name !== 'edit'; // "edit" does not apply here, so its key keeps its default
    },
  });
  return { actions: new ActionRegistry(performers, mac), ran };
}

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('ActionRegistry', () => {
  it('runs the same entry from a key and from the toolbar', () => {
    const { actions, ran } = registry();
    expect(actions.key(key('z', { ctrlKey: true }))).toBe(true);
    expect(actions.run('undo')).toBe(true);
    expect(ran).toEqual(['undo', 'undo']);
  });

  it('uses Cmd on a Mac and leaves unknown keys alone', () => {
    const { actions, ran } = registry(true);
    expect(actions.key(key('z', { ctrlKey: true }))).toBe(false);
    expect(actions.key(key('z', { metaKey: true }))).toBe(true);
    expect(actions.key(key('q'))).toBe(false);
    expect(ran).toEqual(['undo']);
  });

  it('reports an action that did not apply, so its key keeps its default', () => {
    const { actions } = registry();
    expect(actions.key(key('Enter'))).toBe(false);
  });

  it('lists every shortcut once for the sheet, with its label, and toolbar actions without keys', () => {
    const { actions } = registry();
    expect(actions.withKeys.map((a) => a.name)).toEqual(SHORTCUTS.map((s) => s.action));
    expect(actions.withKeys.every((a) => a.label === `shortcut.${a.name}`)).toBe(true);
    const names = actions.all.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('addStage');
    expect(actions.all.find((a) => a.name === 'zoomFit')?.keys).toEqual([]);
  });
});
