// Issue 16, row "any web page can replace the sanctions lists of a keyless local instance": the
// attacks over real HTTP on loopback, each refused, with the list unchanged afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importList } from '../../src/lists/import.js';
import { createKey } from '../../src/api/keys.js';
import { ROOT, startApi } from './support.js';
import { raw } from './raw-http.js';

const DPL = join(ROOT, 'test/fixtures/lists/bis-dpl/dpl_2019-07-09.txt');
// What the attacker uploads: a two-row list that would replace the real one (force=true).
const TWO_ROWS = '"Name"\t"Street_Address"\t"City"\t"State"\t"Country"\t"Postal_Code"\t"Effective_Date"\t"Expiration_Date"\t"Standard_Order"\t"Last_Update"\t"Action"\t"FR_Citation"\n'
  + '"JOHN DOE"\t""\t""\t""\t"US"\t""\t"01/01/2020"\t""\t"Y"\t"2020-01-01"\t""\t""\n'
  + '"JANE DOE"\t""\t""\t""\t"US"\t""\t"01/01/2020"\t""\t"Y"\t"2020-01-01"\t""\t""\n';
const IMPORT = '/api/lists/import?format=bis-dpl&force=true&fileName=dpl_2026-01-01.txt';

async function keylessWithList(t: Parameters<typeof startApi>[0]) {
  const api = await startApi(t);
  await importList(api.vigil.store, { format: 'bis-dpl', path: DPL });
  const before = (await api.call('GET', '/api/lists')).body.lists;
  return { api, before };
}

async function stillListed(api: Awaited<ReturnType<typeof startApi>>, before: unknown): Promise<void> {
  assert.deepEqual((await api.call('GET', '/api/lists')).body.lists, before, 'the active list is unchanged');
  let hits: { source: string }[] = [];
  for (let i = 0; i < 40 && hits.length === 0; i++) {
    hits = (await api.call('POST', '/api/screen', { body: { name: 'Adrian Manuel Hernandez' } })).body.hits;
    if (hits.length === 0) await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(hits[0]?.source, 'bis-dpl', 'the listed party still screens as a hit');
}

test('a cross-origin text/plain list import (no preflight) is refused and the list is unchanged', async (t) => {
  const { api, before } = await keylessWithList(t);
  const attack = await raw(api.url, 'POST', IMPORT, { headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: TWO_ROWS });
  assert.equal(attack.status, 403, attack.text);
  assert.equal(attack.body.error, 'cross-origin-refused');
  // Even with a type that needs a preflight (a browser would stop there): the Origin is enough.
  const octet = await raw(api.url, 'POST', IMPORT, { headers: { origin: 'https://evil.example', 'content-type': 'application/octet-stream' }, body: TWO_ROWS });
  assert.equal(octet.status, 403);
  // Sandboxed frames send Origin: null.
  assert.equal((await raw(api.url, 'POST', IMPORT, { headers: { origin: 'null', 'content-type': 'application/octet-stream' }, body: TWO_ROWS })).status, 403);
  // A browser that sends no Origin still marks the request cross-site.
  assert.equal((await raw(api.url, 'POST', IMPORT, { headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/octet-stream' }, body: TWO_ROWS })).status, 403);
  await stillListed(api, before);
});

test('form media types are refused on the API whatever the origin (an old browser, a form post)', async (t) => {
  const { api, before } = await keylessWithList(t);
  for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const r = await raw(api.url, 'POST', IMPORT, { headers: { 'content-type': type }, body: TWO_ROWS });
    assert.equal(r.status, 415, `${type}: ${r.text}`);
    assert.equal(r.body.error, 'unsupported-media-type');
  }
  // /api/lists/update took a text body as "update every source".
  const update = await raw(api.url, 'POST', '/api/lists/update', { headers: { 'content-type': 'text/plain' }, body: 'x' });
  assert.equal(update.status, 415);
  // The jobs route read text/plain as CSV.
  assert.equal((await raw(api.url, 'POST', '/api/jobs/screen', { headers: { 'content-type': 'text/plain' }, body: 'name\nx\n' })).status, 415);
  await stillListed(api, before);
});

test('DNS rebinding: a request naming another host is refused, reads included; loopback names pass', async (t) => {
  const { api, before } = await keylessWithList(t);
  const port = new URL(api.url).port;
  const keys = await raw(api.url, 'GET', '/api/keys', { headers: { host: `rebind.evil.example:${port}` } });
  assert.equal(keys.status, 421, keys.text);
  assert.equal(keys.body.error, 'host-not-allowed');
  // After rebinding the page is same-origin with its own name: Origin matches Host, the Host check stops it.
  const write = await raw(api.url, 'POST', IMPORT, {
    headers: { host: `rebind.evil.example:${port}`, origin: `http://rebind.evil.example:${port}`, 'content-type': 'application/octet-stream' }, body: TWO_ROWS,
  });
  assert.equal(write.status, 421);
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
    assert.equal((await raw(api.url, 'GET', '/api/health', { headers: { host } })).status, 200, host);
  }
  await stillListed(api, before);
});

test('configured hosts and origins (behind a proxy) are accepted; the server\'s own origin may write', async (t) => {
  const api = await startApi(t, { allowedHosts: ['vigil.example.org'], allowedOrigins: ['https://vigil.example.org'] });
  const port = new URL(api.url).port;
  const own = await raw(api.url, 'POST', '/api/screen', {
    headers: { origin: api.url, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Some Trading Company' }),
  });
  assert.equal(own.status, 200, own.text);
  const proxied = await raw(api.url, 'POST', '/api/screen', {
    headers: { host: `vigil.example.org:${port}`, origin: 'https://vigil.example.org', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Some Trading Company' }),
  });
  assert.equal(proxied.status, 200, proxied.text);
  // A proxy that rewrites Host to the backend: the public origin is still allowed.
  const rewritten = await raw(api.url, 'POST', '/api/screen', {
    headers: { origin: 'https://vigil.example.org', 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Some Trading Company' }),
  });
  assert.equal(rewritten.status, 200);
  // Scripts (curl) send no Origin: accepted.
  assert.equal((await api.call('POST', '/api/screen', { body: { name: 'Some Trading Company' } })).status, 200);
});

test('keyless mode says so on every answer; with a key it does not', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  for (const [method, path] of [['GET', '/api/health'], ['GET', '/api/lists'], ['GET', '/api/nope'], ['POST', '/api/screen']] as const) {
    const r = await api.call(method, path, method === 'POST' ? { body: { name: 'x y' } } : {});
    assert.match(r.headers.get('x-vigil-auth') ?? '', /^off: .*anything on this machine can act as admin/, `${method} ${path}`);
  }
  const admin = await createKey(api.vigil.store, 'admin');
  const r = await api.call('GET', '/api/lists', { key: admin.secret });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('x-vigil-auth'), null);
  assert.equal((await api.call('GET', '/api/health')).headers.get('x-vigil-auth'), null);
});

test('security headers on API answers, errors and the UI: CSP without inline script, no framing, nosniff, no referrer', async (t) => {
  const api = await startApi(t);
  for (const [path, accept] of [['/api/health', 'application/json'], ['/api/nope', 'application/json'], ['/', 'text/html']] as const) {
    const r = await api.call('GET', path, { headers: { accept } });
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/, path);
    const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    assert.equal(script.trim(), "'self'", `${path}: scripts only from the server itself`);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
  }
  const docs = await fetch(`${api.url}/docs/`, { redirect: 'follow' });
  assert.match(docs.headers.get('content-security-policy') ?? '', /script-src 'self'; /);
});
