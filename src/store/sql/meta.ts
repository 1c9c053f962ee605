// Key/value settings, the snapshot generation counter and named sequences.
import type { Executor } from './executor.js';

/** Bumped in every activating transaction; SQLite instances poll it to notice new snapshots. */
export const SNAPSHOT_GENERATION_KEY = 'snapshots.generation';

export async function getMeta(ex: Executor, key: string): Promise<string | undefined> {
  const row = await ex.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
  return row?.value;
}

/** PostgreSQL: hold `key` until the transaction ends (see SqlStore.getMeta). */
export async function lockMetaKey(ex: Executor, key: string): Promise<void> {
  await ex.run("SELECT pg_advisory_xact_lock(hashtext('vigil.meta:' || ?::text))", [key]);
}

export async function setMeta(ex: Executor, key: string, value: string): Promise<void> {
  await ex.run(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, value],
  );
}

export async function nextSequence(ex: Executor, name: string): Promise<number> {
  const row = await ex.get<{ value: number }>(
    'INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value',
    [name],
  );
  return Number(row!.value);
}

export async function bumpSnapshotGeneration(ex: Executor): Promise<void> {
  const current = Number((await getMeta(ex, SNAPSHOT_GENERATION_KEY)) ?? '0');
  await setMeta(ex, SNAPSHOT_GENERATION_KEY, String(current + 1));
}
