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
