// Paths and small helpers shared by the list tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListEntry } from '../../src/model/index.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIX = join(ROOT, 'test/fixtures/lists');
export const CSL_2026 = join(ROOT, 'data/lists/us-csl/consolidated_2026-07-31.csv');
export const UN_2026 = join(ROOT, 'data/lists/un/consolidated_2026-02-27.xml');
export const OFAC_2021 = join(FIX, 'ofac/sdn_2021-07-07');
export const OFAC_2024 = join(FIX, 'ofac/sdn_2024-05-03');
export const NONSDN = join(FIX, 'ofac/nonsdn_2025-12');
export const DPL_2019 = join(FIX, 'bis-dpl/dpl_2019-07-09.txt');
export const DPL_2022 = join(FIX, 'bis-dpl/dpl_2022-09-07.txt');
export const CSL_SAMPLE = join(FIX, 'samples/csl_consolidated_sample_2025-06.csv');
export const CSL_OLD = join(FIX, 'samples/csl_oldformat_sample_2019.csv');
export const UK_SAMPLE = join(FIX, 'samples/uk_ofsi_conlist_sample_2020.csv');

type Ctx = { after(fn: () => unknown): void };

export function tmp(t: Ctx, prefix = 'vigil-lists-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function byId(entries: ListEntry[], id: string): ListEntry {
  const e = entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
}

export function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

/** Run the CLI from source (never a stale build). */
export function vigil(args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI without blocking this process (needed when this process also serves HTTP to it). */
export function vigilAsync(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}
