// Several instances on one PostgreSQL database. Two `vigil serve` processes keep their screening
// index in memory; when a third instance (this test process) activates a new list snapshot, both
// reload it (LISTEN/NOTIFY) and their answers change — and no answer ever comes from a partial
// snapshot. A batch job submitted to the instance without a worker is screened by the other's
// (with the new snapshot). Their concurrent screenings land in one linear audit chain
// (`vigil audit verify`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ScreenResult } from '../../src/model/index.js';
import { freshPgDatabase, pgTestServer } from '../support/pg.js';
import { ROOT, cleanupStack, entry, importSnapshot, openInstance, placeholderBundledLists, startCli, waitFor } from './support.js';

const pg = await pgTestServer();

const SOURCE = 'test-list';
const TARGET = 'Zubair Qasimov Engineering Works';

/** What one answer says: which snapshot of the test list it used, and whether it found the target. */
interface Observation { version: number | undefined; found: boolean }

async function screenOnce(url: string): Promise<Observation> {
  const res = await fetch(`${url}/api/screen`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: TARGET, type: 'organization' }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const r = (await res.json()) as ScreenResult;
  return {
    version: r.lists.find((l) => l.id === SOURCE)?.version,
    found: r.hits.some((h) => h.source === SOURCE && h.matchedName === TARGET),
  };
}

test('two serving instances reload a snapshot activated by a third, never answering from a partial one', { skip: pg.skip, timeout: 180_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(t);
  const admin = await openInstance(t, db.url);
  await placeholderBundledLists(admin.store);
  const filler = (from: number, n: number) => Array.from({ length: n }, (_, i) => entry(SOURCE, from + i, `Filler Logistics Company ${from + i}`));
  const v1 = await importSnapshot(admin.store, SOURCE, filler(0, 500), '2026-01-01');

  const serveArgs = ['--database-url', db.url, 'serve', '--port', '0', '--rate-limit', '0'];
  // The first runs the default chunk worker, the second none.
  const servers = [startCli(t, serveArgs), startCli(t, [...serveArgs, '--no-worker'])];
  const urls = (await Promise.all(servers.map((s) => s.ready))).map((r) => String(r.url));

  for (const url of urls) assert.deepEqual(await screenOnce(url), { version: v1, found: false });

  // Hammer both instances while the new snapshot is staged batch by batch and then activated.
  const seen: Observation[] = [];
  let stop = false;
  const hammer = urls.map(async (url) => {
    while (!stop) seen.push(await screenOnce(url));
  });
  const snap = await admin.store.createSnapshot({ source: SOURCE, format: 'test', listDate: '2026-02-01', sha256: 'b'.repeat(64), fileName: 'v2.json' });
  for (let b = 0; b < 5; b++) {
    const batch = filler(1000 + b * 400, 400);
    if (b === 2) batch.push(entry(SOURCE, 99_999, TARGET));
    await admin.store.addEntries(snap.id, batch);
  }
  await admin.store.activateSnapshot(snap.id);
  const v2 = snap.id;
  try {
    for (const url of urls) {
      await waitFor(`${url} to answer from snapshot ${v2}`, async () => ((await screenOnce(url)).version === v2 ? true : undefined), 60_000, 50);
    }
    // Keep observing a little after the switch.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    stop = true;
    await Promise.all(hammer);
  }

  for (const url of urls) assert.deepEqual(await screenOnce(url), { version: v2, found: true });
  assert.ok(seen.length >= 10, `observed ${seen.length} answers during the switch`);
  for (const o of seen) {
    assert.ok(o.version === v1 || o.version === v2, `answer from an unknown snapshot: ${JSON.stringify(o)}`);
    assert.equal(o.found, o.version === v2, `answer inconsistent with its snapshot (partial index?): ${JSON.stringify(o)}`);
  }

  // A job sent to the instance without a worker is screened by the other one, on the new snapshot.
  const posted = await fetch(`${urls[1]}/api/jobs/screen`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: `name,type\nFiller Logistics Company 7,organization\n"${TARGET}",organization\n` });
  assert.equal(posted.status, 202, await posted.clone().text());
  const { id } = (await posted.json()) as { id: string };
  await waitFor('the job to be done', async () => {
    const s = (await (await fetch(`${urls[1]}/api/jobs/${id}`)).json()) as { status: string };
    return s.status === 'done' ? true : undefined;
  }, 60_000, 100);
  const lines = (await (await fetch(`${urls[1]}/api/jobs/${id}/results`)).text()).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.row), [1, 2]);
  assert.ok(lines[1].hits.some((h: { matchedName: string }) => h.matchedName === TARGET), 'the worker screened with the new snapshot');

  // Every screening by both instances is one event of one linear chain.
  const verify = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--database-url', db.url, 'audit', 'verify', '--json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(verify.status, 0, verify.stderr);
  const report = JSON.parse(verify.stdout) as { ok: boolean; events?: number; checked?: number };
  assert.equal(report.ok, true, verify.stdout);
  const screens = (await admin.store.listAudit({ limit: 100_000 })).filter((e) => e.action === 'screen').length;
  assert.ok(screens >= seen.length + 2 * urls.length, `audit has ${screens} screen events for ${seen.length + 2 * urls.length} requests`);
  tt.diagnostic(`${seen.length} answers observed across the switch; ${screens} screen events in the audit chain`);
});
