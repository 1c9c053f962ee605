// Issue 16 in server mode: a real `vigil serve --database-url` on PostgreSQL (where batch jobs take
// bodies of up to 256 MB). An unauthenticated 250 MB job body is refused unread, a cross-site job
// submission is refused, the last admin key stays, and key changes are audit events in the shared store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKey } from '../../src/api/keys.js';
import { freshPgDatabase, pgTestServer } from '../support/pg.js';
import { bestHealth, raw } from '../api/raw-http.js';
import { cleanupStack, openInstance, placeholderBundledLists, startCli } from './support.js';

const pg = await pgTestServer();

test('vigil serve on PostgreSQL: unauthenticated 250 MB job bodies refused unread, cross-site jobs refused, last admin key kept, audited', { skip: pg.skip, timeout: 180_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(t);
  const store = await openInstance(t, db.url);
  await placeholderBundledLists(store.store);
  const admin = await createKey(store.store, 'admin', 'ops', { actor: 'cli:tests' });
  const reader = await createKey(store.store, 'reader', 'batch', { actor: 'cli:tests' });
  const server = startCli(t, ['--database-url', db.url, 'serve', '--port', '0', '--no-worker']);
  const url = String((await server.ready).url);

  const big = await Promise.all(Array.from({ length: 6 }, () => raw(url, 'POST', '/api/jobs/screen', {
    headers: { 'content-type': 'text/csv' }, declaredLength: 250 * 1024 * 1024, sendBytes: 256 * 1024, timeoutMs: 10_000,
  })));
  assert.deepEqual(big.map((r) => r.status), [401, 401, 401, 401, 401, 401]);
  assert.ok(Math.max(...big.map((r) => r.ms)) < 8000, `answered in ${big.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
  const health = await bestHealth(url);
  assert.ok(health < 100, `health ${health} ms`);

  // With a valid key, but from another site: refused before the body.
  const cross = await raw(url, 'POST', '/api/jobs/screen', {
    headers: { authorization: `Bearer ${reader.secret}`, origin: 'https://evil.example', 'content-type': 'text/csv' }, body: 'name\nAcme\n',
  });
  assert.equal(cross.status, 403);
  // The legitimate submission still works.
  const ok = await raw(url, 'POST', '/api/jobs/screen', { headers: { authorization: `Bearer ${reader.secret}`, 'content-type': 'text/csv' }, body: 'name\nAcme Trading\n' });
  assert.equal(ok.status, 202, ok.text);

  const last = await raw(url, 'DELETE', `/api/keys/${admin.id}`, { headers: { authorization: `Bearer ${admin.secret}` } });
  assert.equal(last.status, 409, last.text);
  const rev = await raw(url, 'DELETE', `/api/keys/${reader.id}`, { headers: { authorization: `Bearer ${admin.secret}` } });
  assert.equal(rev.status, 200);
  const events = (await store.store.listAudit()).filter((e) => e.action.startsWith('keys.'));
  assert.deepEqual(events.map((e) => [e.action, e.actor, e.subject]), [
    ['keys.create', 'cli:tests', admin.id], ['keys.create', 'cli:tests', reader.id], ['keys.revoke', `ops (${admin.id})`, reader.id],
  ]);
});
