import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json and data/ live), from src/ under tsx or dist/ when built. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('vigil: cannot find the package root (package.json beside data/)');
}

export const dataDir = (): string => join(packageRoot(), 'data');

/** SQLite file: --db, else VIGIL_DB, else ~/.vigil/vigil.db. */
export function defaultDbPath(): string {
  return resolve(process.env.VIGIL_DB || join(homedir(), '.vigil', 'vigil.db'));
}
