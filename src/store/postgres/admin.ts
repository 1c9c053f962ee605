// Server-level chores: is a server answering, create and drop whole databases (tests give each
// file its own database so parallel test files never collide).
import pg from 'pg';
import { withDatabase, withDefaultUser } from './url.js';

/** True when a PostgreSQL server accepts a connection at `url` within `timeoutMs`. */
export async function pgPing(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDefaultUser(url), connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Run `fn` on the server's `postgres` database (CREATE/DROP DATABASE cannot run on the target). */
function onMaintenanceDb<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  return onDb(withDatabase(serverUrl, 'postgres'), fn);
}

/** Create database `name` on the server of `serverUrl`; returns the new database's URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe database name: ${name}`);
  await onMaintenanceDb(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  return withDefaultUser(withDatabase(serverUrl, name));
}

/** Drop database `name`, disconnecting whoever is still on it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe database name: ${name}`);
  await onMaintenanceDb(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

async function onDb<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDefaultUser(url) });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createSchema(dbUrl: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe schema name: ${name}`);
  await onDb(dbUrl, (c) => c.query(`CREATE SCHEMA ${name}`));
}

export async function dropSchema(dbUrl: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe schema name: ${name}`);
  await onDb(dbUrl, (c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`));
}
