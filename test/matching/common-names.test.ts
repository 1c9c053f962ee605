// Issue 13: how common a name is. A name whose parts are common in a large population (US Census
// 2010 surnames, SSA given names: data/matching/name-frequency.json) met inside a longer list name,
// or one letter off a listed name, is another person far more often than the listed one; a name the
// population tables do not know keeps the short-form allowance. Real list names throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNames, DEFAULT_THRESHOLD } from '../../src/screening/index.js';
import { applyFilters } from '../../src/matching/filters.js';
import { populationCount, populationName } from '../../src/matching/population.js';
import { prepareName } from '../../src/matching/prepared.js';
import { oneEditApart } from '../../src/matching/edit.js';
import { COMMON_POPULATION_NAME } from '../../src/matching/scorer.js';

const score = (a: string, b: string) => compareNames(a, b, 'person').score;

test('population counts: common given name + common surname, either order; unknown parts count as nobody', () => {
  assert.ok(populationCount(prepareName('Michael Johnson')) > 10_000);
  assert.equal(populationCount(prepareName('Johnson, Michael')), populationCount(prepareName('Michael Johnson')));
  assert.ok(populationCount(prepareName('Juan Garcia')) >= COMMON_POPULATION_NAME);
  assert.equal(populationCount(prepareName('Mohammad Akhund')), 0, 'Akhund is not in the tables');
  assert.equal(populationCount(prepareName('Michael')), 0, 'one part is not a name to count');
  assert.ok(populationName('meyer') && populationName('michelle'));
  assert.ok(!populationName('qadhafi'));
});

test('a common name met inside a longer list name is another person (US CSL: WILLIAM MICHAEL JOHNSON, JUAN MARVIN GARCIA)', () => {
  for (const [q, listed] of [
    ['Michael Johnson', 'WILLIAM MICHAEL JOHNSON'],
    ['Juan Garcia', 'JUAN MARVIN GARCIA'],
    ['Carlos Alvarez', 'MARTINEZ ALVAREZ, Carlos'],
    ['Robert Stone', 'Joel Robert Stone'],
  ] as const) assert.ok(score(q, listed) < DEFAULT_THRESHOLD, `${q} vs ${listed}: ${score(q, listed)}`);
  // The same name exactly is still a hit: the population tables only weigh what is left over.
  assert.equal(score('Robert Anderson', 'Robert Anderson'), 1);
});

test('a short form of a name the population tables do not know still meets (UN / OFAC list names)', () => {
  for (const [q, listed] of [
    ['MOHAMMAD AKHUND', 'MOHAMMAD HASSAN AKHUND'],
    ['Vladimir Putin', 'Vladimir Vladimirovich Putin'],
    ['Raghad Hussein', 'RAGHAD SADDAM HUSSEIN AL-TIKRITI'],
    ['Igor KIM', 'Igor Vladimirovich KIM'],
  ] as const) assert.ok(score(q, listed) >= DEFAULT_THRESHOLD, `${q} vs ${listed}: ${score(q, listed)}`);
});

test('a query word that is itself a common name is not a misspelling of a listed one (US CSL: David MAYER, Michael Cox)', () => {
  assert.ok(score('David Meyer', 'David MAYER') < DEFAULT_THRESHOLD, `${score('David Meyer', 'David MAYER')}`);
  assert.ok(score('Michelle Cox', 'Michael Cox') < DEFAULT_THRESHOLD);
  // A typo that is no name keeps its fuzzy score (UN: ABDUL HAKIM MURAD).
  assert.ok(score('ABDUL HAKIM MURRAD', 'ABDUL HAKIM MURAD') >= DEFAULT_THRESHOLD);
});

test('kind 7: a common Chinese or Korean name in its own script with a birth year meets a romanised undated entry below the threshold; the same name written alike does not', () => {
  const undated = { type: 'person' as const, countries: [], birthDates: [] };
  assert.ok(applyFilters(1, { birthYear: 1974 }, undated, DEFAULT_THRESHOLD, true, true).score < DEFAULT_THRESHOLD, '王伟 (1974) vs an undated WANG Wei');
  assert.equal(applyFilters(1, { birthYear: 1974 }, undated, DEFAULT_THRESHOLD, true, false).score, 1, 'Anthony Fernandez (1976) vs an undated Anthony Fernandez: nothing tells them apart');
  assert.equal(applyFilters(1, { birthYear: 1974 }, undated, DEFAULT_THRESHOLD, false, true).score, 1, 'a rare name: nothing to weigh it against');
  assert.equal(applyFilters(1, {}, undated, DEFAULT_THRESHOLD, true, true).score, 1, 'no birth year in the query: unchanged');
});

test('a misspelt compound prefix, or one that needs its article, is joined in another reading (UN: ABDUL HABIB ALIZAI, AL-HUTHI Abd al-Khaliq)', () => {
  assert.ok(oneEditApart('abudl', 'abdul') && oneEditApart('abedul', 'abdul') && oneEditApart('abdcul', 'abdul'));
  assert.ok(!oneEditApart('abdul', 'abdul') && !oneEditApart('abdullah', 'abdul'));
  assert.ok(score('ABUDL HABIB ALIZAI', 'ABDUL HABIB ALIZAI') >= DEFAULT_THRESHOLD, `${score('ABUDL HABIB ALIZAI', 'ABDUL HABIB ALIZAI')}`);
  assert.ok(score('BARI Abedul Baqi', 'BARI, Abdul Baqi') >= DEFAULT_THRESHOLD);
  assert.ok(score('al-Khaliq AL-HUTHI Abd', 'AL-HUTHI, Abd al-Khaliq') >= DEFAULT_THRESHOLD);
});

test('a short form counts in any token order, but a second surname left over is not a middle name (UN: QADHAFI family; US CSL: MORENO PEREZ, Felipe)', () => {
  for (const q of ['Muammar Qadhafi', 'Qadhafi Muammar', 'QADHAFI, Muammar']) {
    const s = score(q, 'MUAMMAR MOHAMMED ABU MINYAR QADHAFI');
    assert.equal(s, score('Muammar Qadhafi', 'MUAMMAR MOHAMMED ABU MINYAR QADHAFI'), q);
  }
  // (compare has no list frequencies: the full plain penalty for MORENO is 0.108 of 1; a short form would halve it.)
  assert.ok(score('Felipe Perez', 'MORENO PEREZ, Felipe') <= 0.9, `${score('Felipe Perez', 'MORENO PEREZ, Felipe')}`);
  assert.ok(score('Felipe Perez', 'Felipe Antonio PEREZ') > 0.92, 'a middle name left over is a short form');
});

test('an Arabic-script word that reads exactly as one name is not one letter off another (محمد is MUHAMMAD, not MEHDI)', () => {
  assert.ok(score('محمد', 'Mehdi') < DEFAULT_THRESHOLD);
  assert.ok(score('محمد', 'Mohamad') >= DEFAULT_THRESHOLD);
  assert.ok(score('محمد رضا زاده', 'REZAZADEH, Mehdi') < DEFAULT_THRESHOLD);
});
