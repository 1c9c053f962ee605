// Every dated measure: the day before it takes effect, the day it does, the last day and the day it
// ends (and the same around each suspension). A meta-test fails when a dated rule has no case here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ItemClassification, ScreeningHit, Transaction } from '../../src/model/index.js';
import { ENTRIES, classified, dayBefore, det, evaluate, hit, rules, transaction } from './support.js';

interface Case {
  rule: string;
  /** [from, to] as the sources give them (libya_measures.json, the regulations): pins the data. */
  dates: [string | null, string | null];
  tx: Partial<Transaction>;
  items?: ItemClassification[];
  hits?: ScreeningHit[][];
}

const military: Partial<Transaction> = { endUse: { statement: 'army equipment', categories: ['military'] } };
const cwWeapons: Partial<Transaction> = { destination: 'PK', endUse: { statement: 'production plant', categories: ['chemical-weapons'] } };
const informedWmd: Partial<Transaction> = { destination: 'PK', knowledge: { informedByAuthority: ['wmd'] } };
const informedMilitary: Partial<Transaction> = { destination: 'CN', knowledge: { informedByAuthority: ['military'] } };
const camera = [classified(0, 'thermal camera', ENTRIES.thermalCamera())];
const mlItem = [classified(0, 'rifle', { code: 'ML1', regimes: ['WA'] })];
const sched = (e: ReturnType<typeof ENTRIES.thiodiglycol>) => [classified(0, 'chemical', e)];
const unLibya = [[hit({ list: 'UN List', source: 'un', programs: ['Libya'], name: 'LISTED LIBYAN' })]];
const ukListed = (program: string) => [[hit({ list: 'UK Consolidated List', source: 'uk-ofsi', entityId: 'uk-ofsi:1', programs: [program], name: 'LISTED PERSON' })]];

const CASES: Case[] = [
  // UN
  { rule: 'UN-1970-asset-freeze', dates: ['2011-02-26', null], tx: {}, hits: unLibya },
  // EU dual-use regulations by date
  { rule: 'EU-3381-94-annex-i', dates: ['1995-07-01', '2000-09-28'], tx: { destination: 'CN' }, items: camera },
  { rule: 'EU-1334-2000-annex-i', dates: ['2000-09-28', '2009-08-27'], tx: { destination: 'CN' }, items: camera },
  { rule: 'EU-428-2009-annex-i', dates: ['2009-08-27', '2021-09-09'], tx: { destination: 'CN' }, items: camera },
  { rule: 'EU-2021-821-annex-i', dates: ['2021-09-09', null], tx: { destination: 'CN' }, items: camera },
  { rule: 'EU-3381-94-catch-all-wmd', dates: ['1995-07-01', '2000-09-28'], tx: cwWeapons },
  { rule: 'EU-1334-2000-catch-all-wmd', dates: ['2000-09-28', '2009-08-27'], tx: cwWeapons },
  { rule: 'EU-428-2009-catch-all-wmd', dates: ['2009-08-27', '2021-09-09'], tx: cwWeapons },
  { rule: 'EU-2021-821-catch-all-wmd', dates: ['2021-09-09', null], tx: cwWeapons },
  { rule: 'EU-1334-2000-catch-all-military', dates: ['2000-09-28', '2009-08-27'], tx: { ...military, destination: 'CN' } },
  { rule: 'EU-428-2009-catch-all-military', dates: ['2009-08-27', '2021-09-09'], tx: { ...military, destination: 'CN' } },
  { rule: 'EU-2021-821-catch-all-military', dates: ['2021-09-09', null], tx: { ...military, destination: 'CN' } },
  { rule: 'EU-3381-94-catch-all-wmd-informed', dates: ['1995-07-01', '2000-09-28'], tx: informedWmd },
  { rule: 'EU-1334-2000-catch-all-wmd-informed', dates: ['2000-09-28', '2009-08-27'], tx: informedWmd },
  { rule: 'EU-428-2009-catch-all-wmd-informed', dates: ['2009-08-27', '2021-09-09'], tx: informedWmd },
  { rule: 'EU-2021-821-catch-all-wmd-informed', dates: ['2021-09-09', null], tx: informedWmd },
  { rule: 'EU-1334-2000-catch-all-military-informed', dates: ['2000-09-28', '2009-08-27'], tx: informedMilitary },
  { rule: 'EU-428-2009-catch-all-military-informed', dates: ['2009-08-27', '2021-09-09'], tx: informedMilitary },
  { rule: 'EU-2021-821-catch-all-military-informed', dates: ['2021-09-09', null], tx: informedMilitary },
  { rule: 'EU-CWC-schedule-1-party', dates: ['1997-04-29', null], tx: { destination: 'CH' }, items: sched(ENTRIES.scheduleOne()) },
  { rule: 'IT-L185-1990-authorisation', dates: ['1990-07-29', null], tx: { destination: 'CH' }, items: mlItem },
  { rule: 'EU-LY-2011-asset-freeze', dates: ['2011-02-28', null], tx: {}, hits: unLibya },
  // CWC (Libya is not a State Party until 2004-02-05; Egypt never joined)
  { rule: 'EU-CWC-schedule-1-non-party', dates: ['1997-04-29', null], tx: { destination: 'EG' }, items: sched(ENTRIES.scheduleOne()) },
  { rule: 'EU-CWC-schedule-2-non-party', dates: ['2000-04-29', null], tx: { destination: 'EG' }, items: sched(ENTRIES.thiodiglycol()) },
  { rule: 'EU-CWC-schedule-3-non-party', dates: ['1997-04-29', null], tx: { destination: 'EG' }, items: sched(ENTRIES.scheduleThree()) },
  { rule: 'US-742-18-schedule-1-non-party', dates: ['1999-05-18', null], tx: { destination: 'EG' }, items: sched(ENTRIES.scheduleOne()) },
  { rule: 'US-742-18-schedule-2-non-party', dates: ['2000-04-29', null], tx: { destination: 'EG' }, items: sched(ENTRIES.thiodiglycol()) },
  { rule: 'US-745-2-schedule-2-euc-interim', dates: ['1999-05-18', '2000-04-29'], tx: { destination: 'EG' }, items: sched(ENTRIES.thiodiglycol()) },
  { rule: 'US-742-18-schedule-1-all', dates: ['1999-05-18', null], tx: { destination: 'CH' }, items: sched(ENTRIES.scheduleOne()) },
  { rule: 'US-745-2-schedule-3-euc', dates: ['1999-05-18', null], tx: { destination: 'EG' }, items: sched(ENTRIES.scheduleThree()) },
  // IT
  { rule: 'IT-L185-1990-embargo', dates: ['1990-07-29', null], tx: {}, items: mlItem },
  // US 744.21 military end use, by destination
  { rule: 'US-744-21-CN', dates: ['2007-06-19', null], tx: { ...military, destination: 'CN' }, items: camera },
  { rule: 'US-744-21-RU', dates: ['2014-09-17', null], tx: { ...military, destination: 'RU' }, items: camera },
  { rule: 'US-744-21-VE', dates: ['2014-11-07', null], tx: { ...military, destination: 'VE' }, items: camera },
  { rule: 'US-744-21-MM', dates: ['2021-03-08', null], tx: { ...military, destination: 'MM' }, items: camera },
  { rule: 'US-744-21-KH', dates: ['2021-12-09', null], tx: { ...military, destination: 'KH' }, items: camera },
  { rule: 'US-744-21-BY', dates: ['2022-03-02', null], tx: { ...military, destination: 'BY' }, items: camera },
  { rule: 'US-744-21-NI', dates: ['2024-03-15', null], tx: { ...military, destination: 'NI' }, items: camera },
  // UK asset freezes on OFSI-listed parties (the UK regimes start on 1 Jan 2021; before it the EU freezes applied)
  ...([
    ['UK-RU-asset-freeze', 'Russia'], ['UK-BY-asset-freeze', 'Belarus'], ['UK-IR-nuclear-asset-freeze', 'Iran (Nuclear)'],
    ['UK-KP-asset-freeze', "Democratic People's Republic of Korea"], ['UK-SY-asset-freeze', 'Syria'], ['UK-MM-asset-freeze', 'Myanmar'],
    ['UK-listed-asset-freeze', 'Global Human Rights'],
  ] as const).map(([rule, program]): Case => ({ rule, dates: ['2021-01-01', null], tx: { jurisdictions: ['UK'] }, hits: ukListed(program) })),
  { rule: 'UK-IR-2019-asset-freeze', dates: ['2021-01-01', '2023-12-14'], tx: { jurisdictions: ['UK'] }, hits: ukListed('Iran') },
  { rule: 'UK-IR-asset-freeze', dates: ['2023-12-14', null], tx: { jurisdictions: ['UK'] }, hits: ukListed('Iran') },
  { rule: 'UK-listed-before-2021', dates: [null, '2021-01-01'], tx: { jurisdictions: ['UK'] }, hits: ukListed('Russia') },
];

async function run(c: Case, day: string) {
  const rs = await rules();
  const rule = rs.rule(c.rule)!;
  const tx = transaction({ date: day, ...c.tx });
  const a = await evaluate(tx, { asOf: day, items: c.items, hits: c.hits });
  return det(a, rule.jurisdiction === 'IT' ? 'IT' : rule.jurisdiction).reasons.filter((r) => r.ruleId === c.rule);
}

/** What the rule should do on `day`: nothing before/after its period, 'info' while suspended. */
async function expectOn(c: Case, day: string, want: 'absent' | 'in-force' | 'suspended') {
  const rule = (await rules()).rule(c.rule)!;
  const got = await run(c, day);
  const label = `${c.rule} on ${day}`;
  if (want === 'absent') return assert.equal(got.length, 0, `${label}: should not fire`);
  assert.ok(got.length > 0, `${label}: should fire`);
  for (const r of got) {
    if (want === 'suspended') {
      assert.equal(r.effect, 'info', `${label}: suspended, so information only`);
      assert.match(r.summary, /^Suspended from /, label);
    } else {
      assert.equal(r.effect, rule.effect, label);
      assert.doesNotMatch(r.summary, /^Suspended/, label);
    }
  }
}

for (const c of CASES) {
  test(`dated measure ${c.rule}`, async () => {
    const rule = (await rules()).rule(c.rule);
    assert.ok(rule, `rule ${c.rule} exists`);
    assert.deepEqual([rule.from, rule.to], c.dates, `${c.rule}: dates in data/rules differ from the sources`);
    const suspendedOn = (day: string) => (rule.suspensions ?? []).some((s) => s.from <= day && (s.to === null || day < s.to));
    const state = (day: string) => (suspendedOn(day) ? 'suspended' : 'in-force');
    if (rule.from) {
      await expectOn(c, dayBefore(rule.from), 'absent');
      await expectOn(c, rule.from, state(rule.from));
    }
    if (rule.to) {
      await expectOn(c, dayBefore(rule.to), state(dayBefore(rule.to)));
      await expectOn(c, rule.to, 'absent');
    }
    for (const s of rule.suspensions ?? []) {
      await expectOn(c, dayBefore(s.from), 'in-force');
      await expectOn(c, s.from, 'suspended');
    }
  });
}

test('every dated rule in data/rules has a case in this file', async () => {
  const covered = new Set(CASES.map((c) => c.rule));
  // Regime measures are pinned in test/fixtures/regimes (test/policy/regimes.test.ts).
  const dated = (await rules()).allRules().filter((r) => !r.measure && (r.from || r.to || r.suspensions?.length)).map((r) => r.id);
  assert.deepEqual(dated.filter((id) => !covered.has(id)), []);
});

// ---- dated group memberships ----------------------------------------------------------------------

test('CWC: Libya a State Party from 2004-02-05 — Schedule 2 prohibited the day before, licence the day of', async () => {
  const items = sched(ENTRIES.thiodiglycol());
  const before = await evaluate(transaction({ date: '2004-02-04' }), { items });
  const on = await evaluate(transaction({ date: '2004-02-05' }), { items });
  assert.equal(det(before, 'EU').outcome, 'prohibited');
  assert.ok(det(before, 'EU').reasons.some((r) => r.ruleId === 'EU-CWC-schedule-2-non-party'));
  assert.equal(det(on, 'EU').outcome, 'licence-required');
  assert.ok(!det(on, 'EU').reasons.some((r) => r.ruleId === 'EU-CWC-schedule-2-non-party'));
  // Before the Schedule 2 ban took effect (2000-04-29), a licence only.
  const early = await evaluate(transaction({ date: '2000-04-28' }), { items });
  assert.ok(!det(early, 'EU').reasons.some((r) => r.ruleId === 'EU-CWC-schedule-2-non-party'));
});

test('US Country Group E:1: Libya until 2006-08-31 (AT-controlled items need a licence), not from that day', async () => {
  const items = [classified(0, 'generator', ENTRIES.atOnly())];
  const fires = async (day: string) =>
    det(await evaluate(transaction({ date: day }), { items }), 'US').reasons.some((r) => r.ruleId === 'US-E1-anti-terrorism');
  assert.equal(await fires('1979-12-28'), false);
  assert.equal(await fires('1979-12-29'), true);
  assert.equal(await fires('2006-08-30'), true);
  assert.equal(await fires('2006-08-31'), false);
  // The 2026 text of E:1 still speaks for Iran, and says so.
  const iran = await evaluate(transaction({ date: '2026-11-27', destination: 'IR' }), { items });
  assert.ok(det(iran, 'US').reasons.some((r) => r.ruleId === 'US-E1-anti-terrorism'));
});

test('EU membership by date: Poland from 2004-05-01, the United Kingdom until 2020-12-31', async () => {
  const annexI = async (dest: string, day: string) =>
    det(await evaluate(transaction({ date: day, destination: dest, parties: [] }), { items: camera }), 'EU').outcome;
  assert.equal(await annexI('PL', '2004-04-30'), 'licence-required');
  assert.equal(await annexI('PL', '2004-05-01'), 'no-licence-required');
  assert.equal(await annexI('GB', '2020-12-31'), 'no-licence-required');
  assert.equal(await annexI('GB', '2021-01-01'), 'licence-required');
});

test('exporter in the EU by date: a Polish exporter is reached by EU law from 2004-05-01', async () => {
  const applies = async (day: string) =>
    det(await evaluate(transaction({ date: day, exporter: { name: 'Eksport Sp. z o.o.', country: 'PL' } }), { items: camera }), 'EU').applies;
  assert.equal(await applies('2004-04-30'), false);
  assert.equal(await applies('2004-05-01'), true);
});

test('UN arms embargo group: the 1999 suspension ends it, UNSCR 1970 restores it (US 746.1(b) keys on it)', async () => {
  const denies = async (day: string) =>
    det(await evaluate(transaction({ date: day, ...military })), 'US').reasons.some((r) => r.ruleId === 'US-746-1-b-un-embargo');
  assert.equal(await denies('1992-04-14'), false);
  assert.equal(await denies('1992-04-15'), true);
  assert.equal(await denies('1999-04-04'), true);
  assert.equal(await denies('1999-04-05'), false);
  assert.equal(await denies('2011-02-25'), false);
  assert.equal(await denies('2011-02-26'), true);
});

test('EU military catch-all on Libya: EU embargo until 2004-10-11; from 2011-02-26 the UN embargo, from 2011-02-28 the EU one too', async () => {
  const catchAll = async (day: string) =>
    det(await evaluate(transaction({ date: day, ...military })), 'EU').reasons.some((r) => /catch-all-military$/.test(r.ruleId));
  assert.equal(await catchAll('2004-10-10'), true);
  assert.equal(await catchAll('2004-10-11'), false);
  assert.equal(await catchAll('2011-02-25'), false);
  assert.equal(await catchAll('2011-02-26'), true); // UNSCR 1970: Art. 4(2) names UN embargoes as well
  // The EU group is derived from the EU arms-embargo measure on Libya (Decision 2011/137/CFSP from 2011-02-28).
  const geo = (await rules()).geography;
  assert.equal(geo.inGroup('EU:arms-embargo', 'LY', '2011-02-27'), false, 'EU:arms-embargo has LY only from 2011-02-28');
  assert.equal(geo.inGroup('EU:arms-embargo', 'LY', '2011-02-28'), true, 'EU:arms-embargo has LY from 2011-02-28');
  assert.equal(geo.inGroup('EU:arms-embargo', 'LY', '2004-10-10'), true, 'EU:arms-embargo has LY until 2004-10-11');
  assert.equal(geo.inGroup('EU:arms-embargo', 'LY', '2004-10-11'), false, 'EU:arms-embargo has LY until 2004-10-11');
});

test('US outcome on Libya around the 2004 easing: prohibited on 2004-04-28, a CCL licence on 2004-04-29', async () => {
  const us = async (day: string) => det(await evaluate(transaction({ date: day }), { items: camera }), 'US');
  assert.equal((await us('1986-01-31')).reasons.some((r) => r.ruleId === 'US-EO12543-embargo'), false);
  assert.equal((await us('1986-02-01')).outcome, 'prohibited');
  assert.equal((await us('2004-04-28')).outcome, 'prohibited');
  const after = await us('2004-04-29');
  assert.equal(after.outcome, 'licence-required');
  assert.ok(after.reasons.some((r) => r.ruleId === 'US-2004-libya-ccl'));
});
