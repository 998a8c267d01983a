import { describe, expect, it } from 'vitest';
import { isMacPlatform, keyLabel, matchShortcut, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('maps Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y on Linux and Windows', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(matchShortcut(key('z', { metaKey: true }), false)).toBeNull();
    expect(matchShortcut(key('z'), false)).toBeNull();
  });

  it('maps Cmd+Z / Cmd+Shift+Z on macOS', () => {
    expect(matchShortcut(key('z', { metaKey: true }), true)).toBe('undo');
    expect(matchShortcut(key('z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(matchShortcut(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });
});

describe('board keys', () => {
  it('distinguishes focus moves, card moves, edit, delete and help', () => {
    expect(matchShortcut(key('ArrowLeft'), false)).toBe('focusLeft');
    expect(matchShortcut(key('ArrowLeft', { altKey: true }), false)).toBe('moveLeft');
    expect(matchShortcut(key('ArrowDown', { altKey: true }), true)).toBe('moveDown');
    expect(matchShortcut(key('Enter'), false)).toBe('edit');
    expect(matchShortcut(key('Delete'), false)).toBe('delete');
    expect(matchShortcut(key('Backspace'), false)).toBe('delete');
    expect(matchShortcut(key('d', { ctrlKey: true }), false)).toBe('duplicate');
    expect(matchShortcut(key('?', { shiftKey: true }), false)).toBe('help');
    expect(matchShortcut(key('Escape'), false)).toBe('deselect');
  });

  it('labels keys for the platform', () => {
    expect(keyLabel('Mod+Shift+Z', true)).toBe('⌘+Shift+Z');
    expect(keyLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
  });
});
