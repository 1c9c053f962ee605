// Point-in-time screening: the snapshots in force on a day are those activated before it ended, so
// a listing is found from the day of its activation, not the day before, and a delisted entry is
// still found on days before its removal. Through the function and `vigil screen --as-of`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { VigilInputError } from '../../src/model/errors.js';
import { screenAsOf } from '../../src/screening/as-of.js';
import { ROOT, activateSnapshot, entry, openVigil } from '../cases/helpers.js';
import { rawSql } from '../support/stores.js';

test('screen as of a day: the day before and the day of each activation', async (t) => {
  const { vigil, db } = await openVigil(t);
  const store = vigil.store;
  const first = await activateSnapshot(store, 'test', '2026-03-01', [entry('test', 'Z1', 'Zebra Holdings Limited')]);
  const second = await activateSnapshot(store, 'test', '2026-06-01', [entry('test', 'Q1', 'Quokka Trading Company')]);
  await rawSql({ db }, 'UPDATE snapshots SET activated_at = ? WHERE id = ?', ['2026-03-01T10:00:00.000Z', first.id]);
  await rawSql({ db }, 'UPDATE snapshots SET activated_at = ? WHERE id = ?', ['2026-06-01T10:00:00.000Z', second.id]);
  await rawSql({ db }, "UPDATE snapshots SET activated_at = ? WHERE source <> 'test'", ['2026-01-01T00:00:00.000Z']);

  const ids = async (name: string, day: string) => (await screenAsOf(store, { name }, day)).hits.map((h) => h.entityId);
  await assert.rejects(screenAsOf(store, { name: 'Zebra Holdings Limited' }, '2025-12-31'), (e: unknown) => e instanceof VigilInputError && /no list snapshot was active on 2025-12-31/.test(e.message));
  await assert.rejects(screenAsOf(store, { name: 'x' }, '2026-13-01'), VigilInputError);
  assert.deepEqual(await ids('Zebra Holdings Limited', '2026-02-28'), [], 'the day before the listing');
  assert.deepEqual(await ids('Zebra Holdings Limited', '2026-03-01'), ['test:Z1'], 'the day of the listing');
  assert.deepEqual(await ids('Zebra Holdings Limited', '2026-05-31'), ['test:Z1'], 'the day before the new snapshot');
  assert.deepEqual(await ids('Zebra Holdings Limited', '2026-06-01'), [], 'delisted from the day of the new snapshot');
  assert.deepEqual(await ids('Quokka Trading Company', '2026-05-31'), []);
  const r = await screenAsOf(store, { name: 'Quokka Trading Company' }, '2026-06-01');
  assert.deepEqual(r.hits.map((h) => h.entityId), ['test:Q1']);
  assert.equal(r.lists.find((l) => l.id === 'test')?.version, second.id);
  await vigil.close();

  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'screen', 'Zebra Holdings Limited', '--as-of', '2026-04-15', '--json'], {
    cwd: ROOT, env: { ...process.env, VIGIL_DB: db }, encoding: 'utf8',
  });
  assert.equal(cli.status, 0, cli.stderr);
  const doc = JSON.parse(cli.stdout);
  assert.equal(doc.asOf, '2026-04-15');
  assert.deepEqual(doc.hits.map((h: { entityId: string }) => h.entityId), ['test:Z1']);
  assert.equal(doc.lists.find((l: { id: string }) => l.id === 'test').version, first.id);
  const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'screen', 'Zebra', '--as-of', '15/04/2026'], { cwd: ROOT, env: { ...process.env, VIGIL_DB: db }, encoding: 'utf8' });
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /as-of must be a date YYYY-MM-DD/);
});
