// First use imports the bundled CSL and UN snapshots; two processes starting at once on a fresh
// database end with exactly one active snapshot per source and nothing half-written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundledSnapshots } from '../../src/lists/bundled.js';
import { listStatus } from '../../src/lists/status.js';
import { openTestStore } from '../support/stores.js';
import { ROOT, tmp } from './helpers.js';

function child(db: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/lists/children/ensure-bundled.ts'), db], { cwd: ROOT });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    p.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

test('the manifest names the two bundled snapshots, which exist under data/lists', () => {
  const b = bundledSnapshots();
  assert.deepEqual(b.map((x) => [x.source, x.listDate]), [['us-csl', '2026-07-31'], ['un', '2026-02-27'], ['uk-ofsi', '2025-04-14']]);
});

test('two processes importing the bundled lists at once on a fresh database: one active snapshot per source, correct counts', async (t) => {
  const dir = tmp(t);
  const db = join(dir, 'vigil.db');
  // Create the schema first so both children race on the import, not on the migration.
  const store = await openTestStore(t, { db, pollMs: 50 });
  const [a, b] = await Promise.all([child(db), child(db)]);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  const results = [...JSON.parse(a.out), ...JSON.parse(b.out)] as { source: string; status: string }[];
  for (const source of ['us-csl', 'un', 'uk-ofsi']) {
    assert.equal(results.filter((r) => r.source === source && r.status === 'imported').length, 1, JSON.stringify(results));
  }
  const active = await store.activeSnapshots();
  assert.deepEqual(active.map((s) => [s.source, s.entryCount, s.listDate]).sort(), [['uk-ofsi', 4_688, '2025-04-14'], ['un', 1_003, '2026-02-27'], ['us-csl', 25_921, '2026-07-31']]);
  const all = await store.listSnapshots();
  assert.ok(all.every((s) => s.status === 'active' || s.status === 'failed'), JSON.stringify(all.map((s) => s.status)));
  for (const s of all.filter((x) => x.status === 'failed')) assert.equal((await store.loadEntries([s.id])).length, 0);
  // Sub-list counts were recorded with the winning snapshot.
  const status = await listStatus(store, { now: new Date('2026-08-10T00:00:00Z') });
  const csl = status.lists.find((l) => l.source === 'us-csl')!;
  assert.equal(csl.lists.SDN, 19_181);
  assert.equal(csl.lists['Entity List'], 3_420);
  assert.equal(csl.ageDays, 10);
  assert.equal(csl.stale, false);
  assert.equal(status.lists.find((l) => l.source === 'un')!.stale, true, 'UN list of 2026-02-27 is older than 45 days on 2026-08-10');

  // Later starts find everything active and do nothing.
  const again = await child(db);
  assert.equal(again.code, 0, again.err);
  assert.deepEqual(JSON.parse(again.out), []);
  assert.equal((await store.listSnapshots()).length, all.length);
});
