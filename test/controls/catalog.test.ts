import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilInputError } from '../../src/model/errors.js';
import { catalog } from './helpers.js';

test('6A003.b.4 resolves to 6A003 and its paragraph, with reasons narrowed to that paragraph', async () => {
  const c = await catalog();
  const [r, ...rest] = c.classify('6A003.b.4').results;
  assert.equal(rest.length, 0);
  assert.equal(r!.code, '6A003');
  assert.equal(r!.paragraph, '6A003.b.4');
  assert.equal(r!.matchedOn, 'code');
  assert.equal(r!.score, 1);
  // NP covers only a.3, a.4 and a.6; RS and UN name b.3/b.4 paragraphs.
  assert.deepEqual(r!.reasons, ['NS2', 'RS1', 'RS2', 'AT1', 'UN']);
  assert.deepEqual(r!.chartColumns, { NS: 'NS2', RS: 'RS1', AT: 'AT1' });
  assert.deepEqual(r!.regimes, ['WA']);
  assert.deepEqual(r!.jurisdictions, ['US', 'EU']);
  // The whole entry keeps every reason.
  assert.deepEqual(c.classify('6A003').results[0]!.reasons, ['NS2', 'NP1', 'RS1', 'RS2', 'AT1', 'UN']);
});

test('entry exceptions narrow reasons: 9A012.a.1 is NS2, the rest of 9A012 NS1', async () => {
  const c = await catalog();
  assert.equal(c.classify('9A012.a.1').results[0]!.chartColumns!.NS, 'NS2');
  assert.equal(c.classify('9A012.b').results[0]!.chartColumns!.NS, 'NS1');
});

test('a paragraph with list text carries it; an unknown paragraph still resolves, with a note', async () => {
  const c = await catalog();
  const r = c.classify('1C350.b.22').results[0]!;
  assert.match(r.paragraphText!, /Thiodiglycol/);
  assert.equal(r.cwcSchedule, '2');
  const unknown = c.classify('3A001.q.9');
  assert.equal(unknown.results[0]!.code, '3A001');
  assert.ok(unknown.results[0]!.notes!.some((n) => n.includes('not in the list text')));
});

test('prefix search lists entries in code order', async () => {
  const c = await catalog();
  const codes = c.classify('1C35', { limit: 20 }).results.map((r) => r.code);
  assert.deepEqual(codes, ['1C350', '1C351', '1C353', '1C354', '1C355']);
});

test('a well-formed code on no list: no result and a note saying so', async () => {
  const c = await catalog();
  const res = c.classify('6A989');
  assert.deepEqual(res.results, []);
  assert.ok(res.notes!.some((n) => n.startsWith('No entry 6A989')));
});

test('EU list: regime from the third character, Category 0 is NSG, US-only numbering excluded', async () => {
  const c = await catalog();
  const one = (q: string) => c.classify(q).results[0]!;
  assert.deepEqual([one('3A225').regimes, one('3A225').jurisdictions], [['NSG'], ['US', 'EU']]);
  assert.deepEqual([one('9A101').regimes, one('1C350').regimes, one('6A003').regimes], [['MTCR'], ['AG'], ['WA']]);
  assert.deepEqual([one('0B001').regimes, one('0B001').jurisdictions], [['NSG'], ['EU']]);
  for (const usOnly of ['0A501', '9A610', '6A993', '5A992', '1C355', '3A090', '2A290']) {
    const r = one(usOnly);
    assert.deepEqual(r.jurisdictions, ['US'], usOnly);
    assert.ok(r.euNote, usOnly);
  }
});

test('the EU regulation in force is recorded on every answer, by date', async () => {
  const c = await catalog();
  const at = (d: string) => c.classify('1C350', { asOf: d }).euRegulation;
  assert.equal(at('2000-09-27'), 'Regulation (EC) No 3381/94 and Decision 94/942/CFSP');
  assert.equal(at('2000-09-28'), 'Regulation (EC) No 1334/2000');
  assert.equal(at('2003-10-14'), 'Regulation (EC) No 1334/2000');
  assert.equal(at('2009-08-26'), 'Regulation (EC) No 1334/2000');
  assert.equal(at('2009-08-27'), 'Regulation (EC) No 428/2009');
  assert.equal(at('2021-09-08'), 'Regulation (EC) No 428/2009');
  assert.equal(at('2021-09-09'), 'Regulation (EU) 2021/821');
  assert.equal(c.classify('thermal camera', { asOf: '2026-01-01' }).euRegulation, 'Regulation (EU) 2021/821');
  assert.equal(c.euRegulation('2004-01-01'), 'Regulation (EC) No 1334/2000');
  assert.throws(() => c.classify('1C350', { asOf: '2003-02-30' }), VigilInputError);
});

test('classifyItem: a CAS number resolves exactly, with the CWC schedule', async () => {
  const c = await catalog();
  const r = c.classifyItem({ description: 'thiodiglycol, 99%', cas: '111-48-8' }, 0, '2003-10-14');
  assert.equal(r.classified, true);
  assert.equal(r.cwcSchedule, '2');
  assert.equal(r.entries[0]!.code, '1C350');
  assert.equal(r.entries[0]!.paragraph, '1C350.b.22');
  assert.ok(r.entries[0]!.jurisdictions.includes('EU'));
  assert.deepEqual(r.suggestions, []);
  assert.equal(r.euRegulation, 'Regulation (EC) No 1334/2000');
  assert.ok(r.notes.some((n) => n.includes('may differ')), 'a 2003 answer says the list text is newer');
});

test('classifyItem: a code resolves exactly; code and CAS together keep both', async () => {
  const c = await catalog();
  const cam = c.classifyItem({ description: 'uncooled thermal imaging camera', code: '6A003.b.4' }, 1, '2003-10-14');
  assert.equal(cam.classified, true);
  assert.deepEqual(cam.entries.map((e) => [e.code, e.paragraph]), [['6A003', '6A003.b.4']]);
  const both = c.classifyItem({ description: 'x', code: '6A003', cas: '111-48-8' }, 2, '2026-01-01');
  assert.deepEqual(both.entries.map((e) => e.code), ['6A003', '1C350']);
  assert.ok(both.notes.some((n) => n.includes('different entries')));
});

test('classifyItem: a description alone is never classified, and suggests entries', async () => {
  const c = await catalog();
  const r = c.classifyItem({ description: 'maraging steel tube' }, 3, '2003-10-14');
  assert.equal(r.classified, false);
  assert.deepEqual(r.entries, []);
  assert.ok(r.suggestions.length > 0 && r.suggestions.length <= 5);
  assert.ok(['1C116', '1C216'].includes(r.suggestions[0]!.code));
  assert.ok(r.notes.some((n) => n.includes('Not a finding that the item is uncontrolled')));
  const nothing = c.classifyItem({ description: 'fresh apples' }, 4, '2003-10-14');
  assert.equal(nothing.classified, false);
});

test('classifyItem: bad code or CAS is an input error naming the item field', async () => {
  const c = await catalog();
  assert.throws(() => c.classifyItem({ description: 'x', cas: '111-48-9' }, 7, '2003-10-14'), /items\[7\]\.cas: invalid CAS number/);
  assert.throws(() => c.classifyItem({ description: 'x', code: '6A0O3' }, 2, '2003-10-14'), /items\[2\]\.code: malformed control code/);
  assert.throws(() => c.classifyItem({ description: 'x' }, 0, 'yesterday'), VigilInputError);
});

test('lead words before a code or CAS number are understood; the query is echoed as asked', async () => {
  const c = await catalog();
  const a = c.classify('ECCN 1C350.b.22');
  assert.equal(a.query, 'ECCN 1C350.b.22');
  assert.deepEqual(a.results.map((r) => [r.code, r.matchedOn]), [['1C350', 'code']]);
  const b = c.classify('CAS No. 111-48-8');
  assert.deepEqual(b.results.map((r) => [r.code, r.matchedOn, r.cwcSchedule]), [['1C350', 'cas', '2']]);
});

test('the catalogue version names the list date and fingerprints the data files', async () => {
  const c = await catalog();
  assert.match(c.version, /^controls-2026-07-23-[0-9a-f]{12}$/);
});

test('the EU regulation record carries its citation and dates for the policy to cite', async () => {
  const c = await catalog();
  const r = c.euRegulationInForce('2003-10-14')!;
  assert.equal(r.citation, 'OJ L 159, 30.6.2000, p. 1');
  assert.deepEqual([r.from, r.to], ['2000-09-28', '2009-08-26']);
  assert.equal(c.euRegulationInForce('1990-01-01'), undefined);
  assert.match(c.classify('1C350', { asOf: '1990-01-01' }).euRegulation!, /^none/);
});

test('classifyItem: a CAS number sharpens a bare code for the same entry', async () => {
  const c = await catalog();
  const r = c.classifyItem({ description: 'TDG', code: '1C350', cas: '111-48-8' }, 0, '2026-01-01');
  assert.deepEqual(r.entries.map((e) => [e.code, e.paragraph, e.cwcSchedule]), [['1C350', '1C350.b.22', '2']]);
  assert.equal(r.cwcSchedule, '2');
  const bare = c.classifyItem({ description: 'precursor', code: '1C350' }, 0, '2026-01-01');
  assert.equal(bare.cwcSchedule, undefined);
  assert.ok(bare.entries[0]!.notes!.some((n) => n.includes('give the paragraph or the CAS number')));
});
