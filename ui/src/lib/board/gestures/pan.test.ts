import { describe, expect, it } from 'vitest';
import { Pan } from './pan';

describe('Pan', () => {
  it('moves the view against the pointer from where it started', () => {
    const pan = new Pan();
    expect(pan.move({ x: 0, y: 0 })).toBeNull();
    pan.down({ x: 100, y: 100 }, { left: 500, top: 200 });
    expect(pan.active).toBe(true);
    expect(pan.move({ x: 130, y: 80 })).toEqual({ left: 470, top: 220 });
    pan.up();
    expect(pan.active).toBe(false);
  });
});
