import { describe, expect, it } from 'vitest';
import { emptyAttrs, hasPriority, isPreset, limitTags, parseTags } from './attrs';

describe('limitTags', () => {
  it('cuts each tag and the number of tags, keeping the rest as typed', () => {
    expect(limitTags('promo, q3', 60, 30)).toBe('promo, q3');
    expect(limitTags(`a, ${'x'.repeat(70)}`, 60, 30)).toBe(`a, ${'x'.repeat(60)}`);
    expect(limitTags('a,b,c,d', 60, 3)).toBe('a,b,c');
    expect(limitTags('a, , b,', 60, 2)).toBe('a, , b,');
  });
});

describe('attributes', () => {
  it('parses tags, recognises presets and priority lanes', () => {
    expect(parseTags(' promo, Q3 ,,promo ')).toEqual(['promo', 'Q3']);
    expect(isPreset('website')).toBe(true);
    expect(isPreset('Instagram')).toBe(false);
    expect(hasPriority('painPoints')).toBe(true);
    expect(hasPriority('touchpoints')).toBe(false);
    expect(emptyAttrs().tags).toEqual([]);
  });
});
