// What replaying on a kept control catalogue costs: fetch its documents from the store (gunzip,
// JSON.parse) and build the catalogue from them, against the baseline of building today's
// catalogue from the shipped files, in the same process. Also the kept catalogue's size.
//   npx tsx bench/replay-catalog.ts [--runs N] [--pg postgres://…]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildControlCatalog, loadControlCatalog, ControlSources } from '../src/controls/catalog.js';
import { openStore, type OpenStoreOptions } from '../src/store/open.js';
import { createDatabase, dropDatabase, pgPing } from '../src/store/postgres/admin.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const RUNS = Number(arg('--runs', '9'));
const PG = arg('--pg', 'postgres://postgres@127.0.0.1:5432/postgres');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
async function time(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const shipped = await loadControlCatalog();
const rawFiles = Object.values(shipped.sources.documents).reduce((n, text) => n + Buffer.byteLength(text), 0);
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${RUNS} runs; catalogue ${shipped.version}`);

const rows: [string, string, number][] = [];
const sizes: string[] = [];
async function measure(kind: string, target: OpenStoreOptions): Promise<void> {
  const store = await openStore(target);
  try {
    await store.migrate();
    const putMs = await time(() => store.putControlCatalog(shipped.sha256, shipped.version, shipped.sources.documents));
    const kept = (await store.getControlCatalog(shipped.sha256))!;
    sizes.push(`${kind}: files ${rawFiles} B, as one JSON text ${kept.rawBytes} B, stored (gzip) ${kept.storedBytes} B; first put ${putMs.toFixed(0)} ms`);
    const fromDisk: number[] = [];
    const fetch: number[] = [];
    const build: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      fromDisk.push(await time(async () => (await loadControlCatalog()).close()));
      let documents = kept.documents;
      fetch.push(await time(async () => { documents = (await store.getControlCatalog(shipped.sha256))!.documents; }));
      build.push(await time(() => {
        const c = buildControlCatalog(ControlSources.fromDocuments(documents, 'kept'));
        if (c.sha256 !== shipped.sha256) throw new Error('kept documents hash differently');
        c.close();
      }));
    }
    const base = median(fromDisk);
    rows.push([kind, 'baseline: build from the shipped files', base]);
    rows.push([kind, 'fetch kept documents (SELECT, gunzip, parse)', median(fetch)]);
    rows.push([kind, 'build from kept documents (incl. sha256 check)', median(build)]);
    rows.push([kind, 'fetch + build', median(fetch.map((f, i) => f + build[i]!))]);
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
try {
  await measure('sqlite', { db: join(dir, 'vigil.db') });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (await pgPing(PG)) {
  const name = `vigil_bench_catalog_${process.pid}`;
  const url = await createDatabase(PG, name);
  try {
    await measure('postgres', { databaseUrl: url });
  } finally {
    await dropDatabase(PG, name);
  }
} else {
  console.log(`(PostgreSQL at ${PG} not answering: skipped)`);
}

for (const s of sizes) console.log(s);
const baseOf = (kind: string) => rows.find((r) => r[0] === kind)![2];
console.log(`\n| backend  | step                                             | median ms | × baseline |`);
console.log(`|----------|--------------------------------------------------|----------:|-----------:|`);
for (const [kind, step, ms] of rows) {
  console.log(`| ${kind.padEnd(8)} | ${step.padEnd(48)} | ${ms.toFixed(1).padStart(9)} | ${(ms / baseOf(kind)).toFixed(2).padStart(10)} |`);
}
