import { en, type MessageKey } from './en';
import { id } from './id';

export type UiLocale = 'en' | 'id';
export type { MessageKey };

const catalogues: Record<UiLocale, Record<MessageKey, string>> = { en, id };

/** Looks up `key` and fills `{name}` placeholders. Pure, so it is unit-tested directly. */
export function translate(
  locale: UiLocale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function allKeys(locale: UiLocale): string[] {
  return Object.keys(catalogues[locale]).sort();
}
