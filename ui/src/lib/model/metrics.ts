// Imported figures on the board: guessing columns for the import dialog, and heat shading.
import type { CsvPreview, MapDoc, MatchBy } from '../ipc/types';

/** A first guess at the identifying column and how to match it. */
export function guessKey(headers: string[]): { key: string; matchBy: MatchBy } {
  const find = (re: RegExp) => headers.find((h) => re.test(h));
  // The destination beats the short link: cards carry the page they point to.
  const url = find(/long.?url|destination/i) ?? find(/^url$/i) ?? find(/link/i);
  if (url) return { key: url, matchBy: 'url' };
  const tag = find(/tag/i);
  if (tag) return { key: tag, matchBy: 'tag' };
  return { key: find(/title|name|touchpoint/i) ?? headers[0] ?? '', matchBy: 'title' };
}

/**
 * Columns whose preview values all look like figures (or are empty), except the key. Either number
 * style counts (1,842.5 or 1.842,5); the backend reads them exactly.
 */
export function numericColumns(preview: CsvPreview, key: string): string[] {
  return preview.headers.filter((h, i) => {
    if (h === key) return false;
    const values = preview.rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
    return values.length > 0 && values.every((v) => /^[-+\u2212]?[\d.,\s\u00a0\u202f]*\d$/.test(v));
  });
}

/** Every metric name on the map, sorted. */
export function metricNames(doc: MapDoc): string[] {
  const names = new Set<string>();
  for (const c of doc.cards) for (const name of Object.keys(c.attrs.metrics)) names.add(name);
  return [...names].sort();
}

/** 0..1 per card for `metric`, relative to the largest value on the map. */
export function heatOf(doc: MapDoc, metric: string): Map<string, number> {
  const values = doc.cards
    .map((c) => [c.id, c.attrs.metrics[metric]] as const)
    .filter((e): e is readonly [string, number] => typeof e[1] === 'number');
  const max = Math.max(0, ...values.map(([, v]) => v));
  return new Map(values.map(([id, v]) => [id, max > 0 ? Math.max(0, v) / max : 0]));
}
