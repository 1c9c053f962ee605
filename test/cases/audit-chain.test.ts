// Acceptance: editing any audit row directly in the database (as an attacker with the file would)
// makes `vigil audit verify` fail at exactly that row; removing or inserting rows breaks the link.
// This is the one place a test opens the SQLite file itself, with better-sqlite3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { CaseService, verifyAuditChain } from '../../src/cases/index.js';
import { Vigil } from '../../src/app/vigil.js';
import { OFFICER, fixtureTx, json, openVigil, runCli } from './helpers.js';

/** A store with a varied trail: case actions, a refusal, screenings (some with no optional fields set). */
async function trail(t: { after(fn: () => unknown): void }): Promise<string> {
  const { vigil, db } = await openVigil(t);
  const svc = new CaseService(vigil);
  const c = await svc.create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Esempio', OFFICER, { submit: true });
  await svc.transition(c.id, { to: 'approved', reason: 'too early' }, OFFICER).catch(() => {});
  await vigil.screen({ name: 'Sample Procurement Bureau' }, { actor: 'test:screening' });
  await svc.transition(c.id, { to: 'under-assessment', reason: 'assigned' }, OFFICER);
  await vigil.store.appendAudit({ actor: 'test:bare', action: 'note' });
  await svc.transition(c.id, { to: 'withdrawn', reason: 'applicant withdrew' }, OFFICER);
  await vigil.close();
  return db;
}

/** A changed value of the same type for each column an attacker might touch. */
const EDITS: Record<string, (v: unknown) => unknown> = {
  at: (v) => String(v).replace(/^\d{4}/, '1999'),
  actor: () => 'someone-else',
  action: (v) => (v === 'case.create' ? 'case.transition' : 'case.create'),
  subject: (v) => (v === null ? 'C-2026-9999' : `${v}x`),
  input_hash: (v) => (v === null ? 'f'.repeat(64) : String(v).replace(/^./, (ch) => (ch === '0' ? '1' : '0'))),
  outcome: (v) => (v === null ? 'approved' : `${v}!`),
  data_versions: (v) => (v === null ? '{"lists":[]}' : String(v).replace(/"version":\d+/, '"version":999')),
  detail: (v) => (v === null ? '{"forged":true}' : JSON.stringify({ ...JSON.parse(String(v)), forged: true })),
  prev_hash: (v) => String(v).replace(/^./, (ch) => (ch === 'a' ? 'b' : 'a')),
  hash: (v) => String(v).replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a')),
};

test('editing any column of any audit row makes verify fail at exactly that row', async (t) => {
  const dbFile = await trail(t);
  const raw = new Database(dbFile);
  t.after(() => raw.close());
  const rows = raw.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Record<string, unknown>[];
  assert.ok(rows.length >= 6, `trail has ${rows.length} events`);
  const vigil = await Vigil.open({ db: dbFile, bundled: false });
  t.after(() => vigil.close());
  assert.equal((await verifyAuditChain(vigil.store)).ok, true);

  let checked = 0;
  for (const row of rows) {
    for (const [column, edit] of Object.entries(EDITS)) {
      const original = row[column];
      const changed = edit(original);
      assert.notEqual(changed, original, `${column} of ${row.seq} must change`);
      raw.prepare(`UPDATE audit_events SET ${column} = ? WHERE seq = ?`).run(changed, row.seq);
      const r = await verifyAuditChain(vigil.store);
      assert.equal(r.ok, false, `edit of ${column} at seq ${row.seq} went unnoticed`);
      assert.equal(r.firstBroken!.seq, row.seq, `edit of ${column} at seq ${row.seq} reported at ${r.firstBroken!.seq}`);
      assert.equal(r.firstBroken!.kind, 'hash');
      raw.prepare(`UPDATE audit_events SET ${column} = ? WHERE seq = ?`).run(original, row.seq);
      checked++;
    }
  }
  assert.equal(checked, rows.length * Object.keys(EDITS).length);
  assert.equal((await verifyAuditChain(vigil.store)).ok, true, 'restored rows verify again');

  // Renumbering a row is caught at the row as it now stands.
  raw.prepare('UPDATE audit_events SET seq = 1000 WHERE seq = 3').run();
  let r = await verifyAuditChain(vigil.store);
  assert.deepEqual([r.ok, r.firstBroken?.seq, r.firstBroken?.kind], [false, 1000, 'hash']);
  raw.prepare('UPDATE audit_events SET seq = 3 WHERE seq = 1000').run();

  // Deleting a row: every remaining row is intact, but the chain names the missing one.
  const head = (await verifyAuditChain(vigil.store)).head!;
  raw.prepare('DELETE FROM audit_events WHERE seq = 4').run();
  r = await verifyAuditChain(vigil.store);
  assert.deepEqual([r.ok, r.firstBroken?.seq, r.firstBroken?.kind], [false, 4, 'seq']);
  const columns = Object.keys(rows[3]!);
  raw.prepare(`INSERT INTO audit_events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((k) => rows[3]![k]));
  assert.equal((await verifyAuditChain(vigil.store)).ok, true);

  // Truncating the tail is visible only against a head noted elsewhere.
  raw.prepare(`DELETE FROM audit_events WHERE seq = ${rows.length}`).run();
  assert.equal((await verifyAuditChain(vigil.store)).ok, true, 'a shortened chain is still a chain');
  r = await verifyAuditChain(vigil.store, { expectHead: head });
  assert.deepEqual([r.ok, r.firstBroken?.seq], [false, rows.length]);
});

test('vigil audit verify --json names the first broken link and exits 1; audit list shows the trail', async (t) => {
  const dbFile = await trail(t);
  const ok = await runCli(dbFile, ['audit', 'verify', '--json']);
  assert.equal(ok.status, 0, ok.stderr);
  const good = json(ok);
  assert.equal(good.ok, true);
  assert.match(good.head, /^[0-9a-f]{64}$/);

  const listed = await runCli(dbFile, ['audit', 'list', '--action', 'case.transition', '--json']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.deepEqual(json(listed).events.map((e: { outcome: string }) => e.outcome), [
    'refused (illegal-transition)', 'submitted -> under-assessment', 'under-assessment -> withdrawn',
  ]);
  const newest = await runCli(dbFile, ['audit', 'list', '--actor', 'TEST:s', '--newest-first', '--json']);
  assert.equal(newest.status, 0, newest.stderr);
  assert.deepEqual(json(newest).events.map((e: { actor: string; action: string }) => [e.actor, e.action]), [['test:screening', 'screen']]);
  const lastTwo = json(await runCli(dbFile, ['audit', 'list', '--newest-first', '--limit', '2', '--json'])).events.map((e: { seq: number }) => e.seq);
  assert.equal(lastTwo[0] - 1, lastTwo[1], 'newest first');
  assert.deepEqual(json(await runCli(dbFile, ['audit', 'list', '--newest-first', '--before', String(lastTwo[1]), '--limit', '1', '--json'])).events.map((e: { seq: number }) => e.seq), [lastTwo[1] - 1]);

  const raw = new Database(dbFile);
  raw.prepare("UPDATE audit_events SET outcome = 'submitted -> approved' WHERE seq = 4").run();
  raw.close();
  const broken = await runCli(dbFile, ['audit', 'verify', '--json']);
  assert.equal(broken.status, 1);
  const doc = json(broken);
  assert.equal(doc.ok, false);
  assert.equal(doc.firstBroken.seq, 4);
  const human = await runCli(dbFile, ['audit', 'verify']);
  assert.equal(human.status, 1);
  assert.match(human.stdout, /^audit chain BROKEN at seq 4 \(hash\)/);
});
