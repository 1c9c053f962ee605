// The small seam between the shared SQL store and a database driver. Shared SQL is written with
// `?` placeholders; the PostgreSQL executor rewrites them to `$n`.

export interface StatementOptions {
  /**
   * A hot statement of fixed text: keep it prepared (PostgreSQL: a named statement per connection,
   * parsed and planned once — about a quarter of a one-row audit append). SQLite keeps every
   * statement prepared anyway.
   */
  reuse?: boolean;
}

export interface Executor {
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Run a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[], opts?: StatementOptions): Promise<number>;
  /** Single-column results, e.g. the JSON documents of list entries (fast path on SQLite). */
  column<T = unknown>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** What differs between SQLite and PostgreSQL, behind one shape. */
export interface Backend {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;
  /** Largest number of bound parameters we put in one statement. */
  readonly maxParams: number;
  /** Runs outside any transaction (autocommit). */
  readonly root: Executor;
  /**
   * One write transaction. SQLite: BEGIN IMMEDIATE on the connection, other work of this process
   * waits; PostgreSQL: a pooled client.
   */
  transaction<T>(fn: (ex: Executor) => Promise<T>): Promise<T>;
  /** Run `fn` holding the cross-process migration lock. */
  withMigrationLock<T>(fn: (ex: Executor) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: serialise audit appends, or snapshot activations, across processes until
   * the transaction ends.
   */
  lock(ex: Executor, what: 'audit' | 'snapshots'): Promise<void>;
  /**
   * A query that takes the audit lock until the end of its statement's transaction, for one-statement
   * audit appends outside a transaction (PostgreSQL: one round trip instead of five). Undefined
   * where a transaction costs no round trips (SQLite, in-process).
   */
  readonly auditLockQuery?: string;
  /** Inside the activating transaction: tell other instances that snapshots changed. */
  notifySnapshotsChanged(ex: Executor): Promise<void>;
  /** Subscribe to snapshot changes made by any instance (including this one). */
  onSnapshotsChanged(cb: () => void): Promise<() => Promise<void>>;
  /** Check now for a change this process just committed (SQLite's poll; a no-op on PostgreSQL). */
  pokeSnapshotsChanged(): void;
  close(): Promise<void>;
}
