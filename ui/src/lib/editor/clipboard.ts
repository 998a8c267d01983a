// Cards copied with Ctrl+C, kept in the app so they paste into any map (also another one).
// The plain text also goes to the system clipboard, best effort, for pasting into other programs.
import type { Card, CardAttrs } from '../ipc/types';

export interface CopiedCard {
  title: string;
  body: string;
  attrs: CardAttrs;
}

let copied: CopiedCard[] = [];

export function copyCards(cards: readonly Card[]): void {
  copied = cards.map((c) => ({ title: c.title, body: c.body, attrs: c.attrs }));
  const text = cards.map((c) => (c.body ? `${c.title}\n${c.body}` : c.title)).join('\n\n');
  navigator.clipboard?.writeText(text).catch(() => {
    // The system clipboard may be unavailable in the web view; the in-app copy still works.
  });
}

export function copiedCards(): readonly CopiedCard[] {
  return copied;
}
