// Benchmark (not a test): from the app's process start to its library listed, with a library of
// one map and one of 200 maps (40 cards each), 7 launches each, over WebDriver.
//  - process start: the kernel's start time of the app process (/proc/PID/stat, 10 ms ticks since
//    boot), put on the wall clock through /proc/uptime;
//  - listed: the UI's performance mark 'jejak:library-listed' (the frame after the first listing
//    of the maps), on the wall clock through performance.timeOrigin.
// Usage (see docs/benchmarks.md): node bench/startup-bench.mjs WORK_DIR RESULTS.json [DOC.md]
// With DOC.md, the results replace the text between its startup-bench markers. The app is
// JEJAK_APP (make bench-startup: the release build); the libraries are made with the debug tools.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appBinary, repo, startDriver } from '../harness.mjs';
import { loadText, machine, replaceSection } from './report.mjs';

const [work = '../../target/bench/startup', out = 'artifacts/startup-bench.json', doc] = process.argv.slice(2);
const runs = 7;
const cli = path.join(repo, 'target/debug/jejak-cli');

/** A library of `maps` copies of a generated 40-card map. */
function library(maps) {
  const dir = path.join(work, `maps-${maps}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'library.jejak');
  execFileSync(path.join(repo, 'target/debug/examples/generate_library'), [file, '40']);
  if (maps > 1) {
    const json = path.join(dir, 'map.json');
    const id = execFileSync(cli, ['--library', file, 'list'], { encoding: 'utf8' }).split('\t')[0];
    execFileSync(cli, ['--library', file, 'export', '--map', id, '-o', json]);
    for (let i = 1; i < maps; i++) execFileSync(cli, ['--library', file, 'import', '--copy', json]);
  }
  return file;
}

/** Milliseconds since the epoch at which the system booted, from /proc/uptime (10 ms steps). */
function bootEpochMs() {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    samples.push(Date.now() - uptime * 1000);
  }
  return samples.sort((a, b) => a - b)[2];
}

/** The app process started with `lib` (WebKit's helpers share its environment, not its binary). */
function appProcess(lib) {
  const marker = `JEJAK_LIBRARY=${lib}`;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) !== appBinary) continue;
      if (!readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker)) continue;
      return pid;
    } catch {
      // gone, or not ours
    }
  }
  return null;
}

function startedEpochMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return bootEpochMs() + Number(fields[19]) * 10; // field 22: start time in clock ticks (100 Hz)
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
const loadBefore = os.loadavg();
for (const maps of [1, 200]) {
  const lib = library(maps);
  const driver = await startDriver({
    LANG: 'en_US.UTF-8',
    LC_ALL: '',
    JEJAK_LIBRARY: lib,
    JEJAK_CONFIG_DIR: path.join(path.dirname(lib), 'config'),
  });
  const ms = [];
  try {
    for (let run = 0; run < runs; run++) {
      await driver.withApp(async (app) => {
        await app.$('[data-testid="map-row"]').waitForDisplayed({ timeout: 30000 });
        const listed = await app.execute(async () => {
          for (let i = 0; i < 200; i++) {
            const [mark] = performance.getEntriesByName('jejak:library-listed');
            if (mark) return performance.timeOrigin + mark.startTime;
            await new Promise((r) => setTimeout(r, 25));
          }
          return null;
        });
        const pid = appProcess(lib);
        if (!listed || !pid) throw new Error(`no mark (${listed}) or no app process (${pid})`);
        ms.push(listed - startedEpochMs(pid));
      });
    }
  } finally {
    await driver.stop();
  }
  results[maps] = { runs: ms.map((x) => Math.round(x)), median: Math.round(median(ms)) };
  console.log(`${maps} map(s): process start → library listed, median ${results[maps].median} ms`, ms);
}
const loadAfter = os.loadavg();
const app = path.relative(repo, appBinary);
const date = new Date().toISOString().slice(0, 10);
const cpu = machine();
writeFileSync(out, JSON.stringify({ date, app, cpu, loadBefore, loadAfter, runs, results }, null, 2));

if (doc) {
  const row = (maps) =>
    `| ${maps === 1 ? '1 map' : `${maps} maps`} | **${results[maps].median} ms** | ${Math.min(...results[maps].runs)}–${Math.max(...results[maps].runs)} ms |`;
  const section = [
    `Results, ${date} (\`${app}\`; ${cpu}; load averages (1, 5, 15 min) ${loadText(loadBefore)} before, ${loadText(loadAfter)} after; ${runs} launches each; \`docs/bench-startup.json\`):`,
    '',
    '| library | process start → library listed (median) | range |',
    '|---|---|---|',
    row(1),
    row(200),
  ].join('\n');
  replaceSection(doc, 'startup-bench', section);
}
