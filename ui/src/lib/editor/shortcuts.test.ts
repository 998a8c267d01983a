import { describe, expect, it } from 'vitest';
import { isMacPlatform, matchShortcut, type KeyLike } from './shortcuts';

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
