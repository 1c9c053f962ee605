// Stale lists warned where people screen: `vigil screen` (one line per stale list on stderr, and
// `warnings` in its JSON) and POST /api/screen (`warnings` on the single answer, the
// x-vigil-warnings header on a batch). The freshness setting is $VIGIL_LIST_MAX_AGE_DAYS: 0 makes
// every list not dated today stale, 100000 makes none stale, on the same data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededDb } from '../api/seeded-db.js';
import { cli, startApi, tempDir } from '../api/support.js';

interface Warning { code: string; list: string; snapshot: number; listDate: string; activatedAt?: string; ageDays: number; maxAgeDays: number; message: string }
const LISTS = ['uk-ofsi', 'un', 'us-csl'];

test('vigil screen warns on stderr about each stale list it used, and lists them under "warnings"', async (t) => {
  const db = await seededDb(t);
  const stale = cli(['screen', 'Moammar Gadhafi', '--json'], { VIGIL_DB: db, VIGIL_LIST_MAX_AGE_DAYS: '0' });
  assert.equal(stale.status, 0, stale.stderr);
  const doc = JSON.parse(stale.stdout) as { lists: { id: string; version: number; date: string }[]; hits: unknown[]; warnings: Warning[] };
  assert.ok(doc.hits.length > 0, 'the screening itself is done');
  assert.deepEqual(doc.warnings.map((w) => w.list).sort(), LISTS);
  for (const w of doc.warnings) {
    const used = doc.lists.find((l) => l.id === w.list)!;
    assert.equal(w.code, 'stale-list');
    assert.equal(w.snapshot, used.version);
    assert.equal(w.listDate, used.date);
    assert.match(w.activatedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(w.maxAgeDays, 0);
    assert.ok(w.ageDays > 0);
  }
  const lines = stale.stderr.trim().split('\n').filter((l) => l.startsWith('vigil: warning:'));
  assert.equal(lines.length, 3, stale.stderr);
  for (const id of LISTS) assert.ok(lines.some((l) => l.includes(`list ${id} `) && /freshness setting/.test(l) && /vigil lists update/.test(l)), `${id}: ${stale.stderr}`);

  // The human table: the same warnings on stderr, stdout unchanged.
  const table = cli(['screen', 'Moammar Gadhafi'], { VIGIL_DB: db, VIGIL_LIST_MAX_AGE_DAYS: '0' });
  assert.equal(table.status, 0, table.stderr);
  assert.equal(table.stderr.split('\n').filter((l) => l.startsWith('vigil: warning:')).length, 3);
  assert.doesNotMatch(table.stdout, /warning/);

  // Fresh enough: no warning at all.
  const fresh = cli(['screen', 'Moammar Gadhafi', '--json'], { VIGIL_DB: db, VIGIL_LIST_MAX_AGE_DAYS: '100000' });
  assert.equal(fresh.status, 0, fresh.stderr);
  assert.deepEqual(JSON.parse(fresh.stdout).warnings, []);
  assert.doesNotMatch(fresh.stderr, /warning/);

  // A batch warns once, after its rows.
  const dir = tempDir(t);
  const input = join(dir, 'parties.csv');
  writeFileSync(input, 'name\nMoammar Gadhafi\nGiuseppe Verdi\n');
  const batch = cli(['screen', '--input', input], { VIGIL_DB: db, VIGIL_LIST_MAX_AGE_DAYS: '0' });
  assert.equal(batch.status, 0, batch.stderr);
  assert.equal(batch.stdout.trim().split('\n').length, 2);
  assert.equal(batch.stderr.split('\n').filter((l) => l.startsWith('vigil: warning:')).length, 3);

  // A freshness setting that is not a number is refused, naming it.
  const bad = cli(['screen', 'Moammar Gadhafi'], { VIGIL_DB: db, VIGIL_LIST_MAX_AGE_DAYS: 'soon' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /VIGIL_LIST_MAX_AGE_DAYS/);
});

test('POST /api/screen carries warnings [{code: "stale-list", list, activatedAt, …}]; a batch in x-vigil-warnings', async (t) => {
  const api = await startApi(t, { db: await seededDb(t), bundled: false });
  const saved = process.env.VIGIL_LIST_MAX_AGE_DAYS;
  t.after(() => { if (saved === undefined) delete process.env.VIGIL_LIST_MAX_AGE_DAYS; else process.env.VIGIL_LIST_MAX_AGE_DAYS = saved; });

  process.env.VIGIL_LIST_MAX_AGE_DAYS = '0';
  const stale = await api.call('POST', '/api/screen', { body: { name: 'Moammar Gadhafi' } });
  assert.equal(stale.status, 200);
  const warnings = stale.body.warnings as Warning[];
  assert.deepEqual(warnings.map((w) => w.list).sort(), LISTS);
  for (const w of warnings) {
    assert.equal(w.code, 'stale-list');
    assert.match(w.activatedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(w.listDate, stale.body.lists.find((l: { id: string }) => l.id === w.list).date);
  }
  // The same staleness as GET /api/lists says under the same setting.
  const status = await api.call('GET', '/api/lists');
  assert.deepEqual(status.body.lists.filter((l: { stale: boolean }) => l.stale).map((l: { source: string }) => l.source).sort(), LISTS);

  const batch = await api.call('POST', '/api/screen', { body: { parties: [{ name: 'Moammar Gadhafi' }, { name: 'Giuseppe Verdi' }] } });
  assert.equal(batch.status, 200);
  assert.ok(Array.isArray(batch.body), 'the batch answer keeps its array shape');
  assert.deepEqual((JSON.parse(batch.headers.get('x-vigil-warnings') ?? '[]') as Warning[]).map((w) => w.list).sort(), LISTS);

  process.env.VIGIL_LIST_MAX_AGE_DAYS = '100000';
  const fresh = await api.call('POST', '/api/screen', { body: { name: 'Moammar Gadhafi' } });
  assert.deepEqual(fresh.body.warnings, []);
  const freshBatch = await api.call('POST', '/api/screen', { body: { parties: [{ name: 'Giuseppe Verdi' }] } });
  assert.equal(freshBatch.headers.get('x-vigil-warnings'), '[]');
});
