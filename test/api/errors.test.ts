// Bad requests: 400 naming every bad field, 413 over the body limit, 404 in JSON, 415; and the
// OpenAPI document generated from the same schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApi } from './support.js';

const paths = (body: { issues: { path: string }[] }) => body.issues.map((i) => i.path).sort();

test('assess: 400 lists the path of every bad field', async (t) => {
  const api = await startApi(t);
  const r = await api.call('POST', '/api/assess', {
    body: {
      date: '2003-13-01',
      exporter: { name: 'Officine', country: 'Italy' },
      destination: 'LY',
      parties: [{ role: 'end-user', name: '' }],
      items: [{ description: 'camera', cas: '111488', quantity: -1 }],
      endUse: { categories: ['border-security', 'smuggling'] },
    },
  });
  assert.equal(r.status, 400);
  assert.equal(r.body.error, 'invalid-request');
  assert.deepEqual(paths(r.body), [
    'date', 'endUse.categories.1', 'exporter.country', 'items.0.cas', 'items.0.quantity', 'parties.0.name',
  ]);
  assert.ok(r.body.issues.every((i: { in: string; message: string }) => i.in === 'body' && i.message.length > 0));
});

test('assess: missing required fields are named as required', async (t) => {
  const api = await startApi(t);
  const r = await api.call('POST', '/api/assess', { body: { transaction: { date: '2003-10-14' } } });
  assert.equal(r.status, 400);
  assert.deepEqual(paths(r.body), ['transaction.destination', 'transaction.endUse', 'transaction.exporter', 'transaction.items']);
  assert.match(r.body.issues[0].message, /required/);
});

test('screen: one party and batch errors name their fields; a batch over 1,000 is refused with the limit named', async (t) => {
  const api = await startApi(t);
  const one = await api.call('POST', '/api/screen', { body: { name: '  ', threshold: 2, country: 'LBY' } });
  assert.equal(one.status, 400);
  assert.deepEqual(paths(one.body), ['country', 'name', 'threshold']);
  const batch = await api.call('POST', '/api/screen', { body: { parties: [{ name: 'ok' }, { name: 'x', birthYear: 'old' }, {}] } });
  assert.equal(batch.status, 400);
  assert.deepEqual(paths(batch.body), ['parties.1.birthYear', 'parties.2.name']);
  const big = await api.call('POST', '/api/screen', { body: { parties: Array.from({ length: 1001 }, (_, i) => ({ name: `n${i}` })) } });
  assert.equal(big.status, 413);
  assert.equal(big.body.limit.name, 'screenParties');
  assert.equal(big.body.limit.max, 1000);
  assert.match(big.body.message, /1000/);
});

test('classify: query string errors are named with in=querystring', async (t) => {
  const api = await startApi(t);
  const r = await api.call('GET', '/api/classify?limit=lots');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body.issues.map((i: { in: string; path: string }) => `${i.in}:${i.path}`).sort(), ['querystring:limit', 'querystring:q']);
});

test('malformed JSON, an empty body and a wrong media type are client errors in JSON', async (t) => {
  const api = await startApi(t);
  const bad = await api.call('POST', '/api/screen', { raw: '{"name":', headers: { 'content-type': 'application/json' } });
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /JSON/);
  const empty = await api.call('POST', '/api/compare', { headers: { 'content-type': 'application/json' } });
  assert.equal(empty.status, 400);
  const noBody = await api.call('POST', '/api/compare');
  assert.equal(noBody.status, 400);
  assert.match(noBody.body.issues[0].message, /JSON body is required/);
  const text = await api.call('POST', '/api/screen', { raw: 'name=x', headers: { 'content-type': 'text/csv' } });
  assert.equal(text.status, 415);
  assert.equal(text.body.error, 'unsupported-media-type');
});

test('bodies over the limit get 413, at the configured and at the default limit', async (t) => {
  const small = await startApi(t, { bodyLimit: 10_000 });
  const r = await small.call('POST', '/api/screen', { body: { name: 'x'.repeat(20_000) } });
  assert.equal(r.status, 413);
  assert.equal(r.body.error, 'payload-too-large');
  const dflt = await startApi(t);
  const parties = Array.from({ length: 1000 }, (_, i) => ({ name: `${'Moammar Gadhafi '.repeat(200)}${i}` }));
  const big = await dflt.call('POST', '/api/screen', { body: { parties } });
  assert.equal(big.status, 413);
});

test('unknown routes answer 404 in JSON, known routes with another method 405; browsers asking for HTML get the UI shell', async (t) => {
  const api = await startApi(t);
  for (const [method, path] of [['GET', '/api/nope'], ['POST', '/nothing/here'], ['GET', '/nope']] as const) {
    const r = await api.call(method, path);
    assert.equal(r.status, 404, `${method} ${path}`);
    assert.match(r.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(r.body.error, 'not-found');
  }
  const wrongMethod = await api.call('DELETE', '/api/screen');
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.body.error, 'method-not-allowed');
  assert.equal(wrongMethod.headers.get('allow'), 'POST');
  const apiHtml = await api.call('GET', '/api/nope', { headers: { accept: 'text/html' } });
  assert.equal(apiHtml.status, 404, 'API paths never fall back to HTML');
  const page = await api.call('GET', '/assess', { headers: { accept: 'text/html,application/xhtml+xml' } });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
});

test('/openapi.json is generated from the validating schemas; /docs serves the interactive docs', async (t) => {
  const api = await startApi(t);
  const r = await api.call('GET', '/openapi.json');
  assert.equal(r.status, 200);
  const doc = r.body;
  assert.match(doc.openapi, /^3\./);
  for (const p of ['/api/health', '/api/lists', '/api/screen', '/api/compare', '/api/classify', '/api/assess', '/api/keys']) {
    assert.ok(doc.paths[p], `path ${p} documented`);
  }
  assert.ok(!Object.keys(doc.paths).some((p) => p.startsWith('/docs') || p === '/openapi.json'));
  const screenBody = doc.paths['/api/screen'].post.requestBody.content['application/json'].schema;
  const batch = screenBody.anyOf.find((s: { properties?: { parties?: unknown } }) => s.properties?.parties);
  assert.equal(batch.properties.parties.maxItems, 1000);
  const assess = doc.paths['/api/assess'].post.requestBody.content['application/json'].schema;
  const flat = assess.anyOf.find((s: { properties?: { exporter?: unknown } }) => s.properties?.exporter);
  assert.deepEqual([...flat.required].sort(), ['date', 'destination', 'endUse', 'exporter', 'items']);
  assert.ok(flat.properties.endUse.properties.categories.items.enum.includes('border-security'));
  const q = doc.paths['/api/classify'].get.parameters.find((p: { name: string }) => p.name === 'q');
  assert.equal(q.in, 'query');
  assert.equal(q.required, true);
  assert.ok(doc.paths['/api/assess'].post.responses['400'], '400 documented');
  assert.deepEqual(doc.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer', description: 'API key from `vigil keys create`' });
  const docs = await fetch(`${api.url}/docs`, { redirect: 'follow' });
  assert.equal(docs.status, 200);
  assert.match(await docs.text(), /swagger/i);
});
