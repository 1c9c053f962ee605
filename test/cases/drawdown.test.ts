// Licence draw-down: shipments against an approved licence, refused beyond what remains, after
// expiry, before issue, or once the licence is used up; the last shipment closes it as exhausted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VigilInputError, VigilRefusal } from '../../src/model/errors.js';
import { CaseService } from '../../src/cases/index.js';
import { OFFICER, fixtureTx, json, openVigil, runCli } from './helpers.js';

const refusal = (code: string) => (err: unknown) => err instanceof VigilRefusal && err.code === code;

async function approvedCase(svc: CaseService, validity: { issuedAt: string; validUntil: string }) {
  // Two items: cameras licensed by quantity and value, lenses by value only.
  const tx = fixtureTx('it-thermal-cameras-ly.json');
  tx.items.push({ description: 'spare germanium lenses', code: '6A004.c', value: 10000, currency: 'EUR', usOrigin: false });
  const c = await svc.create(tx, 'Officine Esempio', OFFICER, { submit: true });
  await svc.assess(c.id, OFFICER);
  return svc.transition(c.id, { to: 'approved', reason: 'border-security end use verified', ...validity }, OFFICER);
}

test('shipments draw the licence down and are refused beyond what remains or outside its validity', async (t) => {
  const { vigil } = await openVigil(t);
  const svc = new CaseService(vigil);
  const c = await approvedCase(svc, { issuedAt: '2026-01-10', validUntil: '2026-12-31' });
  assert.equal(c.state, 'approved');
  assert.match(c.licence!.number, /^IT-L-2026-\d{4}$/);
  assert.deepEqual(c.licence!.items.map((i) => [i.quantity, i.value]), [[12, 180000], [undefined, 10000]]);

  const s1 = await svc.ship(c.id, { date: '2026-02-01', lines: [{ index: 0, quantity: 5, value: 75000 }] }, OFFICER);
  let bal = svc.view(s1).licenceBalance!;
  assert.equal(bal[0]!.remainingQuantity, 7);
  assert.equal(bal[0]!.remainingValue, 105000);

  await assert.rejects(svc.ship(c.id, { date: '2026-03-01', lines: [{ index: 0, quantity: 8, value: 100000 }] }, OFFICER), (err: unknown) =>
    err instanceof VigilRefusal && err.code === 'exceeds-licence' && /only 7 of 12 remain/.test(err.message));
  await assert.rejects(svc.ship(c.id, { date: '2026-03-01', lines: [{ index: 0, quantity: 2, value: 105000.01 }] }, OFFICER), refusal('exceeds-licence'));
  // Two lines for the same item count together.
  await assert.rejects(svc.ship(c.id, { date: '2026-03-01', lines: [{ index: 0, quantity: 4, value: 1 }, { index: 0, quantity: 4, value: 1 }] }, OFFICER), refusal('exceeds-licence'));
  await assert.rejects(svc.ship(c.id, { date: '2027-01-01', lines: [{ index: 0, quantity: 1, value: 1 }] }, OFFICER), (err: unknown) =>
    err instanceof VigilRefusal && err.code === 'licence-expired' && /valid until 2026-12-31/.test(err.message));
  await assert.rejects(svc.ship(c.id, { date: '2026-01-09', lines: [{ index: 0, quantity: 1, value: 1 }] }, OFFICER), refusal('before-licence'));
  await assert.rejects(svc.ship(c.id, { date: '2026-03-01', lines: [{ index: 5, quantity: 1 }] }, OFFICER), refusal('unknown-item'));
  await assert.rejects(svc.ship(c.id, { date: '2026-03-01', lines: [{ index: 0, value: 10 }] }, OFFICER), (err: unknown) =>
    err instanceof VigilInputError && /lines\[0\]\.quantity/.test(err.message));
  await assert.rejects(svc.ship(c.id, { date: '2026-02-30', lines: [{ index: 0, quantity: 1, value: 1 }] }, OFFICER), VigilInputError);

  // Refused shipments changed nothing.
  const after = await svc.get(c.id);
  assert.equal(after.shipments!.length, 1);
  assert.equal(after.version, s1.version);

  // Using up every item closes the licence as exhausted, in the same write.
  await svc.ship(c.id, { date: '2026-03-01', lines: [{ index: 1, value: 4000.1 }, { index: 1, value: 5999.9 }] }, OFFICER);
  const last = await svc.ship(c.id, { date: '2026-04-01', reference: 'MRN 26IT000000001', lines: [{ index: 0, quantity: 7, value: 105000 }] }, OFFICER);
  assert.equal(last.state, 'exhausted');
  bal = svc.view(last).licenceBalance!;
  assert.deepEqual(bal.map((b) => [b.remainingQuantity, b.remainingValue, b.usedUp]), [[0, 0, true], [undefined, 0, true]]);
  await assert.rejects(svc.ship(c.id, { date: '2026-04-02', lines: [{ index: 0, quantity: 1, value: 1 }] }, OFFICER), refusal('licence-exhausted'));
  const audit = (await vigil.store.listAudit()).filter((e) => e.subject === c.id);
  assert.equal(audit.filter((e) => e.action === 'case.shipment' && e.outcome?.endsWith('recorded')).length, 3);
  assert.equal(audit.filter((e) => e.action === 'case.shipment' && e.outcome?.startsWith('refused')).length, 7, 'refusals (not bad input) are audited');
  assert.ok(audit.some((e) => e.action === 'case.transition' && e.outcome === 'approved -> exhausted'));
});

test('no shipment before approval; an expired licence takes none; exhausted needs a drawn-down licence', async (t) => {
  const { vigil } = await openVigil(t);
  const svc = new CaseService(vigil);
  const draft = await svc.create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Esempio', OFFICER);
  await assert.rejects(svc.ship(draft.id, { date: '2026-01-01', lines: [{ index: 0, quantity: 1, value: 1 }] }, OFFICER), refusal('no-licence'));

  const c = await approvedCase(svc, { issuedAt: '2026-01-10', validUntil: '2026-06-30' });
  await assert.rejects(svc.transition(c.id, { to: 'exhausted', reason: 'done' }, OFFICER), refusal('precondition-licence-drawn-down'));
  await assert.rejects(svc.transition(c.id, { to: 'approved', reason: 'x', issuedAt: '2026-02-01', validUntil: '2026-01-01' }, OFFICER), refusal('illegal-transition'));
  const e = await svc.transition(c.id, { to: 'expired', reason: 'validity ended 2026-06-30' }, OFFICER);
  assert.equal(e.state, 'expired');
  await assert.rejects(svc.ship(c.id, { date: '2026-05-01', lines: [{ index: 0, quantity: 1, value: 1 }] }, OFFICER), refusal('licence-expired'));
});

test('vigil cases ship refuses through the CLI with exit 3 and one line naming the reason', async (t) => {
  const { vigil, db } = await openVigil(t);
  const svc = new CaseService(vigil);
  const c = await approvedCase(svc, { issuedAt: '2026-01-10', validUntil: '2026-12-31' });
  await vigil.close();

  const ok = await runCli(db, ['cases', 'ship', c.id, '--line', '0:10:150000', '--date', '2026-02-01', '--json']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(json(ok).licenceBalance[0].remainingQuantity, 2);
  const over = await runCli(db, ['cases', 'ship', c.id, '--item', '0', '--quantity', '3', '--value', '1', '--date', '2026-02-02']);
  assert.equal(over.status, 3);
  assert.equal(over.stdout, '');
  assert.match(over.stderr, /^vigil: refused \(exceeds-licence\): .*only 2 of 12 remain/);
  const overJson = await runCli(db, ['cases', 'ship', c.id, '--item', '0', '--quantity', '3', '--value', '1', '--date', '2026-02-02', '--json']);
  assert.equal(overJson.status, 3);
  assert.equal(overJson.stderr, '');
  assert.equal(json(overJson).error.code, 'exceeds-licence');
  assert.match(json(overJson).error.message, /only 2 of 12 remain/);
  const late = await runCli(db, ['cases', 'ship', c.id, '--line', '0:1:1', '--date', '2027-01-01']);
  assert.equal(late.status, 3);
  assert.match(late.stderr, /refused \(licence-expired\)/);
  const bad = await runCli(db, ['cases', 'ship', c.id, '--line', 'zero:1']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--line: "zero:1" is not ITEM:QTY\[:VALUE\]/);
});

test('the expiry sweep closes licences whose validity ended, leaves current ones, and records each in the audit trail', async (t) => {
  const { vigil, db } = await openVigil(t);
  const svc = new CaseService(vigil);
  const ended = await approvedCase(svc, { issuedAt: '2025-01-10', validUntil: '2025-12-31' });
  const lastDay = await approvedCase(svc, { issuedAt: '2026-01-10', validUntil: '2026-06-30' });
  const current = await approvedCase(svc, { issuedAt: '2026-01-10', validUntil: '2027-12-31' });

  // On a licence's last valid day it is still valid; the sweep judges the day given.
  const sweep = await svc.expireDue(OFFICER, '2026-06-30');
  assert.deepEqual(sweep.expired.map((e) => e.id), [ended.id]);
  assert.deepEqual(sweep.refused, []);
  const closed = await svc.get(ended.id);
  assert.equal(closed.state, 'expired');
  assert.match(closed.timeline?.at(-1)?.reason ?? '', /valid until 2025-12-31/);
  assert.equal((await svc.get(lastDay.id)).state, 'approved');
  assert.equal((await svc.get(current.id)).state, 'approved');
  await assert.rejects(svc.ship(ended.id, { date: '2025-06-01', lines: [{ index: 0, quantity: 1, value: 1 }] }, OFFICER), refusal('licence-expired'));
  await assert.rejects(svc.expireDue(OFFICER, '2026-13-01'), (e: unknown) => e instanceof VigilInputError && /asOf/.test(e.message));

  // The CLI runs the same sweep; a second run on the same day finds nothing left to do.
  await vigil.close();
  const cli = await runCli(db, ['cases', 'expire-due', '--as-of', '2026-07-01', '--json']);
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(json(cli).expired.map((e: { id: string }) => e.id), [lastDay.id]);
  const again = await runCli(db, ['cases', 'expire-due', '--as-of', '2026-07-01']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /0 licence\(s\) closed as expired/);
  const audit = json(await runCli(db, ['audit', 'list', '--json']));
  const events = (Array.isArray(audit) ? audit : audit.events) as { action: string; subject?: string; outcome?: string }[];
  const expiries = events.filter((e) => e.action === 'case.transition' && e.outcome === 'approved -> expired').map((e) => e.subject);
  assert.deepEqual(expiries, [ended.id, lastDay.id], 'the current licence stays approved');
});
