import { describe, expect, it } from 'vitest';
import { insertionIndex, placeAt, placeByStep } from './reorder';

const slots = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, start: i * 100, size: 100 }));
const order = ['a', 'b', 'c', 'd'];

describe('reordering stages and lanes', () => {
  it('finds the insertion index from the pointer, ignoring the dragged item', () => {
    expect(insertionIndex(10, slots, 'c')).toBe(0);
    expect(insertionIndex(160, slots, 'a')).toBe(1); // past the middle of b
    expect(insertionIndex(399, slots, 'a')).toBe(3);
  });

  it('turns an index into a place, or null when nothing moves', () => {
    expect(placeAt(order, 'a', 2)).toEqual({ at: 'before', value: 'd' });
    expect(placeAt(order, 'a', 3)).toEqual({ at: 'end' });
    expect(placeAt(order, 'c', 0)).toEqual({ at: 'before', value: 'a' });
    expect(placeAt(order, 'b', 1)).toBeNull();
  });

  it('moves one step with the keyboard and stops at the ends', () => {
    expect(placeByStep(order, 'b', 1)).toEqual({ at: 'before', value: 'd' });
    expect(placeByStep(order, 'b', -1)).toEqual({ at: 'before', value: 'a' });
    expect(placeByStep(order, 'd', 1)).toBeNull();
    expect(placeByStep(order, 'a', -1)).toBeNull();
    expect(placeByStep(order, 'c', 1)).toEqual({ at: 'end' });
  });
});
