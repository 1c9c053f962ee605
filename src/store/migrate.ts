// Runs pending migrations under the backend's cross-process lock, recording each in
// schema_version; refuses a database whose schema is newer than this code.
import { VigilRefusal } from '../model/errors.js';
import type { Backend, Executor } from './sql/executor.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import { POSTGRES_DDL, SQLITE_DDL } from './migrations/dialect.js';

const CREATE_SCHEMA_VERSION =
  'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

export async function currentSchemaVersion(ex: Executor): Promise<number> {
  const row = await ex.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
  return Number(row?.v ?? 0);
}

export function assertSchemaKnown(version: number, location: string): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new VigilRefusal(
      `database ${location} has schema version ${version}, newer than this Vigil knows ` +
        `(${LATEST_SCHEMA_VERSION}); upgrade Vigil instead of running an older one against it`,
      'schema-too-new',
    );
  }
}

/** Returns the versions applied by this call (empty when the schema was already current). */
export async function migrate(backend: Backend): Promise<number[]> {
  const ddl = backend.kind === 'sqlite' ? SQLITE_DDL : POSTGRES_DDL;
  return backend.withMigrationLock(async (ex) => {
    await ex.run(CREATE_SCHEMA_VERSION);
    const current = await currentSchemaVersion(ex);
    assertSchemaKnown(current, backend.location);
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      for (const sql of m.statements(ddl)) await ex.run(sql);
      await ex.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version, m.name, new Date().toISOString(),
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
