// Keyboard shortcuts as a small registry: each action says which keys trigger it.

export type ShortcutAction = 'undo' | 'redo';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** Ctrl on Linux/Windows, Cmd on macOS. */
function primary(e: KeyLike, mac: boolean): boolean {
  return mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
}

const registry: { action: ShortcutAction; test: (e: KeyLike, mac: boolean) => boolean }[] = [
  {
    action: 'undo',
    test: (e, mac) => primary(e, mac) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z',
  },
  {
    action: 'redo',
    test: (e, mac) =>
      primary(e, mac) &&
      !e.altKey &&
      ((e.shiftKey && e.key.toLowerCase() === 'z') || (!mac && !e.shiftKey && e.key.toLowerCase() === 'y')),
  },
];

export function matchShortcut(e: KeyLike, mac: boolean): ShortcutAction | null {
  return registry.find((r) => r.test(e, mac))?.action ?? null;
}

/** Text fields keep their own undo; board shortcuts apply elsewhere. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
