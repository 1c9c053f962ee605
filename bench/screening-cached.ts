// Screening speed in a process like the CLI or the server: the index loaded from its cache file
// (no list parsing in the process, so a small heap), then single queries and a batch.
//   npx tsx bench/screening-cached.ts DB_FILE [--runs 5] [--n 2000] [--baseline DIR]
// DB_FILE must have been screened once (the cache sits beside it): `./bin/vigil screen x --db DB_FILE`
// imports the bundled lists and writes it.
// Latencies of single screenings, p50/p95/p99 over N queries (half innocent names, half list aliases):
//   first pass   — the first N queries of the process: JIT compilation and caches both cold;
//   cold caches  — fresh names (never screened in this process) after clearCaches(): every query
//                  token looked up afresh; median over the runs;
//   warm         — the same names again right after; median over the runs.
// --baseline DIR: another checkout's src/ (e.g. `git archive <commit> src data package.json | tar -x -C DIR`
// and a node_modules link) loads the same cache bytes in this process; the runs alternate between the
// two, and the table gives both and the ratio, so machine load affects both alike.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { evalPath, readCsv } from './screening-data.js';
import { ScreeningIndex } from '../src/screening/index.js';

const args = process.argv.slice(2);
const db = args[0];
if (!db || db.startsWith('--')) throw new Error('usage: npx tsx bench/screening-cached.ts DB_FILE [--runs 5] [--n 2000] [--baseline DIR]');
const opt = (name: string): string | undefined => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const RUNS = Number(opt('runs') ?? 5);
const N = Number(opt('n') ?? 2000);
const baselineDir = opt('baseline');
const load0 = loadavg();

interface Screener { screen(q: { name: string }): unknown; clearCaches(): void }
const bytes = readFileSync(`${db}.screening-index`);
const header = JSON.parse(bytes.toString('utf8', 12, 12 + bytes.readUInt32LE(8))) as { versions: never[] };
const loads: number[] = [];
let index: ScreeningIndex | undefined;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  index = ScreeningIndex.deserialise(bytes, header.versions);
  loads.push(performance.now() - t);
}
if (!index) throw new Error('cache does not match');
const versions: { label: string; index: Screener }[] = [{ label: 'this', index }];
if (baselineDir) {
  const mod = (await import(resolve(baselineDir, 'src/screening/index.ts'))) as { ScreeningIndex: typeof ScreeningIndex };
  const base = mod.ScreeningIndex.deserialise(bytes, header.versions);
  if (!base) throw new Error(`the baseline in ${baselineDir} does not accept this cache`);
  versions.push({ label: 'baseline', index: base });
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const median = (xs: number[]) => q(xs, 0.5);
const neg = readCsv(evalPath('screening', 'negatives_us.csv')).map((r) => r.full_name!);
const aliases = readCsv(evalPath('pairs', 'ofac_alias_pairs_2024.csv')).map((r) => r.alias_name!).filter(Boolean); // aliases of listed names: queries with hits
// Run 0 is the mix the earlier version of this bench used; each later run takes names no run used before.
const mixOf = (run: number): string[] => Array.from({ length: N }, (_, i) => {
  if (run === 0) return i % 2 ? neg[(i * 7919) % neg.length]! : aliases[(i * 104729) % aliases.length]!;
  const k = (run - 1) * (N / 2) + (i >> 1);
  return i % 2 ? neg[(neg.length - 1 - k) % neg.length]! : aliases[(aliases.length - 1 - k) % aliases.length]!;
});
if ((RUNS * N) / 2 > aliases.length) throw new Error(`--runs × --n / 2 must stay within the ${aliases.length} aliases`);

type Pcts = [number, number, number];
const pcts = (times: number[]): Pcts => [q(times, 0.5), q(times, 0.95), q(times, 0.99)];
const timeAll = (s: Screener, names: string[]): Pcts => pcts(names.map((name) => { const t = performance.now(); s.screen({ name }); return performance.now() - t; }));
const results = new Map(versions.map((v) => [v.label, { first: [0, 0, 0] as Pcts, cold: [] as Pcts[], warm: [] as Pcts[] }]));
for (let run = 0; run <= RUNS; run++) {
  const names = mixOf(run);
  // Alternate which version goes first, so neither always runs on a cooler or hotter machine.
  const order = run % 2 ? [...versions].reverse() : versions;
  for (const v of order) {
    const r = results.get(v.label)!;
    v.index.clearCaches();
    const cold = timeAll(v.index, names);
    if (run === 0) { r.first = cold; continue; }
    r.cold.push(cold);
    r.warm.push(timeAll(v.index, names));
  }
}
const med = (xs: Pcts[]): Pcts => [0, 1, 2].map((k) => median(xs.map((x) => x[k]!))) as Pcts;
const fmt = (p: Pcts) => p.map((x) => x.toFixed(3));
const rows: [string, (r: { first: Pcts; cold: Pcts[]; warm: Pcts[] }) => Pcts][] = [
  ['first pass (JIT and caches cold)', (r) => r.first],
  [`cold caches (median of ${RUNS} runs)`, (r) => med(r.cold)],
  [`warm (median of ${RUNS} runs)`, (r) => med(r.warm)],
];

// A batch of unseen names from cold caches.
const batch = neg.slice(10_000, 30_000);
index.clearCaches();
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const name of batch) index.screen({ name });
const wall = performance.now() - t0;
const c = process.cpuUsage(c0);
const load1 = loadavg();

console.log(`cache load: median ${median(loads).toFixed(0)} ms (${(bytes.length / 1e6).toFixed(1)} MB); ${N} queries per run; load average ${load0.map((x) => x.toFixed(2)).join(' ')} at start, ${load1.map((x) => x.toFixed(2)).join(' ')} at end (2 cores)`);
const base = results.get('baseline');
const mine = results.get('this')!;
console.log(base
  ? '| single screening, ms | p50 | p95 | p99 | baseline p50 | p95 | p99 | p99 ratio |\n|---|---|---|---|---|---|---|---|'
  : '| single screening, ms | p50 | p95 | p99 |\n|---|---|---|---|');
for (const [label, pick] of rows) {
  const p = pick(mine);
  const cells = [label, ...fmt(p)];
  if (base) { const b = pick(base); cells.push(...fmt(b), `×${(p[2] / b[2]).toFixed(2)}`); }
  console.log(`| ${cells.join(' | ')} |`);
}
console.log(`cold-cache p99 per run: ${mine.cold.map((x) => x[2].toFixed(2)).join(', ')}${base ? `; baseline ${base.cold.map((x) => x[2].toFixed(2)).join(', ')}` : ''}`);
console.log(`batch of ${batch.length} unseen names, cold caches: ${Math.round(batch.length / (wall / 1000))} names/s wall, ${Math.round(batch.length / ((c.user + c.system) / 1e6))} names per CPU-second; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
