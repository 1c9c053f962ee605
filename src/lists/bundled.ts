// First use: import the list snapshots shipped under data/lists/ (see data/lists/bundled.json) for
// every source that has no active snapshot yet. Safe when several processes start at once on a
// fresh database: each may parse, but activation re-checks inside the store's write transaction
// and only the first activates; the others mark their staged copy failed (nothing is corrupted).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../app/paths.js';
import type { Store } from '../store/store.js';
import { importList, type ImportResult } from './import.js';
import { sourceForFormat } from './registry.js';

export interface BundledSnapshot { format: string; path: string; listDate: string }

export function bundledSnapshots(): (BundledSnapshot & { file: string; source: string })[] {
  const dir = join(dataDir(), 'lists');
  const manifest = JSON.parse(readFileSync(join(dir, 'bundled.json'), 'utf8')) as { snapshots: BundledSnapshot[] };
  return manifest.snapshots.map((s) => ({ ...s, file: join(dir, s.path), source: sourceForFormat(s.format).id }));
}

/** Import the snapshots shipped under data/lists/ when the store has no active snapshot for them. */
export async function ensureBundledLists(store: Store, o: { progress?: boolean } = {}): Promise<ImportResult[]> {
  const active = new Set((await store.activeSnapshots()).map((s) => s.source));
  const results: ImportResult[] = [];
  for (const b of bundledSnapshots()) {
    if (active.has(b.source)) continue;
    results.push(await importList(store, { format: b.format, path: b.file, listDate: b.listDate, onlyIfNoActive: true, progress: o.progress }));
  }
  return results;
}
