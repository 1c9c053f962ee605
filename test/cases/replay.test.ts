// Acceptance: a stored determination replays to the same answer on the list snapshot and rule set
// it used after a newer snapshot was activated; --current shows what today's data says and how
// it differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VigilRefusal } from '../../src/model/errors.js';
import { CaseService } from '../../src/cases/index.js';
import { OFFICER, activateSnapshot, entry, fixtureTx, json, openVigil, runCli } from './helpers.js';

test('replay gives the same answer after a newer list snapshot lists the end user; --current shows the change', async (t) => {
  const { vigil, db } = await openVigil(t);
  const svc = new CaseService(vigil);
  const c = await svc.create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Esempio', OFFICER, { submit: true });
  await assert.rejects(svc.replay(c.id, {}, OFFICER), (e: unknown) => e instanceof VigilRefusal && e.code === 'not-assessed');
  const assessed = await svc.assess(c.id, OFFICER);
  const stored = assessed.determination!;
  assert.deepEqual(stored.screening.flatMap((p) => p.hits), [], 'the end user is on no list yet');
  const usedCsl = stored.dataVersions.lists.find((l) => l.id === 'us-csl')!;

  // A newer US list names the Libyan end user.
  const newer = await activateSnapshot(vigil.store, 'us-csl', '2026-08-15', [
    entry('us-csl', 'E1', 'Sample Procurement Bureau'),
    entry('us-csl', 'E2', 'Tripoli Sample Trading Establishment'),
    entry('us-csl', 'E3', "General People's Committee for Public Security", { programs: ['TEST-LY'] }),
  ]);
  assert.notEqual(newer.id, usedCsl.version);
  assert.equal((await vigil.store.getSnapshot(usedCsl.version))!.status, 'superseded');
  await vigil.close();

  const r = await runCli(db, ['cases', 'replay', c.id, '--current', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const doc = json(r);
  assert.equal(doc.caseId, c.id);
  assert.equal(doc.asOf, stored.asOf);
  assert.equal(doc.replay.same, true, `replay differs: ${JSON.stringify(doc.replay.differences)}`);
  assert.deepEqual(doc.replay.dataVersions.lists, stored.dataVersions.lists, 'replayed on the snapshots the case used');
  assert.equal(doc.replay.dataVersions.rules.sha256, stored.dataVersions.rules.sha256);
  assert.equal(doc.replay.outcome, doc.stored.outcome);
  assert.deepEqual(
    doc.replay.assessment.determinations.map((d: { jurisdiction: string; outcome: string }) => [d.jurisdiction, d.outcome]),
    stored.determinations.map((d) => [d.jurisdiction, d.outcome]),
  );

  assert.equal(doc.current.same, false);
  assert.ok(doc.current.dataVersions.lists.some((l: { version: number }) => l.version === newer.id), 'current uses the newer snapshot');
  const hitDiff = doc.current.differences.find((d: { path: string }) => d.path.startsWith('screening.end-user'));
  assert.ok(hitDiff, `expected a screening difference among ${JSON.stringify(doc.current.differences)}`);
  assert.deepEqual(hitDiff.before, []);
  assert.match(hitDiff.after[0], /^us-csl:E3@/);

  // The human rendering says the same.
  const human = await runCli(db, ['cases', 'replay', c.id]);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /^replay .*\[same answer\]$/m);
});
