// Server-mode test helpers: a Vigil instance on a test PostgreSQL database, `vigil worker` and
// `vigil serve` child processes, and polling.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Vigil } from '../../src/app/vigil.js';
import { bundledSnapshots } from '../../src/lists/bundled.js';
import type { ListEntry } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';

export const ROOT = new URL('../..', import.meta.url).pathname;

interface Hooks { after(fn: () => unknown): void }

/** One Vigil instance on `databaseUrl` (no bundled lists: tests bring their own), closed after the test. */
export async function openInstance(t: Hooks, databaseUrl: string): Promise<Vigil> {
  const v = await Vigil.open({ databaseUrl, bundled: false });
  t.after(() => v.close());
  return v;
}

export interface CliProcess {
  child: ChildProcess;
  /** The first stdout line, parsed (the `--json` ready/listening line). */
  ready: Promise<Record<string, unknown>>;
  stderr(): string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Start `vigil <args…> --json` from source; stopped (SIGTERM) when the test ends. */
export function startCli(t: Hooks, args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args, '--json'], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vigil ${args[0]} not ready in 90 s: ${stderr}`)), 90_000);
    child.stdout!.on('data', (d) => {
      stdout += d;
      const nl = stdout.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(JSON.parse(stdout.slice(0, nl))); }
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`vigil ${args[0]} exited ${code}: ${stderr}`)); });
  });
  ready.catch(() => {}); // observed by the caller; avoid an unhandled rejection after a deliberate kill
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  t.after(() => stop('SIGKILL'));
  return { child, ready, stderr: () => stderr, exited, stop };
}

/** Poll `fn` every `everyMs` until it returns a value other than undefined, or fail after `timeoutMs`. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A listed organisation with one name, for snapshots the tests import. */
export function entry(source: string, n: number, name: string): ListEntry {
  return {
    id: `${source}:${n}`, source, list: 'Test List', sourceId: String(n), type: 'organization',
    names: [{ name, kind: 'primary' }], countries: ['LY'], programs: ['TEST'], birthDates: [], identifiers: [], addresses: [],
  };
}

/** Stage, fill and activate a snapshot of `source` (what `vigil lists import` does). */
export async function importSnapshot(store: Store, source: string, entries: ListEntry[], listDate: string): Promise<number> {
  const snap = await store.createSnapshot({ source, format: 'test', listDate, sha256: `${source}-${listDate}`.padEnd(64, '0'), fileName: `${source}.json` });
  await store.addEntries(snap.id, entries);
  await store.activateSnapshot(snap.id);
  return snap.id;
}

/**
 * Cleanups that run last-registered-first (node:test runs `after` hooks in registration order):
 * close the instances and queues before the database they use is dropped.
 */
export function cleanupStack(t: Hooks): Hooks {
  const fns: (() => unknown)[] = [];
  t.after(async () => {
    for (const fn of fns.reverse()) await fn();
  });
  return { after: (fn) => { fns.push(fn); } };
}

/**
 * `vigil serve` imports the shipped lists into a database that lacks them (tens of seconds on
 * PostgreSQL, in every server started at once). Tests about instances do not need them: give each
 * bundled source a one-entry snapshot so that the servers start at once.
 */
export async function placeholderBundledLists(store: Store): Promise<void> {
  const active = new Set((await store.activeSnapshots()).map((s) => s.source));
  for (const b of bundledSnapshots()) {
    if (!active.has(b.source)) await importSnapshot(store, b.source, [entry(b.source, 1, 'Placeholder Entity For Tests')], b.listDate);
  }
}
