// The API answers with the same documents as the CLI's --json output, on the bundled lists.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT, startApi, type RunningApi } from './support.js';
import { seededDb } from './seeded-db.js';

const S1 = JSON.parse(readFileSync(join(ROOT, 'web/src/scenarios/S1-thermal-cameras-2003.json'), 'utf8'));

describe('API contracts on the bundled lists', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-api-contract-'));
  const hooks: (() => unknown)[] = [];
  let db: string;
  let api: RunningApi;
  const run = (args: string[]) => {
    const r = cli([...args, '--json'], { VIGIL_DB: db });
    assert.equal(r.status, 0, `vigil ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };

  before(async () => {
    const t = { after: (fn: () => unknown) => hooks.push(fn) };
    db = await seededDb(t);
    api = await startApi(t, { db, bundled: true });
  });
  after(async () => { for (const fn of hooks.reverse()) await fn(); rmSync(dir, { recursive: true, force: true }); });

  test('health names the store and the active lists', async () => {
    const r = await api.call('GET', '/api/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.store, 'sqlite');
    assert.ok(r.body.lists.length >= 2, 'bundled lists active');
  });

  test('GET /api/lists is vigil lists status --json; ?maxAgeDays changes what is stale', async () => {
    const r = await api.call('GET', '/api/lists');
    assert.equal(r.status, 200);
    assert.ok(r.body.lists.length >= 2);
    for (const l of r.body.lists) {
      assert.match(l.listDate, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(l.entries > 0);
      assert.ok(Number.isInteger(l.ageDays));
    }
    const cli = JSON.parse(run(['lists', 'status']));
    const { asOf: _a, ...apiDoc } = r.body;
    const { asOf: _b, ...cliDoc } = cli;
    assert.deepEqual(apiDoc, cliDoc);
    const lenient = await api.call('GET', '/api/lists?maxAgeDays=100000');
    assert.equal(lenient.body.anyStale, false);
    const strict = await api.call('GET', '/api/lists?maxAgeDays=1');
    assert.equal(strict.body.anyStale, true);
    const snaps = await api.call('GET', '/api/lists/snapshots');
    assert.ok(snaps.body.snapshots.some((s: { status: string }) => s.status === 'active'));
  });

  test('POST /api/screen: "Moammar Gadhafi" finds QADHAFI, identical to vigil screen --json', async () => {
    const r = await api.call('POST', '/api/screen', { body: { name: 'Moammar Gadhafi' } });
    assert.equal(r.status, 200);
    assert.ok(r.body.hits.some((h: { name: string; matchedName: string }) => /QADHAFI/i.test(h.name + h.matchedName)), 'a QADHAFI hit');
    for (const h of r.body.hits) assert.ok(h.score >= 0 && h.score <= 1);
    assert.deepEqual(r.body, JSON.parse(run(['screen', 'Moammar Gadhafi'])));
  });

  test('POST /api/screen batch: one record per party in input order, as vigil screen --input', async () => {
    const parties = [{ name: 'Moammar Gadhafi' }, { name: 'Giuseppe Verdi', country: 'IT' }, { name: 'معمر القذافي' }];
    const r = await api.call('POST', '/api/screen', { body: { parties } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.map((x: { row: number }) => x.row), [1, 2, 3]);
    assert.deepEqual(r.body.map((x: { input: { name: string } }) => x.input.name), parties.map((p) => p.name));
    const single = await api.call('POST', '/api/screen', { body: { name: 'Moammar Gadhafi' } });
    assert.deepEqual(r.body[0].hits, single.body.hits);
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, parties.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const lines = run(['screen', '--input', file]).trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(r.body.map((x: { hits: unknown }) => x.hits), lines.map((l) => l.hits));
    const nd = await fetch(`${api.url}/api/screen`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' }, body: JSON.stringify({ parties }),
    });
    assert.match(nd.headers.get('content-type') ?? '', /ndjson/);
    assert.deepEqual((await nd.text()).trim().split('\n').map((l) => JSON.parse(l)), r.body);
  });

  test('POST /api/compare is vigil compare --json', async () => {
    const r = await api.call('POST', '/api/compare', { body: { a: 'Muammar Qadhafi', b: 'Moammar Gadhafi', type: 'person' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.match, true);
    assert.deepEqual(r.body, JSON.parse(run(['compare', 'Muammar Qadhafi', 'Moammar Gadhafi', '--type', 'person'])));
  });

  test('GET /api/classify is vigil classify --json, for code, CAS and text', async () => {
    for (const q of ['6A003', '111-48-8', 'thermal imaging camera']) {
      const r = await api.call('GET', `/api/classify?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200, q);
      assert.ok(r.body.results.length > 0, q);
      assert.deepEqual(r.body, JSON.parse(run(['classify', q])), q);
    }
  });

  test('POST /api/assess S1: US prohibited, IT licence-required, divergent; identical to vigil assess', async () => {
    const r = await api.call('POST', '/api/assess', { body: { transaction: S1.transaction, asOf: S1.asOf } });
    assert.equal(r.status, 200, r.text);
    const outcome = (j: string) => r.body.determinations.find((d: { jurisdiction: string }) => d.jurisdiction === j)?.outcome;
    assert.equal(outcome('US'), 'prohibited');
    assert.equal(outcome('IT'), 'licence-required');
    assert.equal(r.body.divergent, true);
    const file = join(dir, 's1.json');
    writeFileSync(file, JSON.stringify(S1.transaction));
    assert.deepEqual(r.body, JSON.parse(run(['assess', file, '--as-of', S1.asOf])));
    const flat = await api.call('POST', '/api/assess', { body: { ...S1.transaction, asOf: S1.asOf } });
    assert.deepEqual(flat.body, r.body, 'flat and wrapped bodies agree');
  });

  test('POST /api/assess: an unknown jurisdiction is a 400 naming its index', async () => {
    const r = await api.call('POST', '/api/assess', { body: { ...S1.transaction, jurisdictions: ['US', 'XX'] } });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.issues.map((i: { path: string }) => i.path), ['jurisdictions.1']);
  });

  test('POST /api/assess?asOf=2005-06-01 changes the US determination', async () => {
    const then = await api.call('POST', '/api/assess?asOf=2005-06-01', { body: S1.transaction });
    assert.equal(then.status, 200, then.text);
    assert.equal(then.body.asOf, '2005-06-01');
    const us = then.body.determinations.find((d: { jurisdiction: string }) => d.jurisdiction === 'US');
    assert.notEqual(us.outcome, 'prohibited');
  });
});

describe('list import and update over HTTP (admin)', () => {
  const hooks: (() => unknown)[] = [];
  const t = { after: (fn: () => unknown) => hooks.push(fn) };
  after(async () => { for (const fn of hooks.reverse()) await fn(); });

  test('an admin uploads a list file; it becomes the active snapshot and screening sees it at once', async () => {
    const { createKey } = await import('../../src/api/keys.js');
    const api = await startApi(t, { authCacheMs: 0 });
    const admin = await createKey(api.vigil.store, 'admin');
    const reader = await createKey(api.vigil.store, 'reader');
    const file = readFileSync(join(ROOT, 'test/fixtures/lists/bis-dpl/dpl_2019-07-09.txt'));
    const upload = (key: string, query: string) => fetch(`${api.url}/api/lists/import?${query}`, {
      method: 'POST', body: file, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
    });
    assert.equal((await upload(reader.secret, 'format=bis-dpl')).status, 403, 'readers may not import');
    const bad = await upload(admin.secret, 'format=nonsense');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /unknown list format/);

    const r = await upload(admin.secret, 'format=bis-dpl&fileName=dpl_2019-07-09.txt');
    assert.equal(r.status, 200);
    const result = await r.json() as { status: string; source: string; listDate: string; entries: number };
    assert.equal(result.status, 'imported');
    assert.equal(result.source, 'bis-dpl');
    assert.equal(result.listDate, '2019-07-09');
    assert.ok(result.entries > 100);
    const status = await api.call('GET', '/api/lists', { key: reader.secret });
    assert.deepEqual(status.body.lists.map((l: { source: string }) => l.source), ['bis-dpl']);
    // The running index is rebuilt in the background when a snapshot is activated.
    let hits: { source: string }[] = [];
    for (let i = 0; i < 40 && hits.length === 0; i++) {
      hits = (await api.call('POST', '/api/screen', { key: reader.secret, body: { name: 'Adrian Manuel Hernandez' } })).body.hits;
      if (hits.length === 0) await new Promise((res) => setTimeout(res, 250));
    }
    assert.equal(hits[0]?.source, 'bis-dpl');
    const again = await upload(admin.secret, 'format=bis-dpl&fileName=dpl_2019-07-09.txt');
    assert.equal(((await again.json()) as { status: string }).status, 'unchanged', 'the same file twice changes nothing');
  });

  test('list update refuses readers and names unknown sources', async () => {
    const { createKey } = await import('../../src/api/keys.js');
    const api = await startApi(t, { authCacheMs: 0 });
    const admin = await createKey(api.vigil.store, 'admin');
    const reader = await createKey(api.vigil.store, 'reader');
    assert.equal((await api.call('POST', '/api/lists/update', { key: reader.secret, body: {} })).status, 403);
    const r = await api.call('POST', '/api/lists/update', { key: admin.secret, body: { sources: ['no-such-list'] } });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /unknown list source "no-such-list"/);
  });
});
