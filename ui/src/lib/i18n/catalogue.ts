import { en, type MessageKey } from './en';
import { id } from './id';

export type UiLocale = 'en' | 'id';
export type { MessageKey };

const catalogues: Record<UiLocale, Record<MessageKey, string>> = { en, id };

/** Keys that come in plural forms (`x.one`, `x.other`), named without the form. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageKey];

/**
 * One formatter of each kind per language, made on first use: making an Intl object costs far
 * more than using one, and a library of 200 maps words three figures per row.
 */
export function cached<T>(make: (locale: UiLocale) => T): (locale: UiLocale) => T {
  const made = new Map<UiLocale, T>();
  return (locale) => {
    let f = made.get(locale);
    if (f === undefined) {
      f = make(locale);
      made.set(locale, f);
    }
    return f;
  };
}

const numberFormat = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
const pluralRules = cached((locale) => new Intl.PluralRules(locale));

/** A number as the language writes it: 1,842.5 in English, 1.842,5 in Indonesian. */
export function formatNumber(locale: UiLocale, n: number): string {
  return numberFormat(locale).format(n);
}

/**
 * Looks up `key` and fills `{name}` placeholders; numbers are written the language's way. Pure,
 * so it is unit-tested directly.
 */
export function translate(
  locale: UiLocale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** The plural form for `count` in the language (`1 card`, `2 cards`; `1 kartu`, `2 kartu`). */
export function translatePlural(
  locale: UiLocale,
  base: PluralKey,
  count: number,
  params: Record<string, string | number> = {},
): string {
  const form = pluralRules(locale).select(count);
  const exact = `${base}.${form}` as MessageKey;
  const key = exact in catalogues[locale] ? exact : (`${base}.other` as MessageKey);
  return translate(locale, key, { count, ...params });
}

export function allKeys(locale: UiLocale): string[] {
  return Object.keys(catalogues[locale]).sort();
}
