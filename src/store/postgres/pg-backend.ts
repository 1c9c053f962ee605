// PostgreSQL through a pg pool. Shared SQL uses `?` placeholders, rewritten here to `$n`.
// Cross-process serialisation uses advisory locks; snapshot changes travel by LISTEN/NOTIFY.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Backend, Executor, StatementOptions } from '../sql/executor.js';
import { SnapshotListener, SNAPSHOT_CHANNEL } from './snapshot-listener.js';
import { redactUrl, withDefaultUser } from './url.js';

/** Advisory lock keys (arbitrary, fixed: every Vigil process must use the same ones). */
const MIGRATION_LOCK = 7_346_100;
const AUDIT_LOCK = 7_346_101;
const SNAPSHOTS_LOCK = 7_346_102;

// int8 (COUNT, BIGINT columns) as JS numbers for this pool only: ids and counters stay far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const placeholderCache = new Map<string, string>();

/** `?` → `$1, $2…` (our SQL never has a literal `?`). */
export function toPgPlaceholders(sql: string): string {
  let out = placeholderCache.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (placeholderCache.size < 5000) placeholderCache.set(sql, out);
  }
  return out;
}

const statementNames = new Map<string, string>();

/** A stable name per statement text: pg prepares a named statement once per connection. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `vigil_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

type Queryable = pg.Pool | pg.PoolClient;

function executor(q: Queryable): Executor {
  const values = (params: readonly unknown[]) => params.map((p) => (p === undefined ? null : p));
  const query = (sql: string, params: readonly unknown[] = [], opts?: StatementOptions): Promise<pg.QueryResult> =>
    q.query({ text: toPgPlaceholders(sql), values: values(params), ...(opts?.reuse ? { name: statementName(sql) } : {}) });
  const queryArrays = (sql: string, params: readonly unknown[] = []): Promise<pg.QueryArrayResult> =>
    q.query({ text: toPgPlaceholders(sql), values: values(params), rowMode: 'array' });
  return {
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: readonly unknown[], opts?: StatementOptions) => (await query(sql, params, opts)).rowCount ?? 0,
    column: async <T>(sql: string, params?: readonly unknown[]) => (await queryArrays(sql, params)).rows.map((r) => r[0] as T),
  };
}

export class PostgresBackend implements Backend {
  readonly kind = 'postgres' as const;
  readonly maxParams = 30_000;
  readonly root: Executor;
  private readonly listener: SnapshotListener;

  private constructor(private readonly pool: pg.Pool, readonly location: string, url: string) {
    this.root = executor(pool);
    this.listener = new SnapshotListener(url, types);
  }

  static async connect(givenUrl: string): Promise<PostgresBackend> {
    const url = withDefaultUser(givenUrl);
    const pool = new pg.Pool({ connectionString: url, types, max: 10, idleTimeoutMillis: 10_000 });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', (err) => {
      if (process.env.VIGIL_DEBUG) process.stderr.write(`vigil: idle PostgreSQL client error: ${err.message}\n`);
    });
    const backend = new PostgresBackend(pool, redactUrl(url), url);
    try {
      await pool.query('SELECT 1');
    } catch (err) {
      await pool.end().catch(() => {});
      throw new Error(`cannot connect to PostgreSQL at ${backend.location}: ${(err as Error).message}`);
    }
    return backend;
  }

  async transaction<T>(fn: (ex: Executor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => { broken = e; });
        throw err;
      }
    } finally {
      client.release(broken);
    }
  }

  // One transaction holding a transaction-level advisory lock: concurrent starters wait, then
  // find the schema current. PostgreSQL DDL is transactional, so a failed migration leaves nothing.
  withMigrationLock<T>(fn: (ex: Executor) => Promise<T>): Promise<T> {
    return this.transaction(async (ex) => {
      await ex.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      return fn(ex);
    });
  }

  // Audit: seq and prevHash are read then written. Snapshots: two concurrent activations of one
  // source would otherwise both see the same "previous active" under READ COMMITTED.
  async lock(ex: Executor, what: 'audit' | 'snapshots'): Promise<void> {
    await ex.run('SELECT pg_advisory_xact_lock(?)', [what === 'audit' ? AUDIT_LOCK : SNAPSHOTS_LOCK]);
  }

  readonly auditLockQuery = `SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;

  // Delivered to listeners only if the activating transaction commits.
  async notifySnapshotsChanged(ex: Executor): Promise<void> {
    await ex.run(`SELECT pg_notify('${SNAPSHOT_CHANNEL}', '')`);
  }

  onSnapshotsChanged(cb: () => void): Promise<() => Promise<void>> {
    return this.listener.subscribe(cb);
  }

  pokeSnapshotsChanged(): void {}

  async close(): Promise<void> {
    await this.listener.stop();
    await this.pool.end();
  }
}
