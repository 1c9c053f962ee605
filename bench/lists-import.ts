// First-use import of the bundled lists (CSL 2026-07-31 + UN 2026-02-27) into a fresh SQLite store,
// end to end (parse, stage, batches, sanity check, activate) — target: under 20 s in total.
//   npx tsx bench/lists-import.ts [--runs N]
// Baseline (same process): parsing both files only, no store. Wall and CPU ms are both shown:
// CPU is steadier on a shared machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledSnapshots, ensureBundledLists } from '../src/lists/bundled.js';
import { parseListFile } from '../src/lists/registry.js';
import { openStore } from '../src/store/open.js';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(fn: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  await fn();
  const u = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000 };
}

const rows: { name: string; wall: number[]; cpu: number[] }[] = [
  { name: 'parse CSL + UN (baseline)', wall: [], cpu: [] },
  { name: 'first-use import CSL + UN', wall: [], cpu: [] },
];
for (let r = 0; r < RUNS; r++) {
  const p = await measure(async () => { for (const b of bundledSnapshots()) await parseListFile(b.format, b.file); });
  rows[0]!.wall.push(p.wall); rows[0]!.cpu.push(p.cpu);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-lists-'));
  const store = await openStore({ db: join(dir, 'vigil.db') });
  await store.migrate();
  const m = await measure(async () => {
    const results = await ensureBundledLists(store);
    if (results.filter((x) => x.status === 'imported').length !== 2) throw new Error('bundled import did not import both lists');
  });
  rows[1]!.wall.push(m.wall); rows[1]!.cpu.push(m.cpu);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
const base = median(rows[0]!.wall);
console.log(`runs: ${RUNS}`);
console.log('| step | median wall ms | median CPU ms | ratio to baseline (wall) |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${median(r.wall).toFixed(0)} | ${median(r.cpu).toFixed(0)} | ${(median(r.wall) / base).toFixed(2)} |`);
