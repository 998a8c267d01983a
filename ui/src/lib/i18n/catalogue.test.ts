import { describe, expect, it } from 'vitest';
import { allKeys, translate } from './catalogue';

describe('catalogue', () => {
  it('has the same keys in English and Indonesian', () => {
    expect(allKeys('id')).toEqual(allKeys('en'));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'library.copyOf', { title: 'Onboarding' })).toBe('Copy of Onboarding');
    expect(translate('id', 'library.copyOf', { title: 'Onboarding' })).toBe('Salinan Onboarding');
    expect(translate('en', 'library.counts', { stages: 5 })).toBe('5 stages · {cards} cards');
  });

  it('has no empty strings', () => {
    for (const loc of ['en', 'id'] as const) {
      for (const key of allKeys(loc)) {
        expect(translate(loc, key as never).trim().length, `${loc} ${key}`).toBeGreaterThan(0);
      }
    }
  });
});
