// Issue 16, the low-severity row: file names, pathological JSON, temp paths in messages, job bodies
// on SQLite, characters that hide or reorder stored labels, and the router's own errors — each over
// real HTTP, each a 4xx in the API's one JSON error shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { startApi } from './support.js';
import { raw, rawSocket } from './raw-http.js';

const octet = { 'content-type': 'application/octet-stream' };

test('list upload file names ".." "." "a%00b" and directories are 400s, never 500s', async (t) => {
  const api = await startApi(t);
  for (const name of ['..', '.', 'a%00b', 'a%2Fb', '..%2F..%2Fetc', 'a%0Ab']) {
    const r = await raw(api.url, 'POST', `/api/lists/import?format=bis-dpl&fileName=${name}`, { headers: octet, body: 'x' });
    assert.equal(r.status, 400, `${name}: ${r.text}`);
    assert.equal(r.body.error, 'invalid-request');
  }
});

test('a failed upload names the file, never the server\'s temp directory', async (t) => {
  const api = await startApi(t);
  const r = await raw(api.url, 'POST', '/api/lists/import?format=bis-dpl&fileName=dpl_2020-01-01.txt', { headers: octet, body: 'not a list at all' });
  assert.ok(r.status >= 400 && r.status < 500, r.text);
  assert.ok(!r.text.includes('vigil-upload-') && !r.text.includes(tmpdir()), r.text);
});

test('10,000-deep JSON is refused as a 400 before parsing, on every JSON route', async (t) => {
  const api = await startApi(t);
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  for (const path of ['/api/denials/import', '/api/screen', '/api/cases']) {
    const r = await raw(api.url, 'POST', path, { headers: { 'content-type': 'application/json' }, body: deep });
    assert.equal(r.status, 400, `${path}: ${r.text.slice(0, 200)}`);
    assert.match(r.body.message, /nested deeper than 64/);
  }
  const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
  assert.equal((await raw(api.url, 'POST', '/api/denials/import', { headers: { 'content-type': 'application/json' }, body: objects })).status, 400);
  // Brackets inside strings are text, not nesting.
  const ok = await api.call('POST', '/api/screen', { body: { name: `Acme ${'['.repeat(100)}` } });
  assert.notEqual(ok.status, 500);
});

test('a job CSV on SQLite is refused before its body is read', async (t) => {
  const api = await startApi(t);
  const r = await raw(api.url, 'POST', '/api/jobs/screen', { headers: { 'content-type': 'text/csv' }, declaredLength: 250 * 1024 * 1024, sendBytes: 64 * 1024, timeoutMs: 10_000 });
  assert.equal(r.status, 422, r.text);
  assert.equal(r.body.code, 'jobs-need-postgres');
  assert.ok(r.ms < 4000, `${r.ms} ms`);
});

test('NUL, lone surrogates, RLO and other controls are refused in key labels and case applicants', async (t) => {
  const api = await startApi(t);
  for (const bad of ['a\u0000b', 'lone \uD800 half', 'invoice\u202Etxt.exe', 'esc \u001b[31m red', 'two\nlines', 'isolate \u2066x\u2069']) {
    const key = await api.call('POST', '/api/keys', { body: { role: 'reader', label: bad } });
    assert.equal(key.status, 400, `label ${JSON.stringify(bad)}: ${key.text}`);
    assert.equal(key.body.issues[0].path, 'label');
    const c = await api.call('POST', '/api/cases', { body: { applicant: bad, transaction: {} } });
    assert.equal(c.status, 400);
    assert.ok(c.body.issues.some((i: { path: string }) => i.path === 'applicant'), `applicant ${JSON.stringify(bad)}`);
  }
  assert.equal((await api.call('GET', '/api/keys')).body.keys.length, 0, 'nothing stored');
  // Scripts people write in are fine, Arabic included.
  assert.equal((await api.call('POST', '/api/keys', { body: { role: 'reader', label: 'مكتب الترخيص – Ufficio licenze' } })).status, 201);
});

test('router errors share the JSON error shape: 404, 405 with Allow, unknown methods, malformed URLs and requests', async (t) => {
  const api = await startApi(t);
  const shape = (r: { body: any }, what: string) => {
    assert.equal(typeof r.body?.error, 'string', what);
    assert.equal(typeof r.body?.message, 'string', what);
    assert.equal(r.body.statusCode, undefined, `${what}: not fastify's own shape`);
  };
  const notFound = await raw(api.url, 'GET', '/api/nope');
  assert.equal(notFound.status, 404);
  shape(notFound, '404');
  for (const method of ['PUT', 'PATCH', 'DELETE', 'PROPFIND', 'OPTIONS']) {
    const r = await raw(api.url, method, '/api/screen');
    assert.equal(r.status, 405, `${method}: ${r.text}`);
    assert.equal(r.headers.allow, 'POST');
    shape(r, method);
    assert.equal(r.headers['access-control-allow-origin'], undefined, 'no CORS for a preflight');
  }
  const badUrl = await raw(api.url, 'GET', '/api/cases/%E0%A4%A');
  assert.equal(badUrl.status, 400, badUrl.text);
  shape(badUrl, 'bad URL');
  const garbage = await rawSocket(api.url, 'FOO /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.match(garbage, /^HTTP\/1\.1 400/);
  const body = JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4));
  assert.equal(body.error, 'bad-request');
  assert.match(garbage, /x-content-type-options: nosniff/i);
});
