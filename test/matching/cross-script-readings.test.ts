// Issue 13: UN-listed names in Arabic script against their Latin list spellings, where the two
// write the words apart differently (a Persian/Pashto ending written apart in Arabic script and glued
// in Latin), where the romanisation writes ذ and ظ as th (Iraqi and Gulf usage), and where the name
// has Pashto letters. Pairs from the UN consolidated list (original script and primary name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNames, DEFAULT_THRESHOLD } from '../../src/screening/index.js';
import { arabicVocalic, crossScriptCost, latinVocalic } from '../../src/matching/skeleton.js';
import { alternativeReadings } from '../../src/matching/readings.js';
import { prepareName } from '../../src/matching/prepared.js';

const score = (a: string, b: string) => compareNames(a, b, 'person').score;

test('a Persian/Pashto name ending written apart in Arabic script meets the glued Latin word', () => {
  for (const [a, b] of [
    ['ولی جان', 'WALIJAN'],
    ['سيد أحمد شهيد خيل', 'SAID AHMED SHAHIDKHEL'],
    ['رحمت الله کاکا زاده', 'RAHMATULLAH KAKAZADA'],
  ] as const) assert.ok(score(a, b) >= DEFAULT_THRESHOLD, `${a} vs ${b}: ${score(a, b)}`);
  // Written apart in Latin too, the glued list word is a known word: joined in another reading.
  assert.ok(score('SAID AHMED SHAHID KHEL', 'SAID AHMED SHAHIDKHEL') >= DEFAULT_THRESHOLD);
  // The ending alone is not a name that meets anything glued to it.
  assert.ok(score('جان', 'WALIJAN') < DEFAULT_THRESHOLD);
});

test('th reads as ذ and ظ as well as ث', () => {
  assert.equal(crossScriptCost(arabicVocalic('كاظم'), latinVocalic('kathim')), 0);
  assert.equal(crossScriptCost(arabicVocalic('عثمان'), latinVocalic('uthman')), 0);
  assert.ok(score('رشيد طعان كاظم', 'Rashid Taan Kathim') >= DEFAULT_THRESHOLD);
});

test('Pashto letters are read like the Arabic letters they stand beside (ځدران ZADRAN)', () => {
  assert.ok(score('محمد عمر ځدران', 'MUHAMMAD OMAR ZADRAN') >= DEFAULT_THRESHOLD, `${score('محمد عمر ځدران', 'MUHAMMAD OMAR ZADRAN')}`);
});

test('a kunya or nasab glued in one script and written apart in the other (UN: ABO GHAITH, BINALSHIBH, ABOU EL YAZID)', () => {
  for (const [a, b] of [
    ['سليمان جاسم سليمان علي أبوغيث', 'SULAIMAN JASSEM SULAIMAN ALI ABO GHAITH'],
    ['رمزي محمد عبد الله بن الشيبة', 'RAMZI MOHAMED ABDULLAH BINALSHIBH'],
    ['راضي عبد السميع أبواليزيد العياشي', 'RADI ABD EL SAMIE ABOU EL YAZID EL AYASHI'],
    ['أبو بكر', 'ABUBAKAR'],
  ] as const) assert.ok(score(a, b) >= DEFAULT_THRESHOLD, `${a} vs ${b}: ${score(a, b)}`);
  // Abu alone is no name to meet a glued Latin word.
  assert.ok(score('أبو', 'ABUBAKAR') < DEFAULT_THRESHOLD);
});

test('a reading is screened once: a Persian ending written apart (ولی جان), a glued nasab (بن الشيبة), two compounds (آخوند زاده)', () => {
  for (const name of ['ولی جان', 'رمزي بن الشيبة', 'احمد جان آخوند زاده']) {
    const readings = alternativeReadings(prepareName(name), () => false, () => false);
    const texts = readings.map((r) => r.map((t) => `${t.key}/${t.vocalic ?? ''}/${t.kind}`).join(' '));
    assert.ok(readings.length > 0, name);
    assert.equal(new Set(texts).size, texts.length, `${name}: ${texts.join(' | ')}`);
  }
  assert.ok(alternativeReadings(prepareName('ولی جان'), () => false, () => false).some((r) => r.length === 1), 'the glued reading is kept');
});
