// Screening speed in a process like the CLI or the server: the index loaded from its cache file
// (no list parsing in the process, so a small heap), then single queries and a batch.
//   npx tsx bench/screening-cached.ts DB_FILE   (the DB must have been screened once: the cache sits beside it)
import { readFileSync } from 'node:fs';
import { evalPath, readCsv } from './screening-data.js';
import { ScreeningIndex } from '../src/screening/index.js';

const db = process.argv[2];
if (!db) throw new Error('usage: npx tsx bench/screening-cached.ts DB_FILE');
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
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const neg = readCsv(evalPath('screening', 'negatives_us.csv')).map((r) => r.full_name!);
const lists = readCsv(evalPath('pairs', 'ofac_alias_pairs_2024.csv')).map((r) => r.alias_name!).filter(Boolean); // aliases of listed names: queries with hits
const mix = Array.from({ length: 2000 }, (_, i) => (i % 2 ? neg[(i * 7919) % neg.length]! : lists[(i * 104729) % lists.length]!));
const rows: string[][] = [];
for (let run = 0; run < 4; run++) {
  if (run === 0) index.clearCaches();
  const times = mix.map((name) => { const t = performance.now(); index!.screen({ name }); return performance.now() - t; });
  rows.push([run === 0 ? 'cold token caches' : `warm run ${run}`, q(times, 0.5).toFixed(3), q(times, 0.99).toFixed(3)]);
}
const batch = neg.slice(10_000, 30_000);
index.clearCaches();
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const name of batch) index.screen({ name });
const wall = performance.now() - t0;
const c = process.cpuUsage(c0);
console.log(`cache load: median ${q(loads, 0.5).toFixed(0)} ms (${(bytes.length / 1e6).toFixed(1)} MB)`);
console.log('| run | p50 ms | p99 ms |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`batch of ${batch.length} unseen names, cold caches: ${Math.round(batch.length / (wall / 1000))} names/s wall, ${Math.round(batch.length / ((c.user + c.system) / 1e6))} names per CPU-second; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
