import { describe, expect, it } from 'vitest';
import { RubberBand } from './rubberBand';

const card = (id: string, left: number, top: number) => ({ id, rect: { left, top, width: 50, height: 30 } });
const cards = [card('a', 0, 0), card('b', 100, 0), card('c', 0, 100)];

describe('RubberBand', () => {
  it('selects nothing until the pointer passes the drag threshold', () => {
    const band = new RubberBand();
    band.down({ x: 70, y: 50 }, [], cards);
    expect(band.move({ x: 72, y: 51 })).toBeNull();
    expect(band.rect).toBeNull();
    expect(band.active).toBe(true);
  });

  it('selects every card the rectangle touches, in either direction', () => {
    const band = new RubberBand();
    band.down({ x: 120, y: 20 }, [], cards);
    expect(band.move({ x: 40, y: 10 })).toEqual(['a', 'b']);
    expect(band.rect).toEqual({ left: 40, top: 10, width: 80, height: 10 });
    // Shrinking the band drops what it no longer touches.
    expect(band.move({ x: 110, y: 25 })).toEqual(['b']);
    band.up();
    expect(band.active).toBe(false);
  });

  it('adds to the selection held when it started', () => {
    const band = new RubberBand();
    band.down({ x: 10, y: 90 }, ['b'], cards);
    expect(band.move({ x: 20, y: 140 })).toEqual(['b', 'c']);
  });
});
