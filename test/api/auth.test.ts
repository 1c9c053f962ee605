// Access: auth off on loopback without keys, on once a key exists; roles; revocation; rate limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKey, revokeKey } from '../../src/api/keys.js';
import { isLoopback } from '../../src/api/access.js';
import { startApi } from './support.js';

test('loopback without keys: auth is off, every route answers as a local admin', async (t) => {
  const api = await startApi(t);
  assert.equal((await api.call('GET', '/api/lists')).status, 200);
  assert.equal((await api.call('GET', '/api/keys')).status, 200);
});

test('once a key exists, protected routes need one; health and the OpenAPI document stay open', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  const reader = await createKey(api.vigil.store, 'reader', 'tests');
  const noKey = await api.call('GET', '/api/lists');
  assert.equal(noKey.status, 401);
  assert.equal(noKey.body.error, 'unauthorized');
  assert.equal((await api.call('GET', '/api/lists', { key: reader.secret })).status, 200);
  assert.equal((await api.call('GET', '/api/health')).status, 200);
  assert.equal((await api.call('GET', '/openapi.json')).status, 200);
});

test('a key created while serving takes effect within the cache window', async (t) => {
  const api = await startApi(t, { authCacheMs: 200 });
  assert.equal((await api.call('GET', '/api/lists')).status, 200);
  await createKey(api.vigil.store, 'reader');
  await new Promise((r) => setTimeout(r, 250));
  assert.equal((await api.call('GET', '/api/lists')).status, 401);
});

test('unknown keys and malformed headers get 401 even while auth is off', async (t) => {
  const api = await startApi(t);
  const wrong = await api.call('GET', '/api/lists', { key: 'vigil_not-a-key' });
  assert.equal(wrong.status, 401);
  assert.match(wrong.body.message, /unknown API key/);
  const basic = await api.call('GET', '/api/lists', { headers: { authorization: 'Basic abc' } });
  assert.equal(basic.status, 401);
  assert.match(basic.body.message, /Bearer/);
});

test('roles: reader may read but not manage keys; admin may; officer sits between', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  const reader = await createKey(api.vigil.store, 'reader');
  const officer = await createKey(api.vigil.store, 'officer');
  const admin = await createKey(api.vigil.store, 'admin');
  const r = await api.call('GET', '/api/keys', { key: reader.secret });
  assert.equal(r.status, 403);
  assert.match(r.body.message, /needs admin/);
  assert.equal((await api.call('GET', '/api/keys', { key: officer.secret })).status, 403);
  assert.equal((await api.call('GET', '/api/lists', { key: officer.secret })).status, 200);
  const list = await api.call('GET', '/api/keys', { key: admin.secret });
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.keys.map((k: { role: string }) => k.role).sort(), ['admin', 'officer', 'reader']);
  assert.ok(list.body.keys.every((k: object) => !('hash' in k) && !('secret' in k)), 'never hashes or secrets');
});

test('admin creates a key over HTTP, it works, and revoking it locks it out at once', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  const admin = await createKey(api.vigil.store, 'admin');
  const made = await api.call('POST', '/api/keys', { key: admin.secret, body: { role: 'reader', label: 'partner system' } });
  assert.equal(made.status, 201);
  assert.match(made.body.secret, /^vigil_/);
  assert.equal(made.body.label, 'partner system');
  assert.equal((await api.call('GET', '/api/lists', { key: made.body.secret })).status, 200);
  const revoked = await api.call('DELETE', `/api/keys/${made.body.id}`, { key: admin.secret });
  assert.equal(revoked.status, 200);
  assert.equal(revoked.body.revoked, true);
  const after = await api.call('GET', '/api/lists', { key: made.body.secret });
  assert.equal(after.status, 401);
  assert.match(after.body.message, /revoked/);
  assert.equal((await api.call('DELETE', '/api/keys/key_nonexistent', { key: admin.secret })).status, 404);
  const bad = await api.call('POST', '/api/keys', { key: admin.secret, body: { role: 'superuser' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.issues[0].path, 'role');
});

test('the store keeps only the hash of a secret', async (t) => {
  const api = await startApi(t);
  const k = await createKey(api.vigil.store, 'reader');
  const stored = (await api.vigil.store.listApiKeys()).find((x) => x.id === k.id)!;
  assert.notEqual(stored.hash, k.secret);
  assert.ok(!JSON.stringify(stored).includes(k.secret));
  await revokeKey(api.vigil.store, k.id);
  assert.ok((await api.vigil.store.listApiKeys()).find((x) => x.id === k.id)!.revokedAt);
});

test('required mode (non-loopback bind) refuses anonymous callers even with no key stored', async (t) => {
  const api = await startApi(t, { authMode: 'required' });
  assert.equal((await api.call('GET', '/api/lists')).status, 401);
});

test('rate limit is per key: one key exhausted gets 429, another key and health still pass', async (t) => {
  const api = await startApi(t, { authCacheMs: 0, rateLimit: { max: 3, windowMs: 60_000 } });
  const a = await createKey(api.vigil.store, 'reader');
  const b = await createKey(api.vigil.store, 'reader');
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await api.call('GET', '/api/lists', { key: a.secret })).status);
  assert.deepEqual(statuses, [200, 200, 200, 429]);
  const limited = await api.call('GET', '/api/lists', { key: a.secret });
  assert.equal(limited.body.error, 'rate-limited');
  assert.ok(limited.headers.get('retry-after'));
  assert.equal((await api.call('GET', '/api/lists', { key: b.secret })).status, 200);
});

test('rate limit without keys falls back to the caller IP', async (t) => {
  const api = await startApi(t, { rateLimit: { max: 2, windowMs: 60_000 } });
  const s = [];
  for (let i = 0; i < 3; i++) s.push((await api.call('GET', '/api/lists')).status);
  assert.deepEqual(s, [200, 200, 429]);
});

test('isLoopback knows loopback addresses from the rest', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopback(h), true, h);
  for (const h of ['0.0.0.0', '::', '192.168.1.5', 'example.org', '10.0.0.1']) assert.equal(isLoopback(h), false, h);
});
