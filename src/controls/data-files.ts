// Reading the shipped reference data under data/controls/. These files ship with the product; a
// missing or unreadable one is a broken installation, so the error names the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from '../app/paths.js';

export const controlsDir = (): string => join(dataDir(), 'controls');

/** The text of one data file; `where` names it in the error (a path on disk or a kept copy). */
export function parseControlsJson<T>(text: string, where: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(`vigil: cannot read control data ${where}: ${(err as Error).message}`);
  }
}

export function parseControlsCsv(text: string, where: string): Record<string, string>[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (err) {
    throw new Error(`vigil: cannot read control data ${where}: ${(err as Error).message}`);
  }
}

export function readControlsText(relative: string): string {
  const file = join(controlsDir(), relative);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`vigil: cannot read control data ${file}: ${(err as Error).message}`);
  }
}

export function readControlsJson<T>(relative: string): T {
  return parseControlsJson<T>(readControlsText(relative), join(controlsDir(), relative));
}

export function readControlsCsv(relative: string): Record<string, string>[] {
  return parseControlsCsv(readControlsText(relative), join(controlsDir(), relative));
}
