// A registered party whose alert an officer decided a true match blocks a case that names it: a
// `party-true-match` red flag on the case's assessment and the `no-true-match` guard on approval,
// also when the decision came after the assessment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CaseService } from '../../src/cases/index.js';
import { VigilRefusal } from '../../src/model/errors.js';
import type { Alert } from '../../src/model/index.js';
import { registerParties, reviewAlert } from '../../src/screening/parties.js';
import { OFFICER, fixtureTx, openVigil } from '../cases/helpers.js';

test('a true-match alert flags the assessment and blocks approval of a case naming the party', async (t) => {
  const { vigil } = await openVigil(t);
  const svc = new CaseService(vigil);
  const tx = fixtureTx('de-other-entry.json');
  const endUser = tx.parties[0]!.name;
  // The end user is registered; its screening raised an alert against a listing (as a hit records it).
  const { parties } = await registerParties(vigil.store, await vigil.screening(), [{ name: endUser, type: 'organization', country: 'LY' }], 'test:officer');
  const hit = (await vigil.screen({ name: 'Sample Procurement Bureau' })).hits[0]!;
  const now = new Date().toISOString();
  const alert: Alert = { id: 'A-test-1', partyId: parties[0]!.id, partyName: endUser, entityId: hit.entityId, source: hit.source, fingerprint: 'f', status: 'open', changed: false, score: hit.score, hit, reviews: [], createdAt: now, updatedAt: now };
  await vigil.store.putAlert(alert);

  // Assessed while the alert is open: no flag; approval is allowed.
  const before = await svc.assess((await svc.create(tx, 'Example GmbH', OFFICER, { submit: true })).id, OFFICER);
  assert.equal(before.determination!.redFlags.filter((f) => f.code === 'party-true-match').length, 0);
  assert.equal(svc.view(before).next.find((n) => n.to === 'approved')?.allowed, true);

  await reviewAlert(vigil.store, alert.id, 'true-match', 'test:officer');

  // Assessed after the decision: the flag names the alert, the view shows approval blocked.
  const after = await svc.assess((await svc.create({ ...tx, parties: [{ ...tx.parties[0]!, name: endUser.toUpperCase() }] }, 'Example GmbH', OFFICER, { submit: true })).id, OFFICER);
  const flag = after.determination!.redFlags.find((f) => f.code === 'party-true-match');
  assert.ok(flag, JSON.stringify(after.determination!.redFlags));
  assert.equal(flag.subject, alert.id);
  assert.match(flag.message, /true match with us-csl/);
  const approve = svc.view(after).next.find((n) => n.to === 'approved')!;
  assert.equal(approve.allowed, false);
  assert.equal(approve.blockedBy[0]!.guard, 'no-true-match');
  const refused = (err: unknown) => err instanceof VigilRefusal && err.code === 'precondition-no-true-match';
  await assert.rejects(svc.transition(after.id, { to: 'approved', reason: 'ok' }, OFFICER), refused);
  // The case assessed before the decision is blocked too: the transition reads the alerts as they stand.
  await assert.rejects(svc.transition(before.id, { to: 'approved', reason: 'ok' }, OFFICER), refused);
  // Denying stays possible.
  assert.equal((await svc.transition(after.id, { to: 'denied', reason: 'listed end user' }, OFFICER)).state, 'denied');
});
