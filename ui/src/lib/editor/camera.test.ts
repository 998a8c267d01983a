import { describe, expect, it } from 'vitest';
import { clampZoom, fitZoom, stepZoom, wheelZoom, zoomAround } from './camera';

describe('camera', () => {
  it('clamps and steps through preset zoom levels', () => {
    expect(clampZoom(5)).toBe(2);
    expect(clampZoom(0.01)).toBe(0.25);
    expect(clampZoom(Number.NaN)).toBe(1);
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(2, 1)).toBe(2);
    expect(stepZoom(0.3, -1)).toBe(0.25);
  });

  it('zooms with the wheel in both directions and fits the board', () => {
    expect(wheelZoom(1, -100)).toBeGreaterThan(1);
    expect(wheelZoom(1, 100)).toBeLessThan(1);
    expect(fitZoom({ width: 2000, height: 500 }, { width: 1000, height: 800 })).toBe(0.5);
    expect(fitZoom({ width: 500, height: 500 }, { width: 1000, height: 800 })).toBe(1);
    // Zooming out below the steps never zooms in.
    expect(stepZoom(0.03, -1)).toBe(0.03);
    expect(wheelZoom(0.03, 100)).toBe(0.03);
    expect(stepZoom(0.03, 1)).toBe(0.25);
    // A 2,000-card map fits too, below the buttons' 25 % (its cells then show counts).
    expect(fitZoom({ width: 40_000, height: 30_000 }, { width: 1200, height: 700 })).toBe(0.02);
    expect(fitZoom({ width: 4_000, height: 3_000 }, { width: 1000, height: 700 })).toBe(0.23);
  });

  it('keeps the point under the pointer in place', () => {
    const s = zoomAround({ left: 100, top: 0 }, { x: 200, y: 50 }, 1, 2);
    // Board point (300, 50) was under the pointer; at 2× it is at (600, 100) − pointer.
    expect(s).toEqual({ left: 400, top: 50 });
  });
});
