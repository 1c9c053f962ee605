// Data for the screening benchmark: the bundled list snapshots (parsed as the product parses them)
// and the evaluation sets under ../shared/eval (a path, since the repository does not ship them).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ListEntry, Snapshot } from '../src/model/index.js';
import { parseListFile } from '../src/lists/registry.js';
import { bundledSnapshots } from '../src/lists/bundled.js';

export const EVAL_DIR = resolve(process.env.VIGIL_EVAL_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'eval'));

export async function bundledEntries(): Promise<{ entries: ListEntry[]; snapshots: Snapshot[] }> {
  const entries: ListEntry[] = [];
  const snapshots: Snapshot[] = [];
  let id = 1;
  for (const b of bundledSnapshots()) {
    const p = await parseListFile(b.format, b.file, { listDate: b.listDate });
    entries.push(...p.entries);
    snapshots.push({
      id: id++, source: p.source, format: p.format, listDate: p.listDate, sha256: p.sha256, fileName: p.fileName,
      entryCount: p.entries.length, nameCount: p.entries.reduce((n, e) => n + e.names.length, 0),
      importedAt: new Date().toISOString(), status: 'active',
    });
  }
  return { entries, snapshots };
}

export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
}

export const evalPath = (...p: string[]): string => join(EVAL_DIR, ...p);
