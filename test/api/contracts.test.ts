// The API answers with the same documents as the CLI's --json output, on the bundled lists.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT, startApi, type RunningApi } from './support.js';

const S1 = JSON.parse(readFileSync(join(ROOT, 'web/src/scenarios/S1-thermal-cameras-2003.json'), 'utf8'));

describe('API contracts on the bundled lists', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-api-contract-'));
  const db = join(dir, 'vigil.db');
  const hooks: (() => unknown)[] = [];
  let api: RunningApi;
  const run = (args: string[]) => {
    const r = cli([...args, '--json'], { VIGIL_DB: db });
    assert.equal(r.status, 0, `vigil ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };

  before(async () => { api = await startApi({ after: (fn) => hooks.push(fn) }, { db, bundled: true }); });
  after(async () => { for (const fn of hooks.reverse()) await fn(); rmSync(dir, { recursive: true, force: true }); });

  test('health names the store and the active lists', async () => {
    const r = await api.call('GET', '/api/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.store, 'sqlite');
    assert.ok(r.body.lists.length >= 2, 'bundled lists active');
  });

  test('GET /api/lists shows snapshots with dates and counts', async () => {
    const r = await api.call('GET', '/api/lists');
    assert.equal(r.status, 200);
    assert.ok(r.body.lists.length >= 2);
    for (const l of r.body.lists) {
      assert.match(l.listDate, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(l.entryCount > 0);
      assert.ok(Number.isInteger(l.ageDays));
    }
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

  test('POST /api/assess?asOf=2005-06-01 changes the US determination', async () => {
    const then = await api.call('POST', '/api/assess?asOf=2005-06-01', { body: S1.transaction });
    assert.equal(then.status, 200, then.text);
    assert.equal(then.body.asOf, '2005-06-01');
    const us = then.body.determinations.find((d: { jurisdiction: string }) => d.jurisdiction === 'US');
    assert.notEqual(us.outcome, 'prohibited');
  });
});
