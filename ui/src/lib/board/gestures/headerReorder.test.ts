import { describe, expect, it } from 'vitest';
import { dropLineAt, HeaderReorder } from './headerReorder';

// Three stages 100 px wide starting at x = 0.
const slots = ['a', 'b', 'c'].map((id, i) => ({ id, start: i * 100, size: 100 }));

describe('HeaderReorder', () => {
  it('is a click until the pointer passes the drag threshold', () => {
    const g = new HeaderReorder();
    g.down('stage', 'a', slots, 50);
    expect(g.move(53)?.moved).toBe(false);
    expect(g.up(['a', 'b', 'c'])).toBeNull();
    expect(g.state).toBeNull();
  });

  it('drops a header after the header whose middle it passed', () => {
    const g = new HeaderReorder();
    g.down('stage', 'a', slots, 50);
    g.move(120);
    const d = g.move(260);
    expect(d?.moved).toBe(true);
    expect(dropLineAt(d!)).toBe(300);
    expect(g.up(['a', 'b', 'c'])).toEqual({ axis: 'stage', id: 'a', place: { at: 'end' } });
  });

  it('moves a lane up before another', () => {
    const g = new HeaderReorder();
    g.down('lane', 'c', slots, 250);
    g.move(40);
    expect(g.up(['a', 'b', 'c'])).toEqual({ axis: 'lane', id: 'c', place: { at: 'before', value: 'a' } });
  });

  it('gives nothing for a drop where the header already is, or after a cancel', () => {
    const g = new HeaderReorder();
    g.down('stage', 'b', slots, 150);
    g.move(160);
    expect(g.up(['a', 'b', 'c'])).toBeNull();
    g.down('stage', 'a', slots, 50);
    g.move(260);
    g.cancel();
    expect(g.up(['a', 'b', 'c'])).toBeNull();
  });
});
