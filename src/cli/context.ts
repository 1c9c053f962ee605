// What every command shares: global options, opening the application, JSON output, exit codes.
import type { Command } from 'commander';
import { Vigil, type VigilOptions } from '../app/vigil.js';
import { VigilInputError, VigilRefusal } from '../model/errors.js';

export interface GlobalOptions { db?: string; databaseUrl?: string }

export function globalOptions(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals() as { db?: string; databaseUrl?: string };
  return { db: o.db, databaseUrl: o.databaseUrl ?? process.env.VIGIL_DATABASE_URL };
}

/** Open the application for one command and always close it. */
export async function withVigil<T>(cmd: Command, fn: (v: Vigil) => Promise<T>, extra: Partial<VigilOptions> = {}): Promise<T> {
  const v = await Vigil.open({ ...globalOptions(cmd), progress: process.stderr.isTTY === true, ...extra });
  try {
    return await fn(v);
  } finally {
    await v.close();
  }
}

/** One JSON document on stdout, nothing else. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** One JSON Lines record on stdout. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

export const EXIT = { ok: 0, failure: 1, badInput: 2, refused: 3 } as const;

/** Wrap an action: user errors print one line naming file/line/field and exit non-zero, no stack. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

/**
 * `--json` on the command line (before a `--`): errors are then one JSON document on stdout,
 * `{ "error": { "code", "message", "path" } }`, with the same exit code as without it.
 */
export function jsonRequested(argv: readonly string[] = process.argv.slice(2)): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--json') return true;
  }
  return false;
}

export interface ErrorDocument { error: { code: string; message: string; path: string | null } }

/** The JSON error document for an error (the same facts the one-line message gives). */
export function errorDocument(err: unknown): ErrorDocument {
  if (err instanceof VigilInputError) {
    const prefix = err.where ? `${err.where}: ` : '';
    const message = prefix && err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    return { error: { code: 'bad-input', message, path: err.where ?? null } };
  }
  if (err instanceof VigilRefusal) return { error: { code: err.code, message: err.message, path: null } };
  const e = err as Error & { code?: unknown; path?: unknown };
  const code = typeof e?.code === 'string' ? e.code : 'failure';
  return { error: { code, message: e?.message ?? String(err), path: typeof e?.path === 'string' ? e.path : null } };
}

export function reportError(err: unknown, json = jsonRequested()): number {
  const exit = err instanceof VigilInputError ? EXIT.badInput : err instanceof VigilRefusal ? EXIT.refused : EXIT.failure;
  if (json) {
    process.stdout.write(`${JSON.stringify(errorDocument(err))}\n`);
    if (process.env.VIGIL_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    return exit;
  }
  if (err instanceof VigilInputError) {
    process.stderr.write(`vigil: ${err.message}\n`);
    return exit;
  }
  if (err instanceof VigilRefusal) {
    process.stderr.write(`vigil: refused (${err.code}): ${err.message}\n`);
    return exit;
  }
  const e = err as Error;
  process.stderr.write(`vigil: ${e?.message ?? String(err)}\n`);
  if (process.env.VIGIL_DEBUG) process.stderr.write(`${e?.stack}\n`);
  return exit;
}
