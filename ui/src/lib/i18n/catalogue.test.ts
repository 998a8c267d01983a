import { describe, expect, it } from 'vitest';
import { allKeys, translate, translatePlural } from './catalogue';

describe('catalogue', () => {
  it('has the same keys in English and Indonesian', () => {
    expect(allKeys('id')).toEqual(allKeys('en'));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'library.copyOf', { title: 'Onboarding' })).toBe('Copy of Onboarding');
    expect(translate('id', 'library.copyOf', { title: 'Onboarding' })).toBe('Salinan Onboarding');
    expect(translate('en', 'library.counts', { stages: '5 stages' })).toBe('5 stages · {cards}');
  });

  it('writes numbers and plurals the language’s way', () => {
    expect(translate('en', 'limit.counter', { used: 1842, max: 20000 })).toBe('1,842 of 20,000 characters');
    expect(translate('id', 'limit.counter', { used: 1842, max: 20000 })).toBe('1.842 dari 20.000 karakter');
    expect(translatePlural('en', 'count.cards', 1)).toBe('1 card');
    expect(translatePlural('en', 'count.cards', 2)).toBe('2 cards');
    expect(translatePlural('en', 'count.cards', 0)).toBe('0 cards');
    expect(translatePlural('id', 'count.cards', 1)).toBe('1 kartu');
    expect(translatePlural('id', 'count.cards', 1500)).toBe('1.500 kartu');
    expect(translatePlural('en', 'metrics.unmatched', 1)).toBe('1 row matched no touchpoint:');
  });

  it('has no empty strings', () => {
    for (const loc of ['en', 'id'] as const) {
      for (const key of allKeys(loc)) {
        expect(translate(loc, key as never).trim().length, `${loc} ${key}`).toBeGreaterThan(0);
      }
    }
  });
});
