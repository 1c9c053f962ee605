// The cases, denials and audit routes over real HTTP: officer role required, the same documents
// as the CLI, refusals as 422 with their code, unknown cases as 404, the caller as audit actor,
// and the two-government exchange through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createKey } from '../../src/api/keys.js';
import { startApi } from '../api/support.js';
import { fixtureTx, openVigil, tempDir } from './helpers.js';

async function seeded(t: { after(fn: () => unknown): void }, name: string): Promise<string> {
  const db = join(tempDir(t), `${name}.db`);
  await (await openVigil(t, db)).vigil.close();
  return db;
}

test('cases over HTTP: roles, life cycle, refusals, denial exchange and audit', async (t) => {
  const italy = await startApi(t, { db: await seeded(t, 'it'), rateLimit: false });
  const germany = await startApi(t, { db: await seeded(t, 'de'), rateLimit: false });
  const itOfficer = await createKey(italy.vigil.store, 'officer', 'IT desk');
  const itReader = await createKey(italy.vigil.store, 'reader', 'analyst');
  const deOfficer = await createKey(germany.vigil.store, 'officer', 'DE desk');

  const tx = fixtureTx('it-thermal-cameras-ly.json');
  assert.equal((await italy.call('GET', '/api/cases')).status, 401);
  assert.equal((await italy.call('GET', '/api/cases', { key: itReader.secret })).status, 403);
  assert.equal((await italy.call('GET', '/api/audit/verify', { key: itReader.secret })).status, 403);

  const bad = await italy.call('POST', '/api/cases', { key: itOfficer.secret, body: { applicant: 'X', transaction: { ...tx, items: [] } } });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.issues.some((i: { path: string }) => i.path.startsWith('transaction.items')), JSON.stringify(bad.body));

  const created = await italy.call('POST', '/api/cases', { key: itOfficer.secret, body: { applicant: 'Officine Esempio', transaction: tx, submit: true } });
  assert.equal(created.status, 201, created.text);
  const id = created.body.id as string;
  // The actor is the key's label, with the key id kept (labels are not unique): never api-key:… or anonymous.
  const itActor = `IT desk (${itOfficer.id})`;
  assert.equal(created.body.timeline[0].actor, itActor);
  const createdTrail = await italy.call('GET', `/api/audit?subject=${id}&action=case.create`, { key: itOfficer.secret });
  assert.deepEqual(createdTrail.body.events.map((e: { actor: string }) => e.actor), [itActor]);
  assert.deepEqual(created.body.next.map((n: { to: string }) => n.to), ['under-assessment', 'withdrawn']);
  assert.equal((await italy.call('GET', '/api/cases/C-1999-0404', { key: itOfficer.secret })).status, 404);

  const illegal = await italy.call('POST', `/api/cases/${id}/transitions`, { key: itOfficer.secret, body: { to: 'approved', reason: 'fine' } });
  assert.equal(illegal.status, 422);
  assert.equal(illegal.body.code, 'illegal-transition');
  const noReason = await italy.call('POST', `/api/cases/${id}/transitions`, { key: itOfficer.secret, body: { to: 'withdrawn' } });
  assert.equal(noReason.status, 400);

  const assessed = await italy.call('POST', `/api/cases/${id}/assess`, { key: itOfficer.secret });
  assert.equal(assessed.status, 200, assessed.text);
  assert.equal(assessed.body.state, 'under-assessment');
  const denied = await italy.call('POST', `/api/cases/${id}/transitions`, { key: itOfficer.secret, body: { to: 'denied', reason: 'paramilitary risk' } });
  assert.equal(denied.status, 200, denied.text);
  const list = await italy.call('GET', '/api/cases?state=denied', { key: itOfficer.secret });
  assert.deepEqual(list.body.cases.map((c: { id: string }) => c.id), [id]);
  assert.deepEqual((await italy.call('GET', '/api/cases?state=approved', { key: itOfficer.secret })).body.cases, []);
  // The expiry sweep is an officer's call; with no approved licence it closes nothing.
  assert.equal((await italy.call('POST', '/api/cases/expire-due', { key: itReader.secret, body: {} })).status, 403);
  assert.equal((await italy.call('POST', '/api/cases/expire-due', { key: itOfficer.secret, body: { asOf: '2026-13-01' } })).status, 400);
  const sweep = await italy.call('POST', '/api/cases/expire-due', { key: itOfficer.secret, body: { asOf: '2030-01-01' } });
  assert.equal(sweep.status, 200, sweep.text);
  assert.deepEqual(sweep.body, { asOf: '2030-01-01', expired: [], refused: [] });

  const exported = await italy.call('GET', '/api/denials/export', { key: itOfficer.secret });
  assert.equal(exported.status, 200);
  assert.equal(exported.body.notifications.length, 1);
  const reference = exported.body.notifications[0].id as string;

  // Germany takes Italy's file and meets an essentially identical application.
  const imported = await germany.call('POST', '/api/denials/import', { key: deOfficer.secret, body: exported.body });
  assert.equal(imported.status, 200, imported.text);
  assert.deepEqual(imported.body.imported, [reference]);
  const badFile = await germany.call('POST', '/api/denials/import', { key: deOfficer.secret, body: { format: 'something-else' } });
  assert.equal(badFile.status, 400);
  const de = await germany.call('POST', '/api/cases', { key: deOfficer.secret, body: { applicant: 'Beispiel Optik', transaction: fixtureTx('de-similar.json'), submit: true } });
  const deId = de.body.id as string;
  const deAssessed = await germany.call('POST', `/api/cases/${deId}/assess`, { key: deOfficer.secret });
  assert.ok(deAssessed.body.determination.redFlags.some((f: { code: string; subject: string }) => f.code === 'consultation-required' && f.subject === reference));
  const blocked = await germany.call('POST', `/api/cases/${deId}/transitions`, { key: deOfficer.secret, body: { to: 'approved', reason: 'ok' } });
  assert.deepEqual([blocked.status, blocked.body.code], [422, 'consultation-required']);
  const asked = await germany.call('POST', `/api/cases/${deId}/consultations`, { key: deOfficer.secret, body: { denialReference: reference, message: 'objection?', date: '2026-04-01' } });
  assert.equal(asked.body.state, 'in-consultation');
  const kId = asked.body.consultations[0].id as string;
  const answered = await germany.call('POST', `/api/cases/${deId}/consultations/${kId}/response`, { key: deOfficer.secret, body: { position: 'no-objection', date: '2026-04-09' } });
  assert.equal(answered.status, 200, answered.text);
  assert.deepEqual(answered.body.openConsultations, []);
  const approved = await germany.call('POST', `/api/cases/${deId}/transitions`, { key: deOfficer.secret, body: { to: 'approved', reason: 'partner has no objection', issuedAt: '2026-04-10', validUntil: '2026-10-10' } });
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.body.licence.validUntil, '2026-10-10');
  const shipped = await germany.call('POST', `/api/cases/${deId}/shipments`, { key: deOfficer.secret, body: { date: '2026-05-01', lines: [{ index: 0, quantity: 8, value: 120000 }] } });
  assert.equal(shipped.body.state, 'exhausted');
  const replay = await germany.call('POST', `/api/cases/${deId}/replay`, { key: deOfficer.secret });
  assert.equal(replay.status, 200, replay.text);
  assert.equal(replay.body.replay.same, true);

  // The audit trail names the key that acted, and the chain holds.
  const trail = await germany.call('GET', `/api/audit?subject=${deId}`, { key: deOfficer.secret });
  assert.ok(trail.body.events.length >= 7);
  assert.ok(trail.body.events.every((e: { actor: string }) => e.actor === `DE desk (${deOfficer.id})`));
  const verify = await germany.call('GET', '/api/audit/verify', { key: deOfficer.secret });
  assert.deepEqual([verify.status, verify.body.ok], [200, true]);
});
