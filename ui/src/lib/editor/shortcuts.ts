// Keyboard shortcuts as a registry: each action names its keys once; the board dispatches on the
// action, and the shortcut sheet (`?`) lists the same entries, so the two never disagree.

export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'edit'
  | 'delete'
  | 'duplicate'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'deselect'
  | 'focusLeft'
  | 'focusRight'
  | 'focusUp'
  | 'focusDown'
  | 'moveLeft'
  | 'moveRight'
  | 'moveUp'
  | 'moveDown'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset'
  | 'export'
  | 'present'
  | 'capture'
  | 'kindDigital'
  | 'kindHuman'
  | 'kindPhysical'
  | 'momentOfTruth'
  | 'emotionUp'
  | 'emotionDown'
  | 'emotionClear'
  | 'help';

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

function plain(e: KeyLike): boolean {
  return !e.ctrlKey && !e.metaKey && !e.altKey;
}

const letter = (e: KeyLike, k: string) => e.key.toLowerCase() === k;
const arrow = (e: KeyLike, dir: string) => e.key === `Arrow${dir}`;

interface Entry {
  action: ShortcutAction;
  /** How the sheet shows the keys; "Mod" becomes Ctrl or ⌘. */
  keys: string[];
  test: (e: KeyLike, mac: boolean) => boolean;
}

export const SHORTCUTS: Entry[] = [
  {
    action: 'undo',
    keys: ['Mod+Z'],
    test: (e, m) => primary(e, m) && !e.shiftKey && !e.altKey && letter(e, 'z'),
  },
  {
    action: 'redo',
    keys: ['Mod+Shift+Z', 'Ctrl+Y'],
    test: (e, m) =>
      primary(e, m) && !e.altKey && ((e.shiftKey && letter(e, 'z')) || (!m && !e.shiftKey && letter(e, 'y'))),
  },
  {
    action: 'edit',
    keys: ['Enter', 'F2'],
    test: (e) => plain(e) && !e.shiftKey && (e.key === 'Enter' || e.key === 'F2'),
  },
  {
    action: 'delete',
    keys: ['Delete'],
    test: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  },
  { action: 'duplicate', keys: ['Mod+D'], test: (e, m) => primary(e, m) && !e.shiftKey && letter(e, 'd') },
  { action: 'copy', keys: ['Mod+C'], test: (e, m) => primary(e, m) && !e.shiftKey && letter(e, 'c') },
  { action: 'paste', keys: ['Mod+V'], test: (e, m) => primary(e, m) && !e.shiftKey && letter(e, 'v') },
  { action: 'selectAll', keys: ['Mod+A'], test: (e, m) => primary(e, m) && !e.shiftKey && letter(e, 'a') },
  { action: 'deselect', keys: ['Esc'], test: (e) => e.key === 'Escape' },
  { action: 'focusLeft', keys: ['←'], test: (e) => plain(e) && arrow(e, 'Left') },
  { action: 'focusRight', keys: ['→'], test: (e) => plain(e) && arrow(e, 'Right') },
  { action: 'focusUp', keys: ['↑'], test: (e) => plain(e) && arrow(e, 'Up') },
  { action: 'focusDown', keys: ['↓'], test: (e) => plain(e) && arrow(e, 'Down') },
  {
    action: 'moveLeft',
    keys: ['Alt+←'],
    test: (e) => e.altKey && !e.ctrlKey && !e.metaKey && arrow(e, 'Left'),
  },
  {
    action: 'moveRight',
    keys: ['Alt+→'],
    test: (e) => e.altKey && !e.ctrlKey && !e.metaKey && arrow(e, 'Right'),
  },
  { action: 'moveUp', keys: ['Alt+↑'], test: (e) => e.altKey && !e.ctrlKey && !e.metaKey && arrow(e, 'Up') },
  {
    action: 'moveDown',
    keys: ['Alt+↓'],
    test: (e) => e.altKey && !e.ctrlKey && !e.metaKey && arrow(e, 'Down'),
  },
  {
    action: 'zoomIn',
    keys: ['Mod+='],
    test: (e, m) => primary(e, m) && !e.altKey && (e.key === '=' || e.key === '+'),
  },
  {
    action: 'zoomOut',
    keys: ['Mod+-'],
    test: (e, m) => primary(e, m) && !e.altKey && (e.key === '-' || e.key === '_'),
  },
  { action: 'zoomReset', keys: ['Mod+0'], test: (e, m) => primary(e, m) && !e.altKey && e.key === '0' },
  {
    action: 'export',
    keys: ['Mod+P', 'Mod+E'],
    test: (e, m) => primary(e, m) && !e.shiftKey && !e.altKey && (letter(e, 'p') || letter(e, 'e')),
  },
  { action: 'kindDigital', keys: ['D'], test: (e) => plain(e) && !e.shiftKey && letter(e, 'd') },
  { action: 'kindHuman', keys: ['H'], test: (e) => plain(e) && !e.shiftKey && letter(e, 'h') },
  { action: 'kindPhysical', keys: ['P'], test: (e) => plain(e) && !e.shiftKey && letter(e, 'p') },
  { action: 'momentOfTruth', keys: ['M'], test: (e) => plain(e) && !e.shiftKey && letter(e, 'm') },
  { action: 'emotionUp', keys: ['+'], test: (e) => plain(e) && (e.key === '+' || e.key === '=') },
  { action: 'emotionDown', keys: ['-'], test: (e) => plain(e) && (e.key === '-' || e.key === '_') },
  { action: 'emotionClear', keys: ['0'], test: (e) => plain(e) && e.key === '0' },
  { action: 'capture', keys: ['C'], test: (e) => plain(e) && !e.shiftKey && letter(e, 'c') },
  { action: 'present', keys: ['F5'], test: (e) => plain(e) && !e.shiftKey && e.key === 'F5' },
  { action: 'help', keys: ['?'], test: (e) => !e.ctrlKey && !e.metaKey && e.key === '?' },
];

export function matchShortcut(e: KeyLike, mac: boolean): ShortcutAction | null {
  return SHORTCUTS.find((r) => r.test(e, mac))?.action ?? null;
}

export function keyLabel(keys: string, mac: boolean): string {
  return keys.replace('Mod', mac ? '⌘' : 'Ctrl');
}

/** Text fields keep their own keys (and their own undo); board shortcuts apply elsewhere. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
