// Touchpoint attributes on the UI side: defaults, the channel presets, and how they read.
import type { CardAttrs, LaneKind } from '../ipc/types';

export function emptyAttrs(): CardAttrs {
  return {
    channel: null,
    kind: null,
    phase: null,
    momentOfTruth: false,
    owner: null,
    evidence: null,
    tags: [],
    url: null,
    color: null,
    priority: null,
    metrics: {},
    linkedMap: null,
  };
}

/** Preset channels (ids translated in the catalogue as `channel.<id>`); any other text is custom. */
export const CHANNEL_PRESETS = [
  'website',
  'mobileApp',
  'socialMedia',
  'email',
  'ads',
  'search',
  'store',
  'phone',
  'liveChat',
  'faq',
  'packaging',
  'wordOfMouth',
] as const;

export type ChannelPreset = (typeof CHANNEL_PRESETS)[number];

export function isPreset(channel: string | null): channel is ChannelPreset {
  return channel !== null && (CHANNEL_PRESETS as readonly string[]).includes(channel);
}

/** Lanes whose cards carry a priority (and show it). */
export function hasPriority(kind: LaneKind): boolean {
  return kind === 'painPoints' || kind === 'opportunities';
}

/** Tags typed as "a, b, c". */
/**
 * Cuts typed tags to what a card holds (each tag up to `maxTag` characters, at most `maxTags`
 * tags), keeping the text otherwise as typed.
 */
export function limitTags(text: string, maxTag: number, maxTags: number): string {
  let count = 0;
  const kept: string[] = [];
  for (const part of text.split(',')) {
    if (part.trim() !== '') count += 1;
    if (count > maxTags) break;
    const start = part.length - part.trimStart().length;
    const tag = part.trim();
    kept.push(tag.length > maxTag ? part.slice(0, start) + tag.slice(0, maxTag) : part);
  }
  return kept.join(',');
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
    ),
  ];
}
