// The case life cycle on a real store: the transition table, refusals (illegal move, missing
// reason, wrong role, unmet precondition), determinations stored with their data versions, and
// every action and refusal in the audit trail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASE_STATES } from '../../src/model/index.js';
import { VigilInputError, VigilRefusal } from '../../src/model/errors.js';
import { CaseService, FINAL_STATES, TRANSITIONS, verifyAuditChain } from '../../src/cases/index.js';
import { OFFICER, READER, fixtureTx, openVigil } from './helpers.js';

const refusal = (code: string) => (err: unknown) => err instanceof VigilRefusal && err.code === code;

test('the transition table only names known states and every non-final state has a way out', () => {
  for (const t of TRANSITIONS) {
    assert.ok(CASE_STATES.includes(t.from) && CASE_STATES.includes(t.to), `${t.from} -> ${t.to}`);
    assert.ok(!FINAL_STATES.includes(t.from), `final state ${t.from} must have no exit`);
  }
  for (const s of CASE_STATES) {
    if (!FINAL_STATES.includes(s)) assert.ok(TRANSITIONS.some((t) => t.from === s), `${s} has no exit`);
  }
  const pairs = TRANSITIONS.map((t) => `${t.from}>${t.to}`);
  assert.equal(new Set(pairs).size, pairs.length, 'duplicate rows');
});

test('a case moves draft → submitted → under-assessment → denied with reasons, and illegal moves are refused', async (t) => {
  const { vigil } = await openVigil(t);
  const svc = new CaseService(vigil);
  const c = await svc.create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Esempio', OFFICER);
  assert.equal(c.state, 'draft');
  assert.match(c.id, /^C-\d{4}-0001$/);

  await assert.rejects(svc.transition(c.id, { to: 'approved', reason: 'looks fine' }, OFFICER), (err: unknown) => {
    assert.ok(err instanceof VigilRefusal);
    assert.equal(err.code, 'illegal-transition');
    assert.match(err.message, /is draft and cannot move to approved; from draft it may move to submitted, withdrawn/);
    return true;
  });
  await assert.rejects(svc.transition(c.id, { to: 'submitted', reason: '  ' }, OFFICER), VigilInputError);
  await assert.rejects(svc.transition(c.id, { to: 'granted' as never, reason: 'x' }, OFFICER), /unknown state "granted"/);
  await assert.rejects(svc.transition(c.id, { to: 'submitted', reason: 'x' }, READER), refusal('forbidden-role'));

  const s = await svc.transition(c.id, { to: 'submitted', reason: 'complete application received' }, OFFICER);
  assert.equal(s.state, 'submitted');
  assert.equal(s.version, 2);
  const u = await svc.transition(c.id, { to: 'under-assessment', reason: 'assigned to desk 3' }, OFFICER);
  // A decision needs a stored determination first.
  await assert.rejects(svc.transition(c.id, { to: 'denied', reason: 'no' }, OFFICER), refusal('precondition-assessed'));
  // Without a partner denial there is no one to consult.
  assert.equal(u.state, 'under-assessment');

  const a = await svc.assess(c.id, OFFICER);
  assert.ok(a.determination, 'determination stored with the case');
  const dv = a.determination!.dataVersions;
  assert.deepEqual(dv.lists.map((l) => l.id).sort(), ['un', 'us-csl']);
  assert.match(dv.rules.sha256, /^[0-9a-f]{64}$/);
  assert.ok(await vigil.store.getRuleSet(dv.rules.sha256), 'the rule set is kept by its hash for replay');
  await assert.rejects(svc.transition(c.id, { to: 'in-consultation', reason: 'ask' }, OFFICER), refusal('precondition-consultation-pending'));

  const d = await svc.transition(c.id, { to: 'denied', reason: 'risk of use by security forces' }, OFFICER);
  assert.equal(d.state, 'denied');
  assert.deepEqual(d.denialNotifications, [`IT-${new Date().getUTCFullYear()}-0001`], 'issued as the exporter country by default');
  const [n] = await vigil.store.listDenialNotifications();
  assert.equal(n!.regime, 'WA');
  assert.deepEqual(n!.entries, ['6A003.b.4']);
  assert.equal(n!.destination, 'LY');
  assert.equal(n!.endUser, "General People's Committee for Public Security");
  assert.equal(n!.reason, 'risk of use by security forces');

  for (const to of CASE_STATES) {
    await assert.rejects(svc.transition(c.id, { to, reason: 'again' }, OFFICER), refusal('illegal-transition'), `denied -> ${to}`);
  }
  await assert.rejects(svc.assess(c.id, OFFICER), refusal('not-assessable'));

  const shown = svc.view(await svc.get(c.id));
  assert.deepEqual(shown.timeline!.map((e) => `${e.action}:${e.to ?? ''}`), [
    'created:draft', 'transition:submitted', 'transition:under-assessment', 'assessed:', 'transition:denied',
  ]);
  assert.deepEqual(shown.next, []);

  // The audit trail: every action, refusals included, with actor and input hash; the chain holds.
  const events = await vigil.store.listAudit();
  const mine = events.filter((e) => e.subject === c.id);
  assert.deepEqual(mine.filter((e) => !e.outcome?.startsWith('refused')).map((e) => `${e.action} ${e.outcome}`).map((s) => s.split(' ').slice(0, 2).join(' ')), [
    'case.create draft', 'case.transition draft', 'case.transition submitted', 'case.assess UN:no-licence-required', 'case.transition under-assessment',
  ]);
  const refused = mine.filter((e) => e.outcome?.startsWith('refused'));
  assert.ok(refused.some((e) => e.outcome === 'refused (illegal-transition)'));
  assert.ok(refused.some((e) => e.outcome === 'refused (forbidden-role)' && e.actor === READER.id));
  for (const e of mine) {
    assert.match(e.inputHash ?? '', /^[0-9a-f]{64}$/);
    assert.ok(e.actor.startsWith('test:'));
  }
  const assessed = mine.find((e) => e.action === 'case.assess')!;
  assert.deepEqual(assessed.dataVersions, dv);
  assert.equal((await verifyAuditChain(vigil.store)).ok, true);
});

test('screen and assess calls are audited with actor, input hash, outcome and data versions', async (t) => {
  const { vigil } = await openVigil(t);
  const before = (await vigil.store.listAudit()).length;
  await vigil.screen({ name: 'Sample Procurement Bureau' }, { actor: 'api-key:key_1' });
  await vigil.assess(fixtureTx('it-thermal-cameras-ly.json'));
  await vigil.screen({ name: 'not audited' }, { audit: false });
  const events = (await vigil.store.listAudit()).slice(before);
  assert.equal(events.length, 2);
  const [screen, assess] = events;
  assert.equal(screen!.action, 'screen');
  assert.equal(screen!.actor, 'api-key:key_1');
  assert.match(screen!.outcome!, /^1 hit, top [01]\.\d{3} us-csl:E1$/);
  assert.deepEqual((screen!.dataVersions as { lists: { id: string }[] }).lists.map((l) => l.id).sort(), ['un', 'us-csl']);
  assert.equal(assess!.action, 'assess');
  assert.equal(assess!.actor, 'test:runner', 'the application actor when a call names none');
  assert.match(assess!.outcome!, /US:prohibited\(no nexus\)/);
  assert.match(assess!.inputHash!, /^[0-9a-f]{64}$/);
});

test('approval waits for an assessment and is refused while an applicable jurisdiction prohibits', async (t) => {
  const { vigil } = await openVigil(t);
  const svc = new CaseService(vigil);
  // The same cameras shipped from the US: US law applies and the 2003 embargo prohibits them.
  const tx = fixtureTx('it-thermal-cameras-ly.json');
  tx.exporter = { name: 'Example Optics Inc.', country: 'US' };
  tx.items[0]!.usOrigin = true;
  const c = await svc.create(tx, 'Example Optics', OFFICER, { submit: true });
  const a = await svc.assess(c.id, OFFICER);
  assert.equal(a.state, 'under-assessment', 'assessing a submitted case starts the assessment');
  const us = a.determination!.determinations.find((d) => d.jurisdiction === 'US')!;
  assert.equal(us.applies, true);
  assert.equal(us.outcome, 'prohibited');
  await assert.rejects(svc.transition(c.id, { to: 'approved', reason: 'policy allows' }, OFFICER), (err: unknown) =>
    err instanceof VigilRefusal && err.code === 'precondition-not-prohibited' && /prohibited under US/.test(err.message));
  const w = await svc.transition(c.id, { to: 'withdrawn', reason: 'applicant withdrew' }, OFFICER);
  assert.equal(w.state, 'withdrawn');
});
