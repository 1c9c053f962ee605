import assert from 'node:assert/strict';
import { test } from 'node:test';
import { casCheckDigit, parseCas } from '../../src/controls/cas.js';
import { readControlsCsv } from '../../src/controls/data-files.js';
import { VigilInputError } from '../../src/model/errors.js';
import { catalog } from './helpers.js';

test('CAS check digit: the worked example and normalisation', () => {
  assert.equal(casCheckDigit('7732-18'), 5); // water, 7732-18-5
  assert.equal(parseCas(' 111-48-8 '), '111-48-8');
  assert.equal(parseCas('0111-48-8'), '111-48-8');
});

test('a wrong check digit is an error that says so and names the field', () => {
  assert.throws(() => parseCas('111-48-9', 'items[0].cas'), (e: unknown) => {
    assert.ok(e instanceof VigilInputError);
    assert.match(e.message, /^items\[0\]\.cas: invalid CAS number 111-48-9: the check digit is 9 but should be 8/);
    return true;
  });
});

test('malformed CAS numbers are input errors', () => {
  for (const bad of ['111-4-8', '1-48-8', '111-48-', '12345678-12-3', '111--48-8']) {
    assert.throws(() => parseCas(bad), VigilInputError, bad);
  }
});

test('every CAS number in 1C350 resolves to 1C350, its paragraph and its CWC schedule', async () => {
  const c = await catalog();
  const rows = readControlsCsv('chemicals/ag_precursors_1C350.csv');
  assert.equal(rows.length, 84);
  for (const r of rows) {
    const res = c.classify(r.cas!);
    const hit = res.results.find((x) => x.code === '1C350');
    assert.ok(hit, `${r.cas} ${r.name}`);
    assert.equal(hit.paragraph, r.eccn_paragraph, r.cas);
    assert.equal(hit.matchedOn, 'cas');
    assert.equal(hit.cas, r.cas);
    const schedule = /Schedule (\d)/.exec(r.cwc_status!)?.[1];
    assert.equal(hit.cwcSchedule, schedule, `${r.cas} ${r.name}: ${r.cwc_status}`);
    assert.ok(hit.jurisdictions.includes('EU') && hit.jurisdictions.includes('US'));
  }
});

test('every CAS number in 1C355 resolves to 1C355 with its schedule, and 1C355 is US-only', async () => {
  const c = await catalog();
  const rows = readControlsCsv('chemicals/cwc_not_ag_1C355.csv');
  let checked = 0;
  for (const r of rows) {
    const cas = r.cas || /C\.?A\.?S\.?\s*#?\s*(\d{2,7}-\d{2}-\d)/.exec(r.text!)?.[1];
    if (!cas) continue;
    const hit = c.classify(cas).results.find((x) => x.code === '1C355');
    assert.ok(hit, cas);
    assert.equal(hit.paragraph, r.eccn_paragraph);
    assert.equal(hit.cwcSchedule, /Schedule (\d)/.exec(r.cwc_schedule!)?.[1]);
    assert.deepEqual(hit.jurisdictions, ['US']);
    checked++;
  }
  assert.equal(checked, 6); // 5 with a CAS column + chloropicrin, whose CAS number is only in the text
});

test('every CAS number in the CWC Schedules resolves to its schedule (or its exemption)', async () => {
  const c = await catalog();
  const rows = readControlsCsv('chemicals/cwc_schedules.csv').filter((r) => r.cas);
  assert.equal(rows.length, 57);
  for (const r of rows) {
    const res = c.classify(r.cas!);
    if (r.kind === 'exemption') {
      assert.ok(res.results.every((x) => x.cwcSchedule === undefined), r.cas);
      assert.ok(res.notes?.some((n) => n.includes('exempt')), `${r.cas}: ${JSON.stringify(res.notes)}`);
      continue;
    }
    assert.ok(res.results.length > 0, r.cas);
    for (const hit of res.results) {
      assert.equal(hit.cwcSchedule, r.schedule, `${r.cas} ${r.name} → ${hit.code}`);
      assert.equal(hit.cwcItem, `CWC Schedule ${r.schedule}.${r.part}.${r.item}`);
    }
  }
});

test('Schedule 1 agents resolve to CWC-S1 (or 1C351 for ricin and saxitoxin), never to the EU dual-use list', async () => {
  const c = await catalog();
  const sarin = c.classify('107-44-8').results;
  assert.deepEqual(sarin.map((r) => r.code), ['CWC-S1']);
  assert.deepEqual(sarin[0]!.jurisdictions, []);
  assert.deepEqual(sarin[0]!.regimes, ['CWC']);
  const ricin = c.classify('9009-86-3').results;
  assert.deepEqual(ricin.map((r) => [r.code, r.paragraph, r.cwcSchedule]), [['1C351', '1C351.d.15', '1']]);
});

test('a valid CAS number on no list gives no result and a note, not an error', async () => {
  const c = await catalog();
  const res = c.classify('7732-18-5'); // water
  assert.deepEqual(res.results, []);
  assert.ok(res.notes?.some((n) => n.includes('not named on the lists')));
});
