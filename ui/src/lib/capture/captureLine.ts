// Fast capture: one card per line, typed as people call touchpoints out in the room. A few marks
// set the obvious attributes (all optional, documented in the capture box and the README):
//   !!            moment of truth            @Owner (_ for spaces)   owner
//   #digital #human #physical                kind (also #manusia #fisik)
//   #observed #assumed #proposed             evidence (also #diamati #diasumsikan #diusulkan)
//   #high #medium #low                       priority (also #tinggi #sedang #rendah)
//   #pain #opportunity                       the stage's pain point / opportunity lane
//                                            (also #masalah #peluang #idea #ide)
//   any other #word                          a tag
// A mark counts only as a whole word, so "C#" or "e-mail@home" stay text. Pure.
import type { CardAttrs, Evidence, Priority, TouchpointKind } from '../ipc/types';
import { LIMITS } from '../model/limits';

export type CaptureLane = 'painPoints' | 'opportunities';

export interface Captured {
  title: string;
  attrs: Partial<Pick<CardAttrs, 'momentOfTruth' | 'owner' | 'kind' | 'evidence' | 'priority' | 'tags'>>;
  /** The lane the card asks for in the chosen stage (null: the chosen cell's lane). */
  lane: CaptureLane | null;
}

const KINDS: Record<string, TouchpointKind> = {
  digital: 'digital',
  human: 'human',
  manusia: 'human',
  physical: 'physical',
  fisik: 'physical',
};
const EVIDENCE: Record<string, Evidence> = {
  observed: 'observed',
  diamati: 'observed',
  assumed: 'assumed',
  diasumsikan: 'assumed',
  proposed: 'proposed',
  diusulkan: 'proposed',
};
const PRIORITIES: Record<string, Priority> = {
  high: 'high',
  tinggi: 'high',
  medium: 'medium',
  sedang: 'medium',
  low: 'low',
  rendah: 'low',
};
const LANES: Record<string, CaptureLane> = {
  pain: 'painPoints',
  masalah: 'painPoints',
  opportunity: 'opportunities',
  idea: 'opportunities',
  peluang: 'opportunities',
  ide: 'opportunities',
};

/** The lines of pasted or typed text that make cards: trimmed, blank ones dropped. */
export function captureLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** The card a line makes; null for a blank line. */
export function parseCaptureLine(line: string): Captured | null {
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const out: Captured = { title: '', attrs: {}, lane: null };
  const title: string[] = [];
  const tags: string[] = [];
  for (const word of words) {
    const lower = word.toLocaleLowerCase();
    const mark = lower.slice(1);
    if (word === '!!') out.attrs.momentOfTruth = true;
    else if (word.startsWith('@') && word.length > 1) out.attrs.owner = word.slice(1).replaceAll('_', ' ');
    else if (word.startsWith('#') && word.length > 1) {
      if (mark in KINDS) out.attrs.kind = KINDS[mark];
      else if (mark in EVIDENCE) out.attrs.evidence = EVIDENCE[mark];
      else if (mark in PRIORITIES) out.attrs.priority = PRIORITIES[mark];
      else if (mark in LANES) out.lane = LANES[mark] ?? null;
      else if (!tags.includes(word.slice(1))) tags.push(word.slice(1));
    } else title.push(word);
  }
  if (tags.length > 0) out.attrs.tags = tags;
  // A line of marks only is kept as typed: nothing called out is lost.
  out.title = title.length > 0 ? title.join(' ') : line.trim();
  return out;
}

/** What in a captured line is more than a card holds (the box refuses it before anything is made). */
export function captureProblem(c: Captured): 'title' | 'owner' | 'tag' | 'tags' | null {
  if (c.title.length > LIMITS.title) return 'title';
  if ((c.attrs.owner?.length ?? 0) > LIMITS.short) return 'owner';
  const tags = c.attrs.tags ?? [];
  if (tags.some((t) => t.length > LIMITS.tag)) return 'tag';
  if (tags.length > LIMITS.tagsPerCard) return 'tags';
  return null;
}
