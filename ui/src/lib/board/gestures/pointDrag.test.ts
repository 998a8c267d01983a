import { describe, expect, it } from 'vitest';
import { PointDrag } from './pointDrag';

describe('PointDrag', () => {
  it('sets the score it was pressed at when not dragged', () => {
    const d = new PointDrag();
    d.down('p1', 1, 100);
    d.move('p1', 2, 102); // under the threshold: the score stays
    expect(d.shown('p1')).toBe(1);
    expect(d.up('p1')).toBe(1);
    expect(d.state).toBeNull();
  });

  it('follows the pointer once dragged, and only for its own point', () => {
    const d = new PointDrag();
    d.down('p1', 0, 100);
    d.move('p2', -2, 200);
    expect(d.shown('p1')).toBe(0);
    expect(d.shown('p2')).toBeNull();
    d.move('p1', 1, 80);
    d.move('p1', 2, 60);
    expect(d.shown('p1')).toBe(2);
    expect(d.up('p2')).toBeNull();
    expect(d.up('p1')).toBe(2);
  });

  it('gives nothing after a cancel', () => {
    const d = new PointDrag();
    d.down('p1', 0, 100);
    d.cancel();
    expect(d.up('p1')).toBeNull();
  });
});
