// Where the serialised screening index lives: a binary file beside a SQLite database (read as
// bytes, arrays used in place), or the store's meta table (base64) for PostgreSQL. Either way the
// cache names the snapshots it was built from, so a stale one is simply rebuilt.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Store } from '../store/store.js';

/** Store meta key holding the serialised index when there is no database file to sit beside. */
export const INDEX_CACHE_META_KEY = 'screening.index-cache';

export const cacheFileFor = (store: Store): string | undefined => (store.kind === 'sqlite' ? `${store.location}.screening-index` : undefined);

export async function readIndexCache(store: Store): Promise<Buffer | undefined> {
  const file = cacheFileFor(store);
  if (file) {
    try {
      return readFileSync(file);
    } catch {
      return undefined;
    }
  }
  const text = await store.getMeta(INDEX_CACHE_META_KEY);
  return text ? Buffer.from(text, 'base64') : undefined;
}

export async function writeIndexCache(store: Store, bytes: Buffer): Promise<void> {
  const file = cacheFileFor(store);
  if (file) {
    // Write then rename: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
    } finally {
      rmSync(tmp, { force: true });
    }
    return;
  }
  await store.setMeta(INDEX_CACHE_META_KEY, bytes.toString('base64'));
}
