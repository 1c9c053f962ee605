// Reading the shipped reference data under data/controls/. These files ship with the product; a
// missing or unreadable one is a broken installation, so the error names the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from '../app/paths.js';

export const controlsDir = (): string => join(dataDir(), 'controls');

export function readControlsJson<T>(relative: string): T {
  const file = join(controlsDir(), relative);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new Error(`vigil: cannot read control data ${file}: ${(err as Error).message}`);
  }
}

export function readControlsCsv(relative: string): Record<string, string>[] {
  const file = join(controlsDir(), relative);
  try {
    return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (err) {
    throw new Error(`vigil: cannot read control data ${file}: ${(err as Error).message}`);
  }
}
