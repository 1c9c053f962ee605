// An instance follows snapshot activations made by another one, however quickly they come: after
// a burst it serves the newest snapshot of every source (an older rebuild never wins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshPgDatabase, pgTestServer } from '../support/pg.js';
import { cleanupStack, entry, importSnapshot, openInstance, waitFor } from './support.js';

const pg = await pgTestServer();

test('a burst of activations by another instance ends with the newest snapshot of every source', { skip: pg.skip, timeout: 120_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(t);
  const admin = await openInstance(t, db.url);
  const follower = await openInstance(t, db.url);
  const fill = (source: string, n: number, size: number) => Array.from({ length: size }, (_, i) => entry(source, i, `${source} Trading House ${n}-${i}`));
  await importSnapshot(admin.store, 'list-a', fill('list-a', 0, 50), '2026-01-01');
  await follower.screening();

  const newest: Record<string, number> = {};
  for (let n = 1; n <= 6; n++) {
    for (const source of ['list-a', 'list-b']) {
      // Sizes vary so that rebuilds take different times.
      newest[source] = await importSnapshot(admin.store, source, fill(source, n, n % 2 ? 3000 : 20), `2026-02-0${n}`);
    }
  }
  const current = async () => Object.fromEntries((await follower.listVersions()).map((v) => [v.id, v.version]));
  await waitFor('the follower to serve the newest snapshots', async () => {
    const c = await current();
    return c['list-a'] === newest['list-a'] && c['list-b'] === newest['list-b'] ? true : undefined;
  }, 60_000, 50);
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(await current(), newest, 'still the newest once every rebuild has finished');
  const hit = await follower.screen({ name: 'list-b Trading House 6-7' }, { audit: false });
  assert.ok(hit.hits.some((h) => h.entityId === 'list-b:7' && h.source === 'list-b'));
});
