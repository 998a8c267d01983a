// Benchmark (not a test): the real app on a generated 2,000-card map.
//  - open: from clicking the map in the library to the board painted (every cell in view shows its
//    cards — off-screen cells render on demand — then two animation frames), and the part of it
//    spent reading the map from the backend (the app's 'jejak:map-read' mark);
//  - drag: a card dragged across the board in 120 pointer moves; per move, the time to handle the
//    event, update the DOM and lay it out, and the interval between animation frames;
//  - pan: the board scrolled 40 px down and 20 px right per frame for 90 frames (the frame
//    intervals, and the frames in which an empty cell showed in the view);
//  - zoom: 'zoom out' pressed from 100 % to 25 % (6 steps), each time until the view is painted
//    with every card in it.
// Usage (see docs/benchmarks.md): node bench/board-bench.mjs LIBRARY CARDS RESULTS.json [DOC.md]
// With DOC.md, the results replace the text between its board-bench markers.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { startDriver } from '../harness.mjs';
import { loadText, machine, replaceSection } from './report.mjs';

const [library, cardsArg = '2000', out = 'artifacts/board-bench.json', doc] = process.argv.slice(2);
if (!library) throw new Error('usage: board-bench.mjs LIBRARY [CARDS] [RESULTS.json]');
const cards = Number(cardsArg);
const runs = 5;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

const loadBefore = os.loadavg();
const driver = await startDriver({ LANG: 'en_US.UTF-8', LC_ALL: '' });
const openMs = [];
const readMs = [];
const moveWork = [];
const frameGaps = [];
const panGaps = [];
let panEmpty = 0;
const zoomMs = [];
try {
  for (let run = 0; run < runs; run++) {
    await driver.withApp(
      async (app) => {
        await app.$('[data-testid="open-map"]').waitForDisplayed({ timeout: 30000 });
        const opened = await app.execute(async () => {
          const t0 = performance.now();
          document.querySelector('[data-testid="open-map"]').click();
          const inView = (el) => {
            const r = el.getBoundingClientRect();
            return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
          };
          await new Promise((resolve) => {
            const check = () =>
              document.querySelector('[data-card-id]') &&
              ![...document.querySelectorAll('.cell-placeholder')].some(inView)
                ? resolve()
                : requestAnimationFrame(check);
            check();
          });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const read = performance.getEntriesByName('jejak:map-read').at(-1);
          return { total: performance.now() - t0, read: read ? read.startTime - t0 : NaN };
        });
        openMs.push(opened.total);
        readMs.push(opened.read);

        const drag = await app.execute(async () => {
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          const grid = document.querySelector('[data-testid="board"]');
          const card = document.querySelector('[data-card-id]');
          const r = card.getBoundingClientRect();
          const at = (x, y, type, target) =>
            target.dispatchEvent(
              new PointerEvent(type, {
                bubbles: true,
                clientX: x,
                clientY: y,
                button: 0,
                buttons: 1,
                pointerId: 1,
                isPrimary: true,
                pointerType: 'mouse',
              }),
            );
          const x0 = r.left + r.width / 2;
          const y0 = r.top + 12;
          at(x0, y0, 'pointerdown', card);
          const work = [];
          const gaps = [];
          let last = await frame();
          for (let i = 1; i <= 120; i++) {
            const x = x0 + (i / 120) * (window.innerWidth - x0 - 120);
            const y = y0 + Math.sin(i / 10) * 200 + 200;
            const t = performance.now();
            at(x, y, 'pointermove', grid);
            await Promise.resolve(); // Svelte flushes its updates in a microtask
            void document.body.offsetHeight; // force style and layout
            work.push(performance.now() - t);
            const now = await frame();
            gaps.push(now - last);
            last = now;
          }
          // Cancel, so the map is unchanged.
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
          at(x0, y0, 'pointerup', grid);
          return { work, gaps };
        });
        moveWork.push(...drag.work);
        frameGaps.push(...drag.gaps.slice(1));

        const pan = await app.execute(async () => {
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          const view = document.querySelector('[data-testid="board"]').closest('.scroller');
          const inView = (el) => {
            const r = el.getBoundingClientRect();
            return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
          };
          const gaps = [];
          let empty = 0;
          let last = await frame();
          for (let i = 0; i < 90; i++) {
            view.scrollBy(20, 40);
            const now = await frame();
            gaps.push(now - last);
            last = now;
            if ([...document.querySelectorAll('.cell-placeholder')].some(inView)) empty++;
          }
          view.scrollTo(0, 0);
          return { gaps, empty };
        });
        panGaps.push(...pan.gaps.slice(1));
        panEmpty += pan.empty;

        const zoomed = await app.execute(async () => {
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          const inView = (el) => {
            const r = el.getBoundingClientRect();
            return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
          };
          const times = [];
          const level = () => document.querySelector('[data-testid="zoom-level"]').textContent.trim();
          while (level() !== '25%') {
            const t0 = performance.now();
            document.querySelector('[data-testid="zoom-out"]').click();
            await frame();
            while ([...document.querySelectorAll('.cell-placeholder')].some(inView)) await frame();
            await frame();
            times.push(performance.now() - t0);
          }
          return times;
        });
        zoomMs.push(...zoomed);
        await app.$('[data-testid="zoom-level"]').click(); // back to 100 % for the next launch
      },
      ['--library', library],
    );
  }
} finally {
  await driver.stop();
}

const loadAfter = os.loadavg();
const results = {
  cards,
  runs,
  date: new Date().toISOString().slice(0, 10),
  cpu: os.cpus()[0]?.model ?? 'unknown CPU',
  cores: os.cpus().length,
  loadBefore,
  loadAfter,
  // Set by the app itself when the machine has no GPU (src-tauri/src/painting.rs), or by the user.
  compositing: process.env.WEBKIT_DISABLE_COMPOSITING_MODE ? 'off (set by the caller)' : 'as the app chooses',
  app: process.env.JEJAK_APP ?? 'target/debug/jejak',
  openToPaintMs: { median: quantile(openMs, 0.5), max: Math.max(...openMs), all: openMs.map((x) => +x.toFixed(1)) },
  openMapReadMs: { median: quantile(readMs, 0.5) },
  dragMoveWorkMs: { p50: quantile(moveWork, 0.5), p95: quantile(moveWork, 0.95), max: Math.max(...moveWork) },
  dragFrameIntervalMs: { p50: quantile(frameGaps, 0.5), p95: quantile(frameGaps, 0.95) },
  panFrameIntervalMs: { p50: quantile(panGaps, 0.5), p95: quantile(panGaps, 0.95), max: Math.max(...panGaps) },
  panFramesWithAnEmptyCell: `${panEmpty} of ${runs * 90}`,
  zoomOutToPaintedMs: { median: quantile(zoomMs, 0.5), max: Math.max(...zoomMs), all: zoomMs.map((x) => Math.round(x)) },
};
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));

if (doc) {
  const ms = (x) => `${Math.round(x)} ms`;
  const section = [
    `Results, ${results.date} (\`${results.app}\`; ${machine()}; load averages (1, 5, 15 min) ${loadText(loadBefore)} before, ${loadText(loadAfter)} after; ${runs} launches; \`docs/bench-board-2000.json\`):`,
    '',
    '| measure | median / p50 | p95 | max |',
    '|---|---|---|---|',
    `| open → painted | **${ms(results.openToPaintMs.median)}** | — | ${ms(results.openToPaintMs.max)} |`,
    `| … of which reading the map (IPC) | ${ms(results.openMapReadMs.median)} | — | — |`,
    `| drag move work | ${ms(results.dragMoveWorkMs.p50)} | ${ms(results.dragMoveWorkMs.p95)} | ${ms(results.dragMoveWorkMs.max)} |`,
    `| drag frame interval | ${ms(results.dragFrameIntervalMs.p50)} | **${ms(results.dragFrameIntervalMs.p95)}** | — |`,
    `| pan frame interval | ${ms(results.panFrameIntervalMs.p50)} | ${ms(results.panFrameIntervalMs.p95)} | ${ms(results.panFrameIntervalMs.max)} |`,
    `| zoom out one step → painted (100 % to 25 %, 6 steps) | ${ms(results.zoomOutToPaintedMs.median)} | — | ${ms(results.zoomOutToPaintedMs.max)} |`,
    '',
    `Frames of the pan in which an empty (not yet rendered) cell showed in the view: ${results.panFramesWithAnEmptyCell}.`,
  ].join('\n');
  replaceSection(doc, 'board-bench', section);
}
