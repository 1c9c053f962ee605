// Acceptance: a case replays on the control catalogue it was assessed with (its documents kept in
// the store by sha256), not on today's; old cases and catalogues the store lacks replay on today's
// catalogue with a caveat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vigil } from '../../src/app/vigil.js';
import { CaseService } from '../../src/cases/index.js';
import { buildControlCatalog, loadControlCatalog, ControlSources, type ControlCatalog } from '../../src/controls/catalog.js';
import { VigilRefusal } from '../../src/model/errors.js';
import type { DataVersions } from '../../src/model/index.js';
import { rawSql } from '../support/stores.js';
import { OFFICER, fixtureTx, json, openVigil, runCli } from './helpers.js';

const FIXTURE = 'it-thermal-cameras-ly.json'; // one item, 6A003.b.4

/** The shipped catalogue without entry 6A003 (and the synonyms that name it): a different catalogue version. */
function catalogWithout6A003(shipped: ControlCatalog): ControlCatalog {
  const docs = { ...shipped.sources.documents };
  const ccl = JSON.parse(docs['us-ear/ccl.json']!) as { entries: { eccn: string }[] };
  ccl.entries = ccl.entries.filter((e) => e.eccn !== '6A003');
  docs['us-ear/ccl.json'] = JSON.stringify(ccl);
  const syn = JSON.parse(docs['synonyms.json']!) as { synonyms: { ref: string }[] };
  syn.synonyms = syn.synonyms.filter((s) => !s.ref.startsWith('6A003'));
  docs['synonyms.json'] = JSON.stringify(syn);
  return buildControlCatalog(ControlSources.fromDocuments(docs, 'test variant'));
}

const itemCodes = (a: { items: { entries: { code: string }[] }[] }) => a.items.flatMap((i) => i.entries.map((e) => e.code));

test('replay uses the catalogue the case was assessed with, kept in the store; --current shows today\'s', async (t) => {
  const shipped = await loadControlCatalog();
  const variant = catalogWithout6A003(shipped);
  assert.notEqual(variant.sha256, shipped.sha256);

  // Case A is assessed on the shipped catalogue.
  const { vigil, db } = await openVigil(t);
  const a = await new CaseService(vigil).create(fixtureTx(FIXTURE), 'Officine Esempio', OFFICER, { submit: true });
  const storedA = (await new CaseService(vigil).assess(a.id, OFFICER)).determination!;
  assert.equal(storedA.dataVersions.controls.sha256, shipped.sha256);
  assert.equal(storedA.dataVersions.controls.version, shipped.version);
  assert.deepEqual(itemCodes(storedA), ['6A003']);
  const kept = await vigil.store.getControlCatalog(shipped.sha256);
  assert.deepEqual(kept?.documents, shipped.sources.documents, 'the documents are kept whole');
  await vigil.close();

  // On an instance whose current catalogue lacks 6A003, case B is assessed on it and case A
  // still replays on the catalogue it used.
  const other = await Vigil.open({ db, bundled: false, actor: 'test:runner', controlCatalog: variant });
  t.after(() => other.close().catch(() => {}));
  const svc = new CaseService(other);
  const b = await svc.create(fixtureTx(FIXTURE), 'Officine Esempio', OFFICER, { submit: true });
  const storedB = (await svc.assess(b.id, OFFICER)).determination!;
  assert.equal(storedB.dataVersions.controls.sha256, variant.sha256);
  assert.deepEqual(itemCodes(storedB), [], 'the variant does not classify the item');

  const rA = await svc.replay(a.id, { current: true }, OFFICER);
  assert.deepEqual(rA.caveats, []);
  assert.equal(rA.replay.same, true, `replay differs: ${JSON.stringify(rA.replay.differences)}`);
  assert.equal(rA.replay.dataVersions.controls.sha256, shipped.sha256);
  assert.deepEqual(itemCodes(rA.replay.assessment), ['6A003']);
  assert.equal(rA.current!.same, false);
  assert.equal(rA.current!.dataVersions.controls.sha256, variant.sha256);
  assert.deepEqual(rA.current!.differences.find((d) => d.path === 'items.entries'), { path: 'items.entries', before: ['0:6A003.b.4'], after: [] });
  await other.close();

  // The CLI's current catalogue is the shipped one: case B replays on the variant it used.
  const r = await runCli(db, ['cases', 'replay', b.id, '--current', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const doc = json(r);
  assert.deepEqual(doc.caveats, []);
  assert.equal(doc.replay.same, true, `replay differs: ${JSON.stringify(doc.replay.differences)}`);
  assert.equal(doc.replay.dataVersions.controls.sha256, variant.sha256);
  assert.equal(doc.replay.dataVersions.controls.version, variant.version);
  assert.equal(doc.current.same, false);
  assert.equal(doc.current.dataVersions.controls.sha256, shipped.sha256);
  assert.deepEqual(doc.current.differences.find((d: { path: string }) => d.path === 'items.entries'), { path: 'items.entries', before: [], after: ['0:6A003.b.4'] });
  const human = await runCli(db, ['cases', 'replay', b.id]);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /^replay .*\[same answer\]$/m);
  assert.ok(human.stdout.includes(`controls ${variant.version}`), human.stdout);
});

/** Rewrite the stored determination's control versions, as an older Vigil (or a damaged store) left them. */
async function setControls(vigil: Vigil, id: string, controls: DataVersions['controls']): Promise<void> {
  const c = (await vigil.store.getCase(id))!;
  const determination = { ...c.determination!, dataVersions: { ...c.determination!.dataVersions, controls } };
  assert.equal(await vigil.store.updateCase({ ...c, determination, version: c.version + 1 }), true);
}

test('a case from before catalogues were kept, or naming one the store lacks, replays on today\'s with a caveat', async (t) => {
  const { vigil, db } = await openVigil(t);
  const svc = new CaseService(vigil);
  const c = await svc.create(fixtureTx(FIXTURE), 'Officine Esempio', OFFICER, { submit: true });
  await svc.assess(c.id, OFFICER);
  const today = await vigil.controls();

  await setControls(vigil, c.id, { version: 'controls-2025-01-31-0123456789ab' });
  const old = await svc.replay(c.id, {}, OFFICER);
  assert.equal(old.replay.same, true);
  assert.equal(old.replay.dataVersions.controls.sha256, today.sha256);
  assert.deepEqual(old.caveats, [
    `control lists are replayed at version ${today.version}; the case used controls-2025-01-31-0123456789ab (assessed before control list versions were kept)`,
  ]);
  // Same version, no sha256 (assessed on today's data before it was kept): nothing to say.
  await setControls(vigil, c.id, { version: today.version });
  assert.deepEqual((await svc.replay(c.id, {}, OFFICER)).caveats, []);

  const missing = 'f'.repeat(64);
  await setControls(vigil, c.id, { version: 'controls-2025-01-31-ffffffffffff', sha256: missing });
  const lacking = await svc.replay(c.id, {}, OFFICER);
  assert.equal(lacking.replay.same, true);
  assert.deepEqual(lacking.caveats, [
    `control lists are replayed at version ${today.version}; the case used controls-2025-01-31-ffffffffffff (sha256 ${missing}), which this store does not keep`,
  ]);

  // Documents kept under a sha256 they do not hash to are refused, not replayed on.
  await rawSql({ db }, 'UPDATE control_catalogs SET sha256 = ?', [missing]);
  await assert.rejects(svc.replay(c.id, {}, OFFICER), (e: unknown) => e instanceof VigilRefusal && e.code === 'controls-changed' && e.message.includes(today.sha256));
});
