// SQLite through better-sqlite3: one connection per process, WAL, a busy timeout, and write
// transactions that BEGIN IMMEDIATE so that several processes queue for the write lock instead of
// failing with SQLITE_BUSY when a reader upgrades. better-sqlite3 is synchronous; a transaction
// spans awaits, so while one is open the rest of this process's work on the connection waits.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Backend, Executor } from '../sql/executor.js';
import { SnapshotPoller } from './snapshot-poller.js';
import { writeLockFor, type WriteLock } from './write-lock.js';

type Statement = Database.Statement<unknown[], unknown>;

const BUSY_TIMEOUT_MS = 15_000;

export interface SqliteOptions {
  /** How often other processes' snapshot activations are looked for (ms). */
  pollMs?: number;
}

export class SqliteBackend implements Backend {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  // SQLite ≥ 3.32 allows 32,766 bound parameters; stay well below.
  readonly maxParams = 16_000;
  readonly root: Executor;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Statement>();
  private readonly plucked = new Map<string, Statement>();
  /** This process's write lock on the file; held by whichever connection has a transaction open. */
  private readonly writeLock: WriteLock;
  /** True while this connection has a transaction open (then all its other work waits). */
  private inTransaction = false;
  private readonly inTx: Executor;
  private readonly poller: SnapshotPoller;

  constructor(file: string, opts: SqliteOptions = {}) {
    this.location = resolve(file);
    mkdirSync(dirname(this.location), { recursive: true });
    this.writeLock = writeLockFor(this.location);
    this.db = new Database(this.location);
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma('journal_mode = WAL');
    // FULL: a committed audit event or case survives power loss, not only a process crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.inTx = this.executor(false);
    this.root = this.executor(true);
    this.poller = new SnapshotPoller(this.root, opts.pollMs ?? 2000);
  }

  private prepare(sql: string): Statement {
    return cached(this.statements, sql, () => this.db.prepare(sql));
  }

  private preparePlucked(sql: string): Statement {
    return cached(this.plucked, sql, () => this.db.prepare(sql).pluck());
  }

  /**
   * Run one statement now, or once nothing blocks it: this connection's open transaction blocks
   * everything else on it; another connection's transaction in this process blocks writes.
   * The final check and the statement run in one synchronous step, so nothing slips in between.
   */
  private statement<T>(stmt: () => Statement, exec: (s: Statement) => T, outsideTx: boolean): Promise<T> {
    try {
      const s = stmt();
      const blocked = () => outsideTx && (this.inTransaction || (!s.readonly && this.writeLock.held !== null));
      if (!blocked()) return Promise.resolve(exec(s));
      return (async () => {
        while (blocked()) await this.writeLock.held;
        return exec(s);
      })();
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private executor(outsideTx: boolean): Executor {
    return {
      all: <T>(sql: string, params: readonly unknown[] = []) =>
        this.statement(() => this.prepare(sql), (s) => s.all(...bind(params)) as T[], outsideTx),
      get: <T>(sql: string, params: readonly unknown[] = []) =>
        this.statement(() => this.prepare(sql), (s) => s.get(...bind(params)) as T | undefined, outsideTx),
      run: (sql: string, params: readonly unknown[] = []) =>
        this.statement(() => this.prepare(sql), (s) => s.run(...bind(params)).changes, outsideTx),
      column: <T>(sql: string, params: readonly unknown[] = []) =>
        this.statement(() => this.preparePlucked(sql), (s) => s.all(...bind(params)) as T[], outsideTx),
    };
  }

  transaction<T>(fn: (ex: Executor) => Promise<T>): Promise<T> {
    return this.exclusive('BEGIN IMMEDIATE', fn);
  }

  withMigrationLock<T>(fn: (ex: Executor) => Promise<T>): Promise<T> {
    return this.exclusive('BEGIN EXCLUSIVE', fn);
  }

  private async exclusive<T>(begin: string, fn: (ex: Executor) => Promise<T>): Promise<T> {
    while (this.writeLock.held) await this.writeLock.held;
    const release = this.writeLock.take();
    this.inTransaction = true;
    try {
      this.db.exec(begin);
      try {
        const result = await fn(this.inTx);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.inTransaction = false;
      release();
    }
  }

  // BEGIN IMMEDIATE already holds the database's single write lock for the whole transaction.
  async lock(): Promise<void> {}

  // Other processes see the bumped generation counter (written by the store) on their next poll.
  async notifySnapshotsChanged(): Promise<void> {}

  onSnapshotsChanged(cb: () => void): Promise<() => Promise<void>> {
    return this.poller.subscribe(cb);
  }

  pokeSnapshotsChanged(): void {
    this.poller.poke();
  }

  async close(): Promise<void> {
    this.poller.stop();
    while (this.inTransaction && this.writeLock.held) await this.writeLock.held;
    if (this.db.open) this.db.close();
  }
}

/** Prepared statements by SQL text; the oldest are dropped past a bound (batch tails vary in size). */
const MAX_CACHED = 500;
function cached(cache: Map<string, Statement>, sql: string, prepare: () => Statement): Statement {
  let s = cache.get(sql);
  if (!s) {
    s = prepare();
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(sql, s);
  }
  return s;
}

/** better-sqlite3 binds neither undefined nor booleans. */
function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}
