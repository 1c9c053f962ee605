// Reference tables the mappers use, read once from data/ (data with provenance, not code).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../app/paths.js';

const cache = new Map<string, unknown>();

export function referenceData<T>(relPath: string): T {
  let v = cache.get(relPath);
  if (v === undefined) {
    v = JSON.parse(readFileSync(join(dataDir(), relPath), 'utf8'));
    cache.set(relPath, v);
  }
  return v as T;
}
