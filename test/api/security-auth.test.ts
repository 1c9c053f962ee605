// Issue 16, row "bodies are read and parsed before the key is checked": unauthenticated bodies are
// refused before they are read, requests without a valid key are rate-limited by address, failed
// authentications are counted, and validation comes after authorisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKey } from '../../src/api/keys.js';
import { serveCli, startApi } from './support.js';
import { bestHealth, raw } from './raw-http.js';

const MB250 = 250 * 1024 * 1024;

test('an unauthenticated 250 MB body is refused without being read; six at once too, and health stays fast', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  await createKey(api.vigil.store, 'reader');
  const rss = process.memoryUsage().rss;
  // 64 KB of the announced 250 MB are sent and the rest never is: any answer at all means the body was not awaited.
  const one = await raw(api.url, 'POST', '/api/jobs/screen', { headers: { 'content-type': 'application/json' }, declaredLength: MB250, sendBytes: 64 * 1024, timeoutMs: 10_000 });
  assert.equal(one.status, 401, one.text);
  assert.ok(one.ms < 4000, `answered in ${one.ms} ms`);
  const six = await Promise.all(Array.from({ length: 6 }, () =>
    raw(api.url, 'POST', '/api/jobs/screen', { headers: { 'content-type': 'text/csv' }, declaredLength: MB250, sendBytes: 64 * 1024, timeoutMs: 10_000 })));
  assert.deepEqual(six.map((r) => r.status), [401, 401, 401, 401, 401, 401]);
  const health = await bestHealth(api.url);
  assert.ok(health < 100, `health in ${health} ms`);
  assert.ok(process.memoryUsage().rss - rss < 100 * 1024 * 1024, 'no body was buffered');
  // Wrong keys are refused as early.
  const wrong = await raw(api.url, 'POST', '/api/screen', { headers: { authorization: 'Bearer vigil_wrong', 'content-type': 'application/json' }, declaredLength: MB250, sendBytes: 1024 });
  assert.equal(wrong.status, 401);
});

test('routes open to callers without a key read at most a small body (16 KB)', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  await createKey(api.vigil.store, 'reader');
  const declared = await raw(api.url, 'POST', '/nothing/here', { headers: { 'content-type': 'application/json' }, declaredLength: 10 * 1024 * 1024, sendBytes: 1024 });
  assert.equal(declared.status, 413, declared.text);
  assert.match(declared.body.message, /without a valid API key/);
  // Chunked, with no length announced: cut off once past the limit.
  const chunked = await raw(api.url, 'POST', '/nothing/here', { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: `[${'1,'.repeat(20_000)}1]` });
  assert.equal(chunked.status, 413, chunked.text);
});

test('without a valid key, requests are rate-limited by address: no key, wrong keys and 400s all count', async (t) => {
  const api = await startApi(t, { authCacheMs: 0, rateLimit: { max: 100, windowMs: 60_000 }, anonymousRateLimit: 4 });
  const reader = await createKey(api.vigil.store, 'reader');
  const statuses = [];
  statuses.push((await api.call('GET', '/api/lists')).status);
  statuses.push((await api.call('GET', '/api/lists', { key: 'vigil_wrong' })).status);
  statuses.push((await api.call('POST', '/api/screen', { body: {} })).status);
  statuses.push((await api.call('POST', '/api/screen', { raw: '{bad', headers: { 'content-type': 'application/json' } })).status);
  const limited = await api.call('GET', '/api/lists');
  assert.deepEqual(statuses, [401, 401, 401, 401]);
  assert.equal((await api.call('GET', '/api/health')).status, 200, 'health stays open to monitors');
  assert.equal(limited.status, 429, limited.text);
  assert.equal(limited.body.error, 'rate-limited');
  // A valid key has its own, larger bucket; its 400s count against it, not against the address.
  for (let i = 0; i < 6; i++) assert.equal((await api.call('POST', '/api/screen', { key: reader.secret, body: {} })).status, 400);
  assert.equal((await api.call('GET', '/api/lists', { key: reader.secret })).status, 200);
});

test('failed authentications are counted per address: past the cap, key guessing gets 429 without a lookup', async (t) => {
  const api = await startApi(t, { authCacheMs: 0, authFailures: { max: 3, windowMs: 60_000 } });
  const reader = await createKey(api.vigil.store, 'reader');
  const s = [];
  for (let i = 0; i < 5; i++) s.push((await api.call('GET', '/api/lists', { key: `vigil_guess${i}` })).status);
  assert.deepEqual(s, [401, 401, 401, 429, 429]);
  const blocked = await api.call('GET', '/api/lists', { key: reader.secret });
  assert.equal(blocked.status, 429, 'the address is blocked for the window, whatever key it tries');
  assert.match(blocked.body.message, /failed authentications/);
  assert.ok(blocked.headers.get('retry-after'));
});

test('validation comes after authorisation: POST /api/keys {} without a key is 401, with a reader key 403', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  const reader = await createKey(api.vigil.store, 'reader');
  const anon = await api.call('POST', '/api/keys', { body: {} });
  assert.equal(anon.status, 401, anon.text);
  assert.equal((await api.call('POST', '/api/keys', { key: reader.secret, body: {} })).status, 403);
  assert.equal((await api.call('POST', '/api/assess', { body: { nonsense: true } })).status, 401);
  assert.equal((await api.call('GET', '/api/classify?limit=lots')).status, 401);
});

test('keyless mode serves this machine only: a request relayed by a proxy needs a key; vigil serve --trust-proxy refuses to start without keys', async (t) => {
  const api = await startApi(t);
  assert.equal((await api.call('GET', '/api/lists')).status, 200);
  for (const h of [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }, { 'x-real-ip': '203.0.113.9' }] as Record<string, string>[]) {
    const r = await api.call('GET', '/api/lists', { headers: h });
    assert.equal(r.status, 401, JSON.stringify(h));
    assert.match(r.body.message, /proxy/);
  }
  const refused = await serveCli(t, ['--db', api.db, '--port', '0', '--trust-proxy', '127.0.0.1']);
  assert.notEqual(refused.status, undefined, 'it did not start');
  // Under --json (serveCli passes it) the refusal is one JSON error document on stdout.
  assert.match(`${refused.stderr}${refused.stdout ?? ''}`, /behind a proxy .*without API keys/);
});

test('behind a trusted proxy, callers without a key are limited per forwarded client address', async (t) => {
  const api = await startApi(t, { authCacheMs: 0, trustProxy: '127.0.0.1', anonymousRateLimit: 2 });
  await createKey(api.vigil.store, 'reader');
  const from = (ip: string) => api.call('GET', '/api/lists', { headers: { 'x-forwarded-for': ip } });
  assert.deepEqual([(await from('203.0.113.1')).status, (await from('203.0.113.1')).status, (await from('203.0.113.1')).status], [401, 401, 429]);
  assert.equal((await from('203.0.113.2')).status, 401, 'another client has its own allowance');
});
