import {
  cached,
  formatNumber,
  translate,
  translatePlural,
  type MessageKey,
  type PluralKey,
  type UiLocale,
} from './catalogue';

import { describeProblem } from './problems';
import { BackendError } from '../ipc/errors';

export type { MessageKey, PluralKey, UiLocale };

// The current interface language, reactive: components re-render when it changes.
const state = $state<{ locale: UiLocale }>({ locale: 'en' });

export function locale(): UiLocale {
  return state.locale;
}

export function setLocale(next: UiLocale): void {
  state.locale = next;
  document.documentElement.lang = next;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(state.locale, key, params);
}

/** A count with its noun in the right plural form: `tn('count.cards', 1)` → "1 card". */
export function tn(base: PluralKey, count: number, params?: Record<string, string | number>): string {
  return translatePlural(state.locale, base, count, params);
}

/** A number written the way the interface language writes it. */
export function num(n: number): string {
  return formatNumber(state.locale, n);
}

/** A date and time in the interface language, e.g. "24 Nov 2026, 10.15". */
const dateTimeFormat = cached(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
);
const dateFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
const relativeFormat = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const narrowRelativeFormat = cached(
  (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'narrow' }),
);

const listFormat = cached((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));

/** Names as the language lists them: "Ana, Budi and Citra" / "Ana, Budi, dan Citra". */
export function listOf(items: string[]): string {
  return listFormat(state.locale).format(items);
}

export function dateTime(millis: number): string {
  return dateTimeFormat(state.locale).format(new Date(millis));
}

/** "3 minutes ago" / "3 menit yang lalu", falling back to a date for older changes. */
export function when(millis: number, now: number = Date.now()): string {
  return relative(relativeFormat(state.locale), millis, now);
}

/** `when` as short as the language writes it ("3m ago" / "3 mnt lalu"), for tight places. */
export function whenShort(millis: number, now: number = Date.now()): string {
  return relative(narrowRelativeFormat(state.locale), millis, now);
}

function relative(rtf: Intl.RelativeTimeFormat, millis: number, now: number): string {
  const seconds = Math.round((millis - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return dateFormat(state.locale).format(new Date(millis));
}

/** Any error, worded for the user: one line per problem, and the technical detail apart. */
export function describeError(e: unknown): { lines: string[]; detail: string | null } {
  const err = BackendError.from(e);
  const lines = err.problems.map((p) => describeProblem(state.locale, p));
  return { lines: lines.length > 0 ? lines : [t('err.unknown')], detail: err.detail };
}
