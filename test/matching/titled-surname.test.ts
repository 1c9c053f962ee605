// Issue 13, kind 5 (short forms): a title and a surname name a known person the way the press does
// (Präsident Putin, Президент Путин, Putyin elnök's kind): the listed given names and patronymic are
// what the title stands in for. Only a rare surname counts so: in the lists' own frequencies
// "Mr Smith" names nobody in particular.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNames, DEFAULT_THRESHOLD } from '../../src/screening/index.js';
import { scoreTokens, TITLED_SURNAME_MIN_EVIDENCE } from '../../src/matching/scorer.js';
import { prepareName } from '../../src/matching/prepared.js';
import { tokenSimilarity } from '../../src/matching/token-similarity.js';
import { tokenWeight, withSurname } from '../../src/matching/compare.js';
import { UNIFORM_STATS } from '../../src/matching/weights.js';

const LISTED = 'Vladimir Vladimirovich Putin'; // UN / OFAC / UK list name

test('a title and a rare listed surname meet the full listed name', () => {
  for (const q of ['President Putin', 'Präsident Putin', 'Presidente Putin', 'Predsjednik Putin', 'Президент Путин']) {
    const s = compareNames(q, LISTED, 'person').score;
    assert.ok(s >= DEFAULT_THRESHOLD, `${q}: ${s}`);
  }
  // Without the title it stays a bare surname, below the threshold.
  assert.ok(compareNames('Putin', LISTED, 'person').score < DEFAULT_THRESHOLD);
  // A title and a given name is not a surname reference.
  assert.ok(compareNames('President Vladimir', LISTED, 'person').score < DEFAULT_THRESHOLD);
});

test('a common surname with a title stays below the threshold (rarity from the lists)', () => {
  const q = prepareName('Mr Smith');
  const c = withSurname(prepareName('STEPHEN EDWARD SMITH'));
  const qw = q.map((t) => tokenWeight(t, UNIFORM_STATS, false));
  const cw = c.map((t) => tokenWeight(t, UNIFORM_STATS, true));
  const sim = (i: number, j: number) => tokenSimilarity(q[i]!, c[j]!);
  const rare = scoreTokens(q, qw, c, cw, sim, false, c.map(() => 1)).score;
  const common = scoreTokens(q, qw, c, cw, sim, false, c.map(() => TITLED_SURNAME_MIN_EVIDENCE - 0.2)).score;
  assert.ok(rare >= DEFAULT_THRESHOLD, `as a rare surname: ${rare}`);
  assert.ok(common < DEFAULT_THRESHOLD, `as a common surname: ${common}`);
});
