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

export function reportError(err: unknown): number {
  if (err instanceof VigilInputError) {
    process.stderr.write(`vigil: ${err.message}\n`);
    return EXIT.badInput;
  }
  if (err instanceof VigilRefusal) {
    process.stderr.write(`vigil: refused (${err.code}): ${err.message}\n`);
    return EXIT.refused;
  }
  const e = err as Error;
  process.stderr.write(`vigil: ${e?.message ?? String(err)}\n`);
  if (process.env.VIGIL_DEBUG) process.stderr.write(`${e?.stack}\n`);
  return EXIT.failure;
}
