// A v1 → v2 schema upgrade with data in it, on SQLite and on PostgreSQL: a database created by
// the first migration only, holding audit events, meta and a case, is upgraded by migrate(); the
// data is intact, the audit chain still verifies, and the v2 table (control catalogues) works.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditChain } from '../../src/cases/audit-trail.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { POSTGRES_DDL, SQLITE_DDL } from '../../src/store/migrations/dialect.js';
import { openStore, type OpenStoreOptions } from '../../src/store/open.js';
import { PostgresBackend } from '../../src/store/postgres/pg-backend.js';
import { SqliteBackend } from '../../src/store/sqlite/sqlite-backend.js';
import { rawSql, storeBackends } from '../support/stores.js';

/** Create the schema as version 1 left it (what a database made by the first release holds). */
async function createV1(target: OpenStoreOptions): Promise<void> {
  const backend = target.databaseUrl ? await PostgresBackend.connect(target.databaseUrl) : new SqliteBackend(target.db!);
  try {
    const ddl = backend.kind === 'sqlite' ? SQLITE_DDL : POSTGRES_DDL;
    await backend.withMigrationLock(async (ex) => {
      await ex.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const v1 = MIGRATIONS.find((m) => m.version === 1)!;
      for (const sql of v1.statements(ddl)) await ex.run(sql);
      await ex.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [1, v1.name, '2026-01-01T00:00:00.000Z']);
    });
  } finally {
    await backend.close();
  }
}

for (const b of await storeBackends()) {
  describe(`schema upgrade v1 → v2 with data (${b.kind})`, { skip: b.skip }, () => {
    test('the data written under v1 survives the upgrade; the chain verifies; v2 tables work', async (t) => {
      const target = await b.target(t);
      await createV1(target);
      const old = await openStore(target);
      for (let i = 0; i < 5; i++) await old.appendAudit({ actor: 'v1', action: 'test.event', subject: `e${i}`, detail: { i } });
      await old.setMeta('written.by', 'v1');
      const before = await old.listAudit();
      await old.close();
      assert.deepEqual((await rawSql(target, 'SELECT MAX(version) AS v FROM schema_version')).map((r) => Number(r.v)), [1]);

      const store = await openStore(target);
      t.after(() => store.close());
      await store.migrate();
      assert.deepEqual((await rawSql(target, 'SELECT version FROM schema_version ORDER BY version')).map((r) => Number(r.version)), MIGRATIONS.map((m) => m.version));
      assert.deepEqual(await store.listAudit(), before);
      assert.equal(await store.getMeta('written.by'), 'v1');
      assert.equal((await verifyAuditChain(store)).ok, true);
      await store.appendAudit({ actor: 'v2', action: 'test.event', subject: 'after' });
      assert.equal((await verifyAuditChain(store)).events, 6);
      await store.putControlCatalog('c'.repeat(64), 'test-1', { 'x/y.json': '{"a":1}' });
      assert.equal((await store.getControlCatalog('c'.repeat(64)))?.version, 'test-1');
      // Migrating again is a no-op.
      await store.migrate();
      assert.equal((await rawSql(target, 'SELECT COUNT(*) AS n FROM schema_version')).map((r) => Number(r.n))[0], MIGRATIONS.length);
    });
  });
}
