// Store import/load benchmark on the real US CSL (2026-07-31) and UN (2026-02-27) lists.
//   npx tsx bench/store.ts [--runs N] [--batch N] [--pg postgres://…]
// For each backend: write both lists as staged snapshots (addEntries in batches) and activate
// them; then loadEntries for both. Baseline (same process): JSON.parse of the same documents
// held in memory — the floor any store that keeps JSON documents can reach.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseListFile } from '../src/lists/registry.js';
import type { ListEntry } from '../src/model/index.js';
import { openStore, type OpenStoreOptions } from '../src/store/open.js';
import { createDatabase, dropDatabase, pgPing } from '../src/store/postgres/admin.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('--runs', '5'));
const BATCH = Number(arg('--batch', '2000'));
const PG = arg('--pg', 'postgres://postgres@127.0.0.1:5432/postgres');
const LISTS = join(import.meta.dirname, '..', '..', 'shared', 'data', 'lists');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let lastCpuMs = 0;
/** Wall ms; also leaves this process's CPU ms in lastCpuMs (steadier on a shared machine). */
async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = await fn();
  const u = process.cpuUsage(c);
  lastCpuMs = (u.user + u.system) / 1000;
  return [performance.now() - t, r];
}

const [parseMs, parsed] = await time(() => Promise.all([
  parseListFile('csl', join(LISTS, 'us-csl', 'consolidated_2026-07-31.csv')),
  parseListFile('un-xml', join(LISTS, 'un', 'consolidated_2026-02-27.xml')),
]));
const total = parsed.reduce((n, p) => n + p.entries.length, 0);
console.log(`parsed ${parsed.map((p) => `${p.source} ${p.entries.length}`).join(', ')} = ${total} entries in ${parseMs.toFixed(0)} ms`);

async function importAll(target: OpenStoreOptions): Promise<number[]> {
  const store = await openStore(target);
  await store.migrate();
  const ids: number[] = [];
  for (const p of parsed) {
    const s = await store.createSnapshot({ source: p.source, format: p.format, listDate: p.listDate, sha256: p.sha256, fileName: p.fileName });
    for (let i = 0; i < p.entries.length; i += BATCH) await store.addEntries(s.id, p.entries.slice(i, i + BATCH));
    await store.activateSnapshot(s.id);
    ids.push(s.id);
  }
  await store.close();
  return ids;
}

async function loadAll(target: OpenStoreOptions, ids: number[]): Promise<ListEntry[]> {
  const store = await openStore(target);
  try {
    return await store.loadEntries(ids);
  } finally {
    await store.close();
  }
}

const docs = parsed.flatMap((p) => p.entries.map((e) => JSON.stringify(e)));
const bytes = docs.reduce((n, d) => n + d.length, 0);
const baseline: number[] = [];
const baselineCpu: number[] = [];
for (let r = 0; r < RUNS; r++) {
  baseline.push((await time(() => docs.map((d) => JSON.parse(d))))[0]);
  baselineCpu.push(lastCpuMs);
}
const base = median(baseline);
const baseCpu = median(baselineCpu);

const rows: string[][] = [['backend', 'import ms', 'import cpu ms', 'load ms', 'load cpu ms', 'load / baseline (wall)', 'load / baseline (cpu)', 'entries']];
rows.push(['baseline: JSON.parse in memory', '-', '-', base.toFixed(0), baseCpu.toFixed(0), '1.00', '1.00', String(docs.length)]);

const backends: [string, () => Promise<{ target: OpenStoreOptions; cleanup: () => Promise<void> }>][] = [
  ['sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
    return { target: { db: join(dir, 'vigil.db') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }],
];
if (await pgPing(PG)) {
  backends.push(['postgres', async () => {
    const name = `vigil_bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
    const url = await createDatabase(PG, name);
    return { target: { databaseUrl: url }, cleanup: () => dropDatabase(PG, name) };
  }]);
} else {
  console.log(`(PostgreSQL not answering at ${PG}: sqlite only)`);
}

for (const [name, make] of backends) {
  const imports: number[] = [];
  const loads: number[] = [];
  const importCpu: number[] = [];
  const loadCpu: number[] = [];
  let loaded = 0;
  for (let r = 0; r < RUNS; r++) {
    const { target, cleanup } = await make();
    try {
      const [im, ids] = await time(() => importAll(target));
      imports.push(im);
      importCpu.push(lastCpuMs);
      const [lm, entries] = await time(() => loadAll(target, ids));
      loads.push(lm);
      loadCpu.push(lastCpuMs);
      loaded = entries.length;
    } finally {
      await cleanup();
    }
  }
  const load = median(loads);
  const lc = median(loadCpu);
  rows.push([name, median(imports).toFixed(0), median(importCpu).toFixed(0), load.toFixed(0), lc.toFixed(0),
    (load / base).toFixed(2), (lc / baseCpu).toFixed(2), String(loaded)]);
}

console.log(`\nmedians of ${RUNS} runs, batch ${BATCH}, ${(bytes / 1e6).toFixed(1)} MB of JSON documents; cpu = this process only (not the PostgreSQL server)\n`);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((v, c) => v.padEnd(widths[c])).join('  '));
