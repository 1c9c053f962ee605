// Opens the store: PostgreSQL when a database URL is given (server mode), else the SQLite file at
// --db / VIGIL_DB / ~/.vigil/vigil.db (its directory is created).
import { defaultDbPath } from '../app/paths.js';
import type { Store } from './store.js';
import { SqlStore } from './sql/sql-store.js';
import { SqliteBackend } from './sqlite/sqlite-backend.js';

export interface OpenStoreOptions {
  db?: string;
  databaseUrl?: string;
  /** SQLite only: how often to look for snapshots activated by other processes (ms, default 2000). */
  pollMs?: number;
}

export async function openStore(o: OpenStoreOptions): Promise<Store> {
  if (o.databaseUrl) {
    const { PostgresBackend } = await import('./postgres/pg-backend.js');
    return SqlStore.over(await PostgresBackend.connect(o.databaseUrl));
  }
  return SqlStore.over(new SqliteBackend(o.db ?? defaultDbPath(), { pollMs: o.pollMs }));
}
