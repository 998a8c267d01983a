import { translate, type MessageKey, type UiLocale } from './catalogue';

export type { MessageKey, UiLocale };

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

/** "3 minutes ago" / "3 menit yang lalu", falling back to a date for older changes. */
export function when(millis: number, now: number = Date.now()): string {
  const seconds = Math.round((millis - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(state.locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return new Intl.DateTimeFormat(state.locale, { dateStyle: 'medium' }).format(new Date(millis));
}
