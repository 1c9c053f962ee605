// One factory for the store test suite: the same tests run on every backend.
//
//   for (const b of await storeBackends())   // at the top level of the test file describe(`… (${b.kind})`, { skip: b.skip }, () => {
//     test('…', async (t) => { const target = await b.target(t); const store = await openTestStore(t, target); … });
//   });
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openStore, type OpenStoreOptions } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { SqliteBackend } from '../../src/store/sqlite/sqlite-backend.js';
import { PostgresBackend } from '../../src/store/postgres/pg-backend.js';
import { pgSchemaFactory, pgTestServer } from './pg.js';

type Ctx = TestContext | { after(fn: () => unknown): void };

export interface StoreBackendFixture {
  kind: 'sqlite' | 'postgres';
  /** false, or why this backend's tests are skipped. */
  skip: string | false;
  /** A new empty database for one test (removed when the test ends). */
  target(t: Ctx): Promise<OpenStoreOptions>;
}

/** A fresh temp directory, removed when the test ends. */
export function tempDir(t: Ctx, prefix = 'vigil-store-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Call at the top level of a test file (PostgreSQL targets share one database per file). */
export async function storeBackends(): Promise<StoreBackendFixture[]> {
  const pg = await pgTestServer();
  const freshPgSchema = pgSchemaFactory();
  return [
    { kind: 'sqlite', skip: false, target: async (t) => ({ db: join(tempDir(t), 'vigil.db'), pollMs: 50 }) },
    { kind: 'postgres', skip: pg.skip, target: async (t) => ({ databaseUrl: (await freshPgSchema(t)).url }) },
  ];
}

/** Open and migrate a store on `target`; closed when the test ends. */
export async function openTestStore(t: Ctx, target: OpenStoreOptions): Promise<Store> {
  const store = await openStore(target);
  t.after(() => store.close());
  await store.migrate();
  return store;
}

/**
 * Raw SQL against a store's database, for tests that must tamper with it behind the store's back
 * (edit an audit row, fake a newer schema). `?` placeholders on both backends.
 */
export async function rawSql(target: OpenStoreOptions, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const backend = target.databaseUrl ? await PostgresBackend.connect(target.databaseUrl) : new SqliteBackend(target.db!);
  try {
    if (/^\s*(select|with)\b/i.test(sql) || /\breturning\b/i.test(sql)) return await backend.root.all(sql, params);
    await backend.root.run(sql, params);
    return [];
  } finally {
    await backend.close();
  }
}
