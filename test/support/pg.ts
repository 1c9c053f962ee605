// PostgreSQL for tests: each test file gets its own database (vigil_t_<random>), created through
// the `postgres` maintenance database and dropped afterwards, so parallel files never collide.
//
//   const pg = await pgTestServer();              // skip reason or null; throws under CI
//   test('…', { skip: pg.skip }, async (t) => { const db = await freshPgDatabase(t); … db.url … });
//
// Server: $VIGIL_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres (trust auth).
import { randomBytes } from 'node:crypto';
import { after, type TestContext } from 'node:test';
import { createDatabase, createSchema, dropDatabase, pgPing } from '../../src/store/postgres/admin.js';

export const PG_SERVER_URL = process.env.VIGIL_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let available: Promise<boolean> | undefined;

/** Whether the test server answers (asked once per process). */
export function pgAvailable(): Promise<boolean> {
  available ??= pgPing(PG_SERVER_URL);
  return available;
}

/**
 * `skip` is false when PostgreSQL answers, else a message for node:test's skip option.
 * Under CI a missing server is a failure, never a skip: this throws.
 */
export async function pgTestServer(): Promise<{ skip: string | false }> {
  if (await pgAvailable()) return { skip: false };
  const why = `PostgreSQL not answering at ${PG_SERVER_URL.replace(/:[^:@/]*@/, ':***@')}`;
  if (process.env.CI) throw new Error(`${why}, and CI is set: PostgreSQL tests must run under CI`);
  return { skip: `${why} (start PostgreSQL 15 or set VIGIL_TEST_PG_URL to run these tests)` };
}

export interface FreshPgDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A new empty database. With a test context it is dropped when the test ends; otherwise call
 * drop() yourself.
 */
export async function freshPgDatabase(t?: TestContext | { after(fn: () => Promise<void>): void }): Promise<FreshPgDatabase> {
  const name = `vigil_t_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(PG_SERVER_URL, name);
  let dropped = false;
  const db: FreshPgDatabase = {
    name,
    url,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await dropDatabase(PG_SERVER_URL, name);
    },
  };
  t?.after(() => db.drop());
  return db;
}

/**
 * Fresh empty schemas in one database shared by a test file: far cheaper than a database per test
 * (~5 ms against ~500 ms). Call at the TOP LEVEL of a test file (it registers the file-level hook
 * that drops the database). Each schema's URL sets search_path, so everything the store creates
 * lands in it. Advisory locks and NOTIFY channels are per database: tests of one file sharing it
 * must not run concurrently (node:test's default within a file).
 */
export function pgSchemaFactory(): (t?: unknown) => Promise<{ url: string; schema: string }> {
  let shared: Promise<FreshPgDatabase> | undefined;
  after(async () => { if (shared) await (await shared).drop(); });
  return async () => {
    shared ??= freshPgDatabase();
    const db = await shared;
    const schema = `s_${randomBytes(6).toString('hex')}`;
    await createSchema(db.url, schema);
    const u = new URL(db.url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    // No per-test DROP SCHEMA (~200 ms of catalog work): the whole database goes at the end.
    return { url: u.toString(), schema };
  };
}
