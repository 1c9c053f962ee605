// Reading the shipped reference data under data/controls/. These files ship with the product; a
// missing or unreadable one is a broken installation, so the error names the file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from '../app/paths.js';

export const controlsDir = (): string => join(dataDir(), 'controls');

/** SHA-256 of each data file as last read, so an answer can name the exact data it used. */
const digests = new Map<string, string>();

function readText(relative: string, file: string): string {
  const text = readFileSync(file, 'utf8');
  digests.set(relative, createHash('sha256').update(text).digest('hex'));
  return text;
}

/** One short fingerprint over the given data files as last read. */
export function dataFingerprint(files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort()) h.update(`${f}:${digests.get(f) ?? 'unread'}\n`);
  return h.digest('hex').slice(0, 12);
}

/** Every data file read so far. */
export function filesRead(): string[] {
  return [...digests.keys()];
}

export function readControlsJson<T>(relative: string): T {
  const file = join(controlsDir(), relative);
  try {
    return JSON.parse(readText(relative, file)) as T;
  } catch (err) {
    throw new Error(`vigil: cannot read control data ${file}: ${(err as Error).message}`);
  }
}

export function readControlsCsv(relative: string): Record<string, string>[] {
  const file = join(controlsDir(), relative);
  try {
    return parse(readText(relative, file), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (err) {
    throw new Error(`vigil: cannot read control data ${file}: ${(err as Error).message}`);
  }
}
