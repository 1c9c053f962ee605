// What the rule model must say beside an outcome (issue 10): requirements with their citations,
// EAR99 items, exemptions, knowledge-based catch-alls, end-user scope, partial coverage and the
// instrument of the period in force — each on the real catalogue and the shipped rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Assessment, Transaction } from '../../src/model/index.js';
import { assessClassified, rules } from './support.js';

async function assess(over: Partial<Transaction>): Promise<Assessment> {
  const tx: Transaction = {
    date: '2026-11-27', exporter: { name: 'Officine Esempio S.p.A.', country: 'IT' }, destination: 'CH',
    parties: [{ role: 'end-user', name: 'Example AG', country: 'CH', type: 'organization' }],
    items: [{ description: 'office desks and chairs' }], endUse: { statement: 'offices', categories: ['civil'] },
    jurisdictions: ['UN', 'EU', 'IT', 'US'], ...over,
  };
  return assessClassified(tx);
}
const det = (a: Assessment, j: string) => a.determinations.find((d) => d.jurisdiction === j)!;
const reqIds = (a: Assessment, j: string) => det(a, j).requirements.map((r) => r.id);

test('thiodiglycol (CWC Schedule 2) to Cambodia: prohibited on 2004-06-01, licence-required on 2006-06-01 (a State Party from 2005-08-18)', async () => {
  const item = { description: 'thiodiglycol', cas: '111-48-8' };
  const before = await assess({ date: '2004-06-01', destination: 'KH', items: [item] });
  const after = await assess({ date: '2006-06-01', destination: 'KH', items: [item] });
  for (const j of ['EU', 'IT', 'US']) {
    assert.equal(det(before, j).outcome, 'prohibited', `${j} in 2004`);
    assert.equal(det(after, j).outcome, 'licence-required', `${j} in 2006`);
  }
});

test('a CWC Schedule 3 chemical to a State not Party lists an end-use certificate requirement; to a State Party it does not', async () => {
  const item = { description: 'triethanolamine', cas: '102-71-6' };
  const nonParty = await assess({ destination: 'EG', items: [item] });
  assert.equal(det(nonParty, 'EU').outcome, 'licence-required');
  assert.ok(reqIds(nonParty, 'EU').includes('cwc-end-use-certificate'), 'EU: end-use certificate');
  assert.ok(reqIds(nonParty, 'US').includes('cwc-end-use-certificate'), 'US: end-use certificate (745.2)');
  const r = det(nonParty, 'EU').requirements.find((x) => x.id === 'cwc-end-use-certificate')!;
  assert.match(r.citation, /Part VIII/);
  const party = await assess({ destination: 'CH', items: [item] });
  assert.equal(reqIds(party, 'EU').includes('cwc-end-use-certificate'), false, 'no certificate for a State Party');
});

test('a CWC Schedule 1 chemical by CAS to a State Party: licence-required with the Part VI conditions as requirements', async () => {
  const a = await assess({ destination: 'CH', items: [{ description: 'methylphosphonyl difluoride (DF)', cas: '676-99-3' }] });
  assert.equal(a.items[0]!.cwcSchedule, '1', 'the catalogue resolves the CAS number to Schedule 1');
  for (const j of ['EU', 'IT', 'US']) assert.equal(det(a, j).outcome, 'licence-required', j);
  assert.deepEqual(reqIds(a, 'EU').sort(), ['cwc-schedule-1-advance-notification', 'cwc-schedule-1-purposes']);
  assert.ok(reqIds(a, 'US').includes('cwc-schedule-1-advance-notification'), 'US advance notification');
});

test('EAR99 items assess: US furniture to Syria needs no licence in 1998 and is denial-presumed under General Order No. 2 in 2005', async () => {
  const over = (date: string): Partial<Transaction> => ({
    date, destination: 'SY', exporter: { name: 'Example Furnishings Inc.', country: 'US' },
    items: [{ description: 'office desks and chairs', code: 'EAR99', usOrigin: true }],
  });
  const y1998 = await assess(over('1998-06-01'));
  assert.equal(y1998.items[0]!.designation, 'EAR99');
  assert.equal(det(y1998, 'US').outcome, 'no-licence-required');
  const y2005 = await assess(over('2005-06-01'));
  assert.equal(det(y2005, 'US').outcome, 'denial-presumed');
  assert.ok(det(y2005, 'US').reasons.some((r) => /General Order No\. 2/.test(r.citation)), 'cites General Order No. 2');
});

test('EU catch-all: an unlisted item needs an authorisation when the authority informed the exporter; awareness adds a notification requirement', async () => {
  const base: Partial<Transaction> = { destination: 'PK', items: [{ description: 'stainless steel gate valves' }] };
  const none = await assess(base);
  assert.equal(det(none, 'EU').outcome, 'no-licence-required');
  const informed = await assess({ ...base, knowledge: { informedByAuthority: ['wmd'] } });
  assert.equal(det(informed, 'EU').outcome, 'licence-required');
  assert.ok(det(informed, 'EU').reasons.some((r) => /catch-all-wmd-informed$/.test(r.ruleId)), 'the informed catch-all fired');
  const aware = await assess({ ...base, endUse: { statement: 'nerve agent plant', categories: ['chemical-weapons'] } });
  assert.equal(det(aware, 'EU').outcome, 'licence-required', 'never a presumption of denial from the EU rule itself');
  assert.ok(reqIds(aware, 'EU').includes('notify-authority-catch-all'), 'notify the authority');
  assert.ok(reqIds(aware, 'IT').includes('notify-authority-catch-all'), 'IT applies the EU rule');
});

test('Italy: every armament export needs a Law 185/1990 authorisation; prohibited under a UN or EU arms embargo', async () => {
  const ml = [{ description: 'fire-control radar', code: 'ML5' }];
  const ch = await assess({ destination: 'CH', items: ml });
  assert.equal(det(ch, 'IT').outcome, 'licence-required');
  assert.ok(reqIds(ch, 'IT').includes('it-l185-art1-6-assessment'), 'the authority must assess art. 1(6)');
  const kp = await assess({ destination: 'KP', items: ml });
  for (const j of ['UN', 'EU', 'IT']) assert.equal(det(kp, j).outcome, 'prohibited', j);
});

test('an exemption relied on replaces the measure effect and adds its procedure', async () => {
  const base: Partial<Transaction> = { date: '2012-06-01', destination: 'LY', items: [{ description: 'protective helmets', code: 'ML13' }] };
  assert.equal(det(await assess(base), 'UN').outcome, 'prohibited');
  const exempt = await assess({ ...base, exemptions: ['UN-LY-1970-exemption-non-lethal'] });
  assert.equal(det(exempt, 'UN').outcome, 'licence-required');
  assert.ok(reqIds(exempt, 'UN').includes('un-committee-advance-notification'), 'committee notification');
});

test('a measure on non-governmental forces: assumed to reach an end user whose sector is not given, not a government end user', async () => {
  const rs = await rules();
  const today = '2026-11-27';
  const m = rs.regimes.flatMap((r) => r.measures.map((x) => ({ r, x })))
    .find(({ x }) => x.effect === 'prohibited' && x.items.militaryList && Array.isArray(x.endUsers) && !x.endUsers.includes('government') && !x.when
      && x.periods.some((p) => p.from <= today && (p.to === null || today < p.to)));
  assert.ok(m, 'a UN or EU arms embargo on non-governmental forces in force today');
  const dest = m.r.target.destinations[0]!;
  const base: Partial<Transaction> = { destination: dest, items: [{ description: 'rifles', code: 'ML1' }] };
  const unknown = await assess(base);
  const reason = det(unknown, m.r.jurisdiction).reasons.find((r) => r.ruleId === m.x.id);
  assert.ok(reason, `${m.x.id} fires when the sector is unknown`);
  assert.match(reason.summary, /sector was not given/);
  const gov = await assess({ ...base, parties: [{ role: 'end-user', name: 'Ministry of Defence', country: dest, sector: 'government' }] });
  assert.equal(det(gov, m.r.jurisdiction).reasons.some((r) => r.ruleId === m.x.id), false, 'a government end user is outside its scope');
});

test('a partial regime says what it does not model; the instrument of the period in force is cited', async () => {
  const a = await assess({ date: '1995-06-01', destination: 'LY', items: [{ description: 'rifles', code: 'ML1' }] });
  const un = det(a, 'UN');
  assert.ok(un.notModelled.some((n) => /UN measures on Libya .* modelled in part/.test(n)), 'UN-LY coverage gap named');
  const r = un.reasons.find((x) => x.ruleId === 'UN-748-arms-military-list')!;
  assert.equal(r.effect, 'prohibited');
  assert.match(r.citation, /in force on this date under UNSCR 748 \(1992\) para 3/);
});
