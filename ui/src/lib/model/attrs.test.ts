import { describe, expect, it } from 'vitest';
import { emptyAttrs, hasPriority, isPreset, parseTags } from './attrs';

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
