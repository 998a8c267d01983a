// What the benchmarks share when they write their figures into docs/benchmarks.md.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** The machine, e.g. "AMD EPYC, 2 cores". */
export const machine = () => `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`;

/** Load averages (1, 5, 15 min) as written in the doc: "1.21 1.35 1.29". */
export const loadText = (load) => load.map((x) => x.toFixed(2)).join(' ');

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in `doc` by `section`. */
export function replaceSection(doc, name, section) {
  const text = readFileSync(doc, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const [before, rest] = text.split(start);
  if (rest === undefined || !rest.includes(end)) throw new Error(`${doc} has no ${start} … ${end} section`);
  writeFileSync(doc, `${before}${start}\n${section}\n${end}${rest.slice(rest.indexOf(end) + end.length)}`);
}
