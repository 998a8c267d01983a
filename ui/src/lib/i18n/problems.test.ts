import { describe, expect, it } from 'vitest';
import type { Problem } from '../ipc/types';
import { describeProblem } from './problems';

describe('describeProblem', () => {
  it('words length limits with the field and the number, in both languages', () => {
    const p: Problem = { code: 'tooLong', field: 'cardTitle', max: 500 };
    expect(describeProblem('en', p)).toBe('The card title can hold up to 500 characters.');
    expect(describeProblem('id', p)).toBe('Judul kartu paling banyak 500 karakter.');
  });

  it('words CSV rows with their line, column and value', () => {
    const p: Problem = { code: 'csvNumber', line: 1204, column: 'klik', value: '1,842', issue: 'ambiguous' };
    expect(describeProblem('en', p)).toContain('Line 1,204: “klik” is “1,842”');
    expect(describeProblem('id', p)).toContain('Baris 1.204: “klik” berisi “1,842”');
  });

  it('never shows a code or raw database text', () => {
    const all: Problem[] = [
      { code: 'libraryDamaged' },
      { code: 'diskFull' },
      { code: 'notFound', what: 'card' },
      { code: 'libraryNewer', version: 9, supported: 5 },
      { code: 'csvMixedStyles', dotLine: 2, commaLine: 7 },
    ];
    for (const locale of ['en', 'id'] as const) {
      for (const p of all) {
        const text = describeProblem(locale, p);
        expect(text).not.toMatch(/[{}]|sqlite|undefined/i);
        expect(text.length).toBeGreaterThan(10);
      }
    }
    expect(describeProblem('id', { code: 'notFound', what: 'card' })).toMatch(/^Kartu itu/);
  });
});
