import { describe, expect, it } from 'vitest';
import { EdgeScroller, edgeVelocity } from './edgeScroll';

const view = { left: 0, top: 0, right: 1000, bottom: 600 };

describe('edgeVelocity', () => {
  it('is zero away from the edges and grows toward them', () => {
    expect(edgeVelocity({ x: 500, y: 300 }, view)).toEqual({ dx: 0, dy: 0 });
    const near = edgeVelocity({ x: 990, y: 300 }, view).dx;
    const nearer = edgeVelocity({ x: 999, y: 300 }, view).dx;
    expect(near).toBeGreaterThan(0);
    expect(nearer).toBeGreaterThan(near);
    expect(nearer).toBeLessThanOrEqual(18);
    expect(edgeVelocity({ x: 5, y: 5 }, view).dx).toBeLessThan(0);
    expect(edgeVelocity({ x: 5, y: 5 }, view).dy).toBeLessThan(0);
  });
});

describe('EdgeScroller', () => {
  function harness(room: number) {
    const frames: (() => void)[] = [];
    const scrolls: [number, number][] = [];
    let left = room;
    let remeasured = 0;
    let pointer = { x: 995, y: 300 };
    const scroller = new EdgeScroller(
      {
        bounds: () => view,
        scrollBy: (dx, dy) => {
          const moved = Math.min(dx, left);
          left -= moved;
          scrolls.push([dx, dy]);
          return moved > 0;
        },
      },
      { request: (f) => frames.push(f), cancel: () => frames.splice(0) },
      () => pointer,
      () => remeasured++,
    );
    const step = () => frames.shift()?.();
    return {
      scroller,
      frames,
      scrolls,
      step,
      setPointer: (p: typeof pointer) => (pointer = p),
      remeasured: () => remeasured,
    };
  }

  it('scrolls each frame while the pointer stays at the edge, re-measuring after each', () => {
    const h = harness(1000);
    h.scroller.nudge();
    h.scroller.nudge(); // a second nudge does not start a second loop
    expect(h.frames).toHaveLength(1);
    h.step();
    h.step();
    expect(h.scrolls).toHaveLength(2);
    expect(h.remeasured()).toBe(2);
    expect(h.scroller.running).toBe(true);
  });

  it('stops when the pointer leaves the edge, at the end of the board, or when told', () => {
    const h = harness(1000);
    h.scroller.nudge();
    h.setPointer({ x: 500, y: 300 });
    h.step();
    expect(h.scroller.running).toBe(false);

    const end = harness(0);
    end.scroller.nudge();
    end.step();
    expect(end.scroller.running).toBe(false);

    const told = harness(1000);
    told.scroller.nudge();
    told.scroller.stop();
    expect(told.frames).toHaveLength(0);
    expect(told.scroller.running).toBe(false);
  });
});
