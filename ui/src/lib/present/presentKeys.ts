// The keys of present mode. Clickers send Page Down / Page Up (some send "." or "b" to blank);
// keyboards use the arrows and Space. Pure, and listed on the shortcut sheet from this table.
import type { KeyLike } from '../editor/shortcuts';

export type PresentCommand = 'next' | 'prev' | 'first' | 'last' | 'blank' | 'leave' | 'addCard';

interface PresentKey {
  command: PresentCommand;
  /** How the shortcut sheet shows the keys. */
  keys: string[];
  test: (e: KeyLike) => boolean;
}

const plain = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;

export const PRESENT_KEYS: PresentKey[] = [
  {
    command: 'next',
    keys: ['→', '↓', 'Space', 'Page Down'],
    test: (e) =>
      plain(e) &&
      (e.key === 'ArrowRight' ||
        e.key === 'ArrowDown' ||
        e.key === 'PageDown' ||
        (e.key === ' ' && !e.shiftKey)),
  },
  {
    command: 'prev',
    keys: ['←', '↑', 'Shift+Space', 'Page Up'],
    test: (e) =>
      plain(e) &&
      (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp' || (e.key === ' ' && e.shiftKey)),
  },
  { command: 'first', keys: ['Home'], test: (e) => plain(e) && e.key === 'Home' },
  { command: 'last', keys: ['End'], test: (e) => plain(e) && e.key === 'End' },
  {
    command: 'blank',
    keys: ['B', '.'],
    test: (e) => plain(e) && (e.key.toLowerCase() === 'b' || e.key === '.'),
  },
  { command: 'addCard', keys: ['N'], test: (e) => plain(e) && e.key.toLowerCase() === 'n' },
  { command: 'leave', keys: ['Esc'], test: (e) => e.key === 'Escape' },
];

export function presentCommand(e: KeyLike): PresentCommand | null {
  return PRESENT_KEYS.find((k) => k.test(e))?.command ?? null;
}
