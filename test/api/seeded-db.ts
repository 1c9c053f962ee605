// A SQLite database with the bundled lists imported (and the screening index cached), built once
// per machine and copied for each test: the real importer, paid for once instead of per test file.
// The cache key covers everything that shapes the database — list data, importers, store schema,
// screening code — so a change to any of them builds a fresh seed.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vigil } from '../../src/app/vigil.js';
import { ROOT, tempDir } from './support.js';

const INPUTS = ['data/lists', 'src/lists', 'src/store', 'src/screening', 'src/matching', 'data/matching'];

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) hashTree(h, p);
    else { h.update(p.slice(ROOT.length)); h.update(readFileSync(p)); }
  }
}

let seedPath: Promise<string> | undefined;

function seed(): Promise<string> {
  seedPath ??= (async () => {
    const h = createHash('sha256');
    for (const d of INPUTS) hashTree(h, join(ROOT, d));
    const dir = join(tmpdir(), 'vigil-test-seed');
    const file = join(dir, `${h.digest('hex').slice(0, 24)}.db`);
    if (existsSync(file)) return file;
    mkdirSync(dir, { recursive: true });
    const building = `${file}.${process.pid}.building`;
    const v = await Vigil.open({ db: building });
    await v.screening();
    await v.close();
    // Another process may have finished first; either copy is complete and equal.
    renameSync(building, file);
    if (existsSync(`${building}.screening-index`)) renameSync(`${building}.screening-index`, `${file}.screening-index`);
    for (const ext of ['-wal', '-shm']) rmSync(`${building}${ext}`, { force: true });
    return file;
  })();
  return seedPath;
}

/** A fresh copy of the seeded database in a temp dir removed after the test. */
export async function seededDb(t: { after(fn: () => unknown): void }): Promise<string> {
  const target = join(tempDir(t, 'vigil-seeded-'), 'vigil.db');
  const source = await seed();
  copyFileSync(source, target);
  // The screening index cache sits beside the database file (src/screening/index-cache.ts).
  if (existsSync(`${source}.screening-index`)) copyFileSync(`${source}.screening-index`, `${target}.screening-index`);
  return target;
}
