// Shared set-up for the cases tests: a real Vigil on a temp SQLite file with two tiny list
// snapshots (so neither the tests nor the CLI they spawn import the bundled lists), fixture
// transactions, and a way to run the real CLI.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vigil } from '../../src/app/vigil.js';
import type { ListEntry, Snapshot, Transaction } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import type { Actor } from '../../src/cases/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cases');
export const OFFICER: Actor = { id: 'test:officer', role: 'officer' };
export const READER: Actor = { id: 'test:reader', role: 'reader' };

type Ctx = { after(fn: () => unknown): void };

export function tempDir(t: Ctx, prefix = 'vigil-cases-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function fixtureTx(name: string): Transaction {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Transaction;
}

export function entry(source: string, sourceId: string, name: string, extra: Partial<ListEntry> = {}): ListEntry {
  return {
    id: `${source}:${sourceId}`, source, list: source === 'un' ? 'UN List' : 'Entity List', sourceId,
    type: 'organization', names: [{ name, kind: 'primary' }], countries: ['LY'], programs: ['TEST'],
    birthDates: [], identifiers: [], addresses: [], ...extra,
  };
}

/** Stage, fill and activate one snapshot (the previous active one of the source is superseded). */
export async function activateSnapshot(store: Store, source: string, listDate: string, entries: ListEntry[]): Promise<Snapshot> {
  const s = await store.createSnapshot({ source, format: source, listDate, sha256: `${source}-${listDate}-${entries.length}`.padEnd(64, '0'), fileName: `${source}-${listDate}.test` });
  await store.addEntries(s.id, entries);
  return store.activateSnapshot(s.id);
}

/** The two sources the bundled lists cover, with a few unrelated entries each. */
export async function seedLists(store: Store): Promise<void> {
  await activateSnapshot(store, 'un', '2026-02-27', [entry('un', 'QDe.001', 'Example Listed Front Company')]);
  await activateSnapshot(store, 'us-csl', '2026-07-31', [
    entry('us-csl', 'E1', 'Sample Procurement Bureau'),
    entry('us-csl', 'E2', 'Tripoli Sample Trading Establishment'),
  ]);
}

/** A Vigil on a fresh SQLite file with the small lists; closed when the test ends. */
export async function openVigil(t: Ctx, db?: string): Promise<{ vigil: Vigil; db: string }> {
  const file = db ?? join(tempDir(t), 'vigil.db');
  const vigil = await Vigil.open({ db: file, bundled: false, actor: 'test:runner' });
  t.after(() => vigil.close().catch(() => {})); // tests may close it earlier to hand the file to the CLI
  if ((await vigil.store.activeSnapshots()).length === 0) await seedLists(vigil.store);
  return { vigil, db: file };
}

export interface CliResult { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Run the real CLI (TypeScript through tsx, never a stale build). */
export function runCli(db: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--db', db, ...args], {
      cwd: ROOT, env: { ...process.env, VIGIL_ACTOR: 'test:cli', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** The one JSON document a `--json` command printed (fails the test on anything else). */
export function json<T = any>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`expected one JSON document on stdout (exit ${r.status}); stdout: ${r.stdout.slice(0, 500)} stderr: ${r.stderr.slice(0, 500)}`);
  }
}
