// The evaluator on the real rule files, with classifications and screening hits given as plain data
// (the shapes the catalogue and the index return), so policy is tested apart from matching quality.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ItemClassification, ScreeningHit, Transaction } from '../../src/model/index.js';
import { ENTRIES, loadScenarios, classified, det, evaluate, fired, flags, hit, transaction, unclassified } from './support.js';



// What the catalogue and the index give for the scenario facts (S6: the end user is on the UN list
// and the SDN list under Libya).
const FACTS: Record<string, { items: ItemClassification[]; hits?: ScreeningHit[][] }> = {
  'S1-thermal-cameras-2003': { items: [classified(0, 'thermal camera', ENTRIES.thermalCamera())] },
  'S2-thiodiglycol-2003': { items: [classified(0, 'thiodiglycol', ENTRIES.thiodiglycol())] },
  'S3-thiodiglycol-2004': { items: [classified(0, 'thiodiglycol', ENTRIES.thiodiglycol())] },
  'S4-unlisted-goods-wmd-end-use-2003': { items: [unclassified(0, 'stainless steel gate valves')] },
  'S5-civil-goods-to-germany': { items: [unclassified(0, 'office desks and chairs')] },
  'S6-listed-end-user-today': {
    items: [unclassified(0, 'office desks and chairs')],
    hits: [[
      hit({ list: 'UN List', source: 'un', entityId: 'un:690757', name: 'AISHA MUAMMAR MUHAMMED ABU MINYAR QADHAFI', programs: ['Libya'], type: 'person' }),
      hit({ list: 'SDN', source: 'us-csl', entityId: 'us-csl:12610', name: 'QADHAFI, Ayesha', programs: ['LIBYA2'], type: 'person' }),
    ]],
  },
};

// S7–S14 run end to end through the catalogue (assess-cli.test.ts); these six pin the policy step alone.
for (const s of loadScenarios().filter((x) => x.id in FACTS)) {
  test(`scenario ${s.id} (policy level)`, async () => {
    const facts = FACTS[s.id];
    assert.ok(facts, `facts for ${s.id}`);
    const a = await evaluate(s.transaction, { asOf: s.asOf, items: facts.items, hits: facts.hits });
    for (const [j, ok] of Object.entries(s.expect)) assert.ok(ok.includes(det(a, j).outcome), `${s.id} ${j}: ${det(a, j).outcome} not in ${ok}`);
    for (const [j, want] of Object.entries(s.applies ?? {})) assert.equal(det(a, j).applies, want, `${s.id} ${j}.applies`);
    const text = JSON.stringify(a.determinations);
    for (const c of s.mustCite ?? []) assert.ok(text.includes(c), `${s.id}: cites ${c}`);
    for (const f of s.redFlags ?? []) assert.ok(flags(a).includes(f), `${s.id}: red flag ${f}`);
    if (s.divergent !== undefined) assert.equal(a.divergent, s.divergent, `${s.id}: divergent`);
  });
}

test('S1: the US reason is EO 12543 and the EU reason is Annex I of Regulation 1334/2000 for 6A003.b.4', async () => {
  const a = await evaluate(transaction({ parties: [{ role: 'end-user', name: "General People's Committee for Public Security", country: 'LY' }], endUse: { statement: 'border surveillance to counter illegal migration', categories: ['border-security'] } }), {
    items: [classified(0, 'thermal camera', ENTRIES.thermalCamera())],
  });
  const us = det(a, 'US').reasons.find((r) => r.effect === 'prohibited')!;
  assert.equal(us.ruleId, 'US-EO12543-embargo');
  assert.match(us.citation, /12543/);
  assert.deepEqual([us.from, us.to], ['1986-02-01', '2004-09-21']);
  const eu = det(a, 'EU').reasons.find((r) => r.effect === 'licence-required')!;
  assert.equal(eu.citation, 'Council Regulation (EC) No 1334/2000, Art. 3(1) and Annex I (6A003.b.4)');
  assert.equal(a.dataVersions.controls.euRegulation, 'Council Regulation (EC) No 1334/2000');
  assert.ok(flags(a).includes('security-force-end-user'));
  // The chart is its 2026 text: a 2003 answer says so.
  assert.ok(det(a, 'US').caveats.some((c) => c.includes('2026-07-23') && c.includes('2003-10-14')));
  assert.ok(a.caveats.some((c) => /classified against the control lists as shipped/.test(c)));
  // Italy applies the EU rule itself.
  assert.ok(fired(a, 'IT').includes('EU-1334-2000-annex-i'));
});

test('the same cameras to Libya in 2026: EU licence, US chart licence (NS 2, RS 1) and the UN arms-embargo reason', async () => {
  const a = await evaluate(transaction({ date: '2026-11-27' }), { items: [classified(0, 'thermal camera', ENTRIES.thermalCamera())] });
  assert.equal(det(a, 'EU').outcome, 'licence-required');
  assert.ok(fired(a, 'EU').includes('EU-2021-821-annex-i'));
  const chart = det(a, 'US').reasons.find((r) => r.ruleId === 'US-738-country-chart')!;
  assert.match(chart.citation, /6A003\.b\.4, column NS 2, RS 1/);
  // 6A003 is controlled for UN reasons: to a UN-embargoed destination a licence with denial policy.
  assert.equal(det(a, 'US').outcome, 'denial-presumed');
  assert.ok(fired(a, 'US').includes('US-746-1-b-un-embargo'));
  assert.equal(det(a, 'US').caveats.length, 0, 'no out-of-time caveat for a current date');
});

test('a US-only entry (9A515) needs no EU licence but a US one; to Germany the chart has no NS 1 mark… but MT 1 and RS 1', async () => {
  const a = await evaluate(transaction({ date: '2026-11-27', destination: 'DE', parties: [] }), { items: [classified(0, 'satellite bus', ENTRIES.usOnly())] });
  assert.equal(det(a, 'EU').outcome, 'no-licence-required');
  const chart = det(a, 'US').reasons.find((r) => r.ruleId === 'US-738-country-chart')!;
  assert.match(chart.citation, /NS 1, RS 1, MT 1/);
  assert.equal(det(a, 'US').outcome, 'licence-required');
});

test('an AT-only item to Germany: no chart mark, no licence; the answer lists what is not modelled', async () => {
  const a = await evaluate(transaction({ date: '2026-11-27', destination: 'DE', parties: [] }), { items: [classified(0, 'generator', ENTRIES.atOnly())] });
  const us = det(a, 'US');
  assert.equal(us.outcome, 'no-licence-required');
  assert.ok(us.notModelled.some((n) => /licence exceptions/.test(n)));
  assert.ok(!JSON.stringify(a).match(/\b(cleared|approved)\b/i), 'never says cleared or approved');
});

// ---- party lists --------------------------------------------------------------------------------

const today = (hits: ScreeningHit[]) =>
  evaluate(transaction({ date: '2026-11-27', destination: 'AE', parties: [{ role: 'consignee', name: 'Listed Trading LLC', country: 'AE' }] }), {
    items: [unclassified(0, 'pumps')],
    hits: [hits],
  });

test('SDN and Denied Persons hits prohibit under US rules; the CSL source name is matched by its acronym too', async () => {
  for (const list of ['SDN', 'Specially Designated Nationals (SDN) - Treasury Department', 'Denied Persons List', 'Denied Persons List (DPL) - Bureau of Industry and Security']) {
    const a = await today([hit({ list })]);
    assert.equal(det(a, 'US').outcome, 'prohibited', list);
    assert.equal(det(a, 'EU').outcome, 'no-licence-required', `${list}: not an EU measure`);
    assert.ok(flags(a).includes('listed-party'));
  }
});

test('Entity List: denial policy → denial-presumed; any other or unknown policy → licence-required', async () => {
  const denial = await today([hit({ list: 'Entity List', licensePolicy: 'Presumption of denial.' })]);
  assert.equal(det(denial, 'US').outcome, 'denial-presumed');
  assert.deepEqual(fired(denial, 'US'), ['US-BIS-entity-list-denial']);
  const caseByCase = await today([hit({ list: 'Entity List (EL) - Bureau of Industry and Security', licensePolicy: 'Case-by-case review for ECCNs 1A004.c' })]);
  assert.equal(det(caseByCase, 'US').outcome, 'licence-required');
  const unknown = await today([hit({ list: 'Entity List' })]);
  assert.deepEqual(fired(unknown, 'US'), ['US-BIS-entity-list']);
});

test('Unverified List: a red flag, not an outcome', async () => {
  const a = await today([hit({ list: 'Unverified List' })]);
  assert.equal(det(a, 'US').outcome, 'no-licence-required');
  assert.deepEqual(fired(a, 'US', 'red-flag'), ['US-BIS-unverified-list']);
  const f = a.redFlags.find((x) => x.code === 'unverified-list-party')!;
  assert.match(f.message, /744\.15/);
  assert.equal(f.subject?.startsWith('parties[0]'), true);
});

test('UN-listed party: prohibited under UN, EU and IT (asset freeze); a Libya listing cites UNSCR 1970 from 2011-02-26', async () => {
  const libya = await today([hit({ list: 'UN List', source: 'un', programs: ['Libya'] })]);
  for (const j of ['UN', 'EU', 'IT']) assert.equal(det(libya, j).outcome, 'prohibited', j);
  assert.deepEqual(fired(libya, 'UN'), ['UN-1970-asset-freeze']);
  assert.deepEqual(fired(libya, 'EU'), ['EU-LY-2011-asset-freeze']);
  const other = await today([hit({ list: 'UN List', source: 'un', programs: ['ISIL (Da\'esh) and Al-Qaida'] })]);
  assert.deepEqual(fired(other, 'UN'), ['UN-listed-asset-freeze']);
  assert.deepEqual(fired(other, 'EU'), ['EU-UN-listed-asset-freeze']);
  // A Libya listing before UNSCR 1970 is not a Libya asset freeze yet (the caveat says the list is later).
  const early = await evaluate(transaction({ date: '2011-02-25' }), { items: [unclassified(0, 'pumps')], hits: [[hit({ list: 'UN List', source: 'un', programs: ['Libya'] })]] });
  assert.equal(det(early, 'UN').outcome, 'no-licence-required');
  assert.ok(early.caveats.some((c) => /screened against lists published after 2011-02-25/.test(c)));
});

test('a reason for a listed party names the party, the listed name, the list and the score', async () => {
  const a = await today([hit({ list: 'SDN', name: 'LISTED CO', matchedName: 'LISTED COMPANY', entityId: 'us-csl:42', score: 0.91 })]);
  const r = det(a, 'US').reasons[0]!;
  assert.equal(r.subject, 'parties[0] Listed Trading LLC ~ LISTED COMPANY (SDN, us-csl us-csl:42, score 0.91)');
});

// ---- nexus ----------------------------------------------------------------------------------------

test('US nexus: US origin, de minimis content (25%, 10% for E:1), US person, export from the US; none for Italian goods', async () => {
  const items = [classified(0, 'camera', ENTRIES.thermalCamera())];
  const us = async (over: Partial<Transaction>) => det(await evaluate(transaction({ date: '2026-11-27', ...over }), { items }), 'US');
  assert.equal((await us({})).applies, false);
  assert.match((await us({})).nexus, /No US nexus/);
  const origin = await us({ items: [{ description: 'camera', code: '6A003.b.4', usOrigin: true }] });
  assert.equal(origin.applies, true);
  assert.match(origin.nexus, /items\[0\] \(camera\) is of US origin/);
  assert.equal((await us({ items: [{ description: 'camera', usContent: 0.3 }] })).applies, true);
  assert.equal((await us({ items: [{ description: 'camera', usContent: 0.2 }] })).applies, false);
  // Iran is in E:1: the de minimis level is 10%.
  assert.equal((await us({ destination: 'IR', items: [{ description: 'camera', usContent: 0.2 }] })).applies, true);
  assert.equal((await us({ exporter: { name: 'X', country: 'IT', usPerson: true } })).applies, true);
  assert.equal((await us({ exporter: { name: 'X Inc.', country: 'US' } })).applies, true);
});

test('EU/IT nexus: exporter in a member state on the date; UN reaches everyone', async () => {
  const a = await evaluate(transaction({ exporter: { name: 'Swiss AG', country: 'CH' } }), { items: [classified(0, 'camera', ENTRIES.thermalCamera())] });
  assert.equal(det(a, 'EU').applies, false);
  assert.equal(det(a, 'IT').applies, false);
  assert.equal(det(a, 'UN').applies, true);
  assert.match(det(a, 'EU').nexus, /Switzerland \(CH\), which is not an EU member state on 2003-10-14/);
  // The outcome is still what EU rules would require: kept apart from applies.
  assert.equal(det(a, 'EU').outcome, 'licence-required');
});

// ---- red flags --------------------------------------------------------------------------------------

test('red flags: transshipment, military and WMD end use, security-force end user, vague end use, unclassified item', async () => {
  const tx = transaction({
    date: '2026-11-27',
    parties: [
      { role: 'end-user', name: 'Ministry of Interior', country: 'LY' },
      { role: 'intermediate-consignee', name: 'Gulf Forwarding FZE', country: 'AE' },
      { role: 'bank', name: 'Some Bank', country: 'CH' },
    ],
    endUse: { statement: 'resale', categories: ['military', 'missile', 'unknown'] },
  });
  const a = await evaluate(tx, { items: [unclassified(0, 'spare parts')] });
  const got = new Set(flags(a));
  for (const f of ['transshipment', 'military-end-use', 'wmd-end-use', 'security-force-end-user', 'vague-end-use', 'unclassified-item']) assert.ok(got.has(f), f);
  const trans = a.redFlags.filter((f) => f.code === 'transshipment');
  assert.deepEqual(trans.map((f) => f.subject), ['parties[1]'], 'the bank in Switzerland is not a transshipment point');
  assert.ok(!got.has('listed-party'));
});

test('no red flags for a plain civil sale with a classified item and a clear statement', async () => {
  const a = await evaluate(transaction({ date: '2026-11-27', destination: 'DE', parties: [{ role: 'end-user', name: 'Universität Köln', country: 'DE' }], endUse: { statement: 'university laboratory research on materials', categories: ['civil'] } }), {
    items: [classified(0, 'camera', ENTRIES.thermalCamera())],
  });
  assert.deepEqual(flags(a), []);
});

test('extra red flags and hooks are added (the cases engine uses them for consultation-required)', async () => {
  const a = await evaluate(transaction(), {
    items: [classified(0, 'camera', ENTRIES.thermalCamera())],
    extraRedFlags: [{ code: 'consultation-required', message: 'A partner denied an essentially identical transaction.' }],
  });
  assert.ok(flags(a).includes('consultation-required'));
});

// ---- outcomes and divergence -----------------------------------------------------------------------

test('most restrictive effect wins; reasons are listed most restrictive first', async () => {
  const a = await evaluate(transaction({ date: '2003-10-14' }), { items: [classified(0, 'thiodiglycol', ENTRIES.thiodiglycol())] });
  const eu = det(a, 'EU');
  assert.equal(eu.outcome, 'prohibited');
  assert.deepEqual(eu.reasons.map((r) => r.effect).slice(0, 2), ['prohibited', 'licence-required']);
  assert.match(eu.reasons[0]!.citation, /Part VII, para\. 31; Annex I entry 1C350\.b\.22/);
});

test('military-list item to Libya in 2003: EU embargo prohibits; Italian Law 185/1990 prohibits; UN embargo lifted', async () => {
  const a = await evaluate(transaction(), { items: [classified(0, 'rifles', { code: 'ML1', regimes: ['WA'] })] });
  assert.equal(det(a, 'EU').outcome, 'prohibited');
  assert.ok(fired(a, 'IT').includes('IT-L185-1990-embargo'));
  assert.equal(det(a, 'UN').outcome, 'no-licence-required');
  assert.equal(det(a, 'EU').reasons.some((r) => r.ruleId === 'EU-1334-2000-annex-i'), false, 'not a dual-use item');
});

test('divergent is false when every jurisdiction reaches the same outcome', async () => {
  const a = await evaluate(transaction({ date: '2026-11-27', destination: 'DE', parties: [], items: [{ description: 'chairs', quantity: 4 }] }), { items: [unclassified(0, 'chairs')] });
  assert.equal(a.divergent, false);
  assert.deepEqual(a.determinations.map((d) => d.outcome), ['no-licence-required', 'no-licence-required', 'no-licence-required', 'no-licence-required']);
  assert.ok(det(a, 'EU').notModelled.some((n) => n.includes("items[0] ('chairs') is described only")));
});

test('data versions: lists, rules (version and sha256) and controls with the EU regulation of the date', async () => {
  const a = await evaluate(transaction({ date: '2010-01-01' }), { items: [unclassified(0, 'chairs')] });
  assert.match(a.dataVersions.rules.sha256, /^[0-9a-f]{64}$/);
  assert.equal(a.dataVersions.rules.version, `rules-${a.dataVersions.rules.sha256.slice(0, 12)}`);
  assert.equal(a.dataVersions.controls.euRegulation, 'Council Regulation (EC) No 428/2009');
  assert.deepEqual(a.dataVersions.lists.map((l) => l.id), ['un', 'us-csl']);
});
