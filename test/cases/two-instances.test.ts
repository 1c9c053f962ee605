// Acceptance: two Vigil instances (two SQLite files = two governments). Italy denies a licence
// and exports the denial notification; Germany imports it. A German case for an essentially
// identical transaction is flagged consultation-required with Italy's reference and cannot be
// approved until Italy has answered; cases differing in entry, destination or end user are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VigilRefusal } from '../../src/model/errors.js';
import { CaseService, DENIAL_FILE_FORMAT } from '../../src/cases/index.js';
import { OFFICER, fixturePath, fixtureTx, json, openVigil, runCli, tempDir } from './helpers.js';

test('a denial exported by instance A flags an essentially identical case in instance B, and only that one', async (t) => {
  const dir = tempDir(t);
  const dbA = join(dir, 'italy.db');
  const dbB = join(dir, 'germany.db');
  // Seed both stores with the same small lists, then let the CLI do the work.
  for (const db of [dbA, dbB]) await (await openVigil(t, db)).vigil.close();

  // ---- Italy ----------------------------------------------------------------------------------
  const itEnv = { VIGIL_ISSUER: 'IT', VIGIL_ACTOR: 'it:officer-rossi' };
  const created = await runCli(dbA, ['cases', 'create', fixturePath('it-thermal-cameras-ly.json'), '--applicant', 'Officine Esempio S.p.A.', '--submit', '--json'], itEnv);
  assert.equal(created.status, 0, created.stderr);
  const itCase = json(created).id as string;
  const assessed = await runCli(dbA, ['cases', 'assess', itCase, '--json'], itEnv);
  assert.equal(assessed.status, 0, assessed.stderr);
  assert.equal(json(assessed).state, 'under-assessment');
  const denied = await runCli(dbA, ['cases', 'transition', itCase, 'denied', '--reason', 'risk of diversion to paramilitary units', '--json'], itEnv);
  assert.equal(denied.status, 0, denied.stderr);
  const [reference] = json(denied).denialNotifications as string[];
  assert.match(reference!, /^IT-\d{4}-0001$/);
  const file = join(dir, 'it-denials.json');
  const exported = await runCli(dbA, ['cases', 'denials', 'export', file, '--json'], itEnv);
  assert.equal(exported.status, 0, exported.stderr);
  assert.deepEqual(json(exported).ids, [reference]);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(doc.format, DENIAL_FILE_FORMAT);
  assert.equal(doc.issuer, 'IT');
  const n = doc.notifications[0];
  assert.deepEqual(
    { id: n.id, issuer: n.issuer, regime: n.regime, entries: n.entries, destination: n.destination, endUser: n.endUser, reason: n.reason },
    { id: reference, issuer: 'IT', regime: 'WA', entries: ['6A003.b.4'], destination: 'LY', endUser: "General People's Committee for Public Security", reason: 'risk of diversion to paramilitary units' },
  );
  assert.match(n.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(n.caseId, undefined, 'local case ids stay home');

  // ---- Germany --------------------------------------------------------------------------------
  const deEnv = { VIGIL_ISSUER: 'DE', VIGIL_ACTOR: 'de:officer-schmidt' };
  const imported = await runCli(dbB, ['cases', 'denials', 'import', file, '--json'], deEnv);
  assert.equal(imported.status, 0, imported.stderr);
  assert.deepEqual(json(imported).imported, [reference]);
  const again = await runCli(dbB, ['cases', 'denials', 'import', file, '--json'], deEnv);
  assert.deepEqual([json(again).imported, json(again).updated], [[], [reference]], 're-importing updates, never duplicates');

  const similar = await runCli(dbB, ['cases', 'create', fixturePath('de-similar.json'), '--applicant', 'Beispiel Optik GmbH', '--submit', '--json'], deEnv);
  assert.equal(similar.status, 0, similar.stderr);
  const deCase = json(similar).id as string;
  const flagged = await runCli(dbB, ['cases', 'assess', deCase, '--json'], deEnv);
  assert.equal(flagged.status, 0, flagged.stderr);
  const view = json(flagged);
  const flag = view.determination.redFlags.find((f: { code: string }) => f.code === 'consultation-required');
  assert.ok(flag, `expected consultation-required among ${JSON.stringify(view.determination.redFlags)}`);
  assert.equal(flag.subject, reference);
  assert.match(flag.message, new RegExp(`IT denied an essentially identical transaction \\(${reference}`));
  assert.deepEqual(view.partnerDenials.map((d: { reference: string }) => d.reference), [reference]);

  const approve = await runCli(dbB, ['cases', 'transition', deCase, 'approved', '--reason', 'border security', '--json'], deEnv);
  assert.equal(approve.status, 3);
  // Under --json the refusal is the JSON error document on stdout.
  assert.equal(json(approve).error.code, 'consultation-required');
  assert.match(json(approve).error.message, new RegExp(reference!));

  // Consultation: requested, answered, then the officer may decide.
  const { vigil } = await openVigil(t, dbB);
  const svc = new CaseService(vigil);
  const asked = await svc.requestConsultation(deCase, { denialReference: reference!, message: 'Do you object to 8 cameras for the same end user?', date: '2026-03-02' }, { id: 'de:officer-schmidt', role: 'officer' });
  assert.equal(asked.state, 'in-consultation');
  await assert.rejects(svc.transition(deCase, { to: 'approved', reason: 'x' }, OFFICER), (e: unknown) => e instanceof VigilRefusal && e.code === 'consultation-required');
  await assert.rejects(svc.recordConsultationResponse(deCase, { consultation: reference!, position: 'no-objection', message: 'early', date: '2026-03-01' }, OFFICER), /cannot predate the request/);
  const answered = await svc.recordConsultationResponse(deCase, { consultation: reference!, position: 'maintains-denial', message: 'Italy maintains its denial', date: '2026-03-20' }, OFFICER);
  assert.deepEqual(answered.consultations!.map((k) => [k.partner, k.requestedAt, k.response?.receivedAt, k.response?.position]), [['IT', '2026-03-02', '2026-03-20', 'maintains-denial']]);
  const decided = await svc.transition(deCase, { to: 'denied', reason: 'aligned with the partner denial' }, OFFICER);
  assert.equal(decided.state, 'denied');
  // Germany's own denial goes out under its own issuer.
  assert.match(decided.denialNotifications![0]!, /^DE-\d{4}-0001$/);

  // Dissimilar transactions: another control entry, destination or end user — no flag.
  for (const name of ['de-other-entry.json', 'de-other-destination.json', 'de-other-end-user.json']) {
    const c = await svc.create(fixtureTx(name), 'Beispiel Optik GmbH', OFFICER, { submit: true });
    const a = await svc.assess(c.id, OFFICER);
    assert.deepEqual(a.partnerDenials, [], name);
    assert.ok(!a.determination!.redFlags.some((f) => f.code === 'consultation-required'), name);
  }
  // Our own denial does not flag our own later cases (partners' denials only).
  const own = await svc.create(fixtureTx('de-similar.json'), 'Beispiel Optik GmbH', OFFICER, { submit: true });
  const ownAssessed = await svc.assess(own.id, OFFICER);
  assert.deepEqual(ownAssessed.partnerDenials!.map((d) => d.issuer), ['IT']);
});

test('a bad denial file is refused naming the file and field, and nothing is imported', async (t) => {
  const { vigil } = await openVigil(t);
  const svc = new CaseService(vigil);
  const dir = tempDir(t);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ format: DENIAL_FILE_FORMAT, version: 1, issuer: 'FR', exportedAt: 'x', notifications: [
    { id: 'FR-1', issuer: 'FR', regime: 'WA', entries: ['6A003'], destination: 'LY', endUser: 'X', reason: 'r', date: '2026-01-01' },
    { id: 'FR-2', issuer: 'FR', regime: 'WA', entries: [], destination: 'LY', endUser: 'X', reason: 'r', date: '2026-01-01' },
  ] }));
  await assert.rejects(svc.importDenials(bad, OFFICER), (e: Error) => e.message.includes(`${bad}: notifications[1].entries`));
  writeFileSync(join(dir, 'nojson.json'), '{ nope');
  await assert.rejects(svc.importDenials(join(dir, 'nojson.json'), OFFICER), /nojson\.json: not JSON/);
  assert.deepEqual(await vigil.store.listDenialNotifications(), []);
});
