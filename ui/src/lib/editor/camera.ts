// Zoom levels of the board. The board is scaled with a CSS transform; these are the numbers.

export const MIN_ZOOM = 0.25;
/** Fit map goes further out than the buttons, so any map fits; below MIN_ZOOM cells show counts. */
export const FIT_MIN_ZOOM = 0.02;
export const MAX_ZOOM = 2;
const STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

export function clampZoom(z: number, min = MIN_ZOOM): number {
  if (!Number.isFinite(z)) return 1;
  return Math.min(MAX_ZOOM, Math.max(min, Math.round(z * 100) / 100));
}

/** The next preset step in or out from `z` (buttons and Ctrl+= / Ctrl+-). */
export function stepZoom(z: number, direction: 1 | -1): number {
  if (direction > 0) return STEPS.find((s) => s > z + 0.001) ?? MAX_ZOOM;
  // Below the steps (after Fit map on a big map), zooming out stays where it is.
  return [...STEPS].reverse().find((s) => s < z - 0.001) ?? Math.min(z, MIN_ZOOM);
}

/** Ctrl+wheel / pinch: smooth, proportional to the wheel delta. */
export function wheelZoom(z: number, deltaY: number): number {
  return clampZoom(z * Math.exp(-deltaY / 500), Math.min(z, MIN_ZOOM));
}

/** The zoom that shows the whole board in the viewport (never above 100%), whatever its size. */
export function fitZoom(
  content: { width: number; height: number },
  view: { width: number; height: number },
): number {
  if (content.width <= 0 || content.height <= 0) return 1;
  // Rounded down: rounding up could leave the last stage just outside the view.
  const z = Math.floor(Math.min(1, view.width / content.width, view.height / content.height) * 100) / 100;
  return clampZoom(z, FIT_MIN_ZOOM);
}

/** Scroll offsets that keep the board point under the pointer fixed while zooming. */
export function zoomAround(
  scroll: { left: number; top: number },
  pointer: { x: number; y: number },
  from: number,
  to: number,
): { left: number; top: number } {
  const k = to / from;
  return {
    left: (scroll.left + pointer.x) * k - pointer.x,
    top: (scroll.top + pointer.y) * k - pointer.y,
  };
}
