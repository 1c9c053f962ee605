import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { compareNames, DEFAULT_THRESHOLD } from '../../src/screening/index.js';
import { applyFilters } from '../../src/matching/filters.js';
import { VigilInputError } from '../../src/model/errors.js';

const score = (a: string, b: string, type?: 'person' | 'organization') => compareNames(a, b, type).score;

test('the Qadhafi family: Latin spellings, Arabic and Cyrillic all meet', () => {
  const spellings = ['Muammar Qadhafi', 'QADHAFI, Muammar', 'Moammar Gadhafi', 'Muammar Gaddafi', 'Mouammar Kadhafi', 'معمر القذافي', 'Муаммар Каддафи', 'AL-QADHAFI, Muammar', 'ELKADDAFI, Muammar'];
  for (const a of spellings) {
    for (const b of spellings) {
      assert.ok(score(a, b) >= DEFAULT_THRESHOLD, `${a} vs ${b}: ${score(a, b)}`);
    }
  }
  for (const surname of ['Gaddafi', 'Kadhafi', 'القذافي', 'Каддафи', 'Gadhafi']) assert.ok(score(surname, 'Qadhafi') >= DEFAULT_THRESHOLD, surname);
});

test('token order does not matter', () => {
  assert.equal(score('QADHAFI, Muammar', 'Muammar Qadhafi'), 1);
  assert.equal(score('Putin Vladimir', 'Vladimir Putin'), 1);
});

test('different people and different words do not meet', () => {
  for (const [a, b] of [['John Smith', 'Muammar Qadhafi'], ['ivan', 'john'], ['Kathryn Barr', 'Karim Bakr'], ['Antonia Rodriguez', 'Antonio Ruiz']]) {
    assert.ok(score(a!, b!) < DEFAULT_THRESHOLD, `${a} vs ${b}: ${score(a!, b!)}`);
  }
});

test('generic words and legal forms never make a match on their own', () => {
  const s = score('GLOBAL TRADING CO LTD', 'AL NASER TRADING CO LTD', 'organization');
  assert.ok(s <= 0.5, String(s));
  assert.ok(score('GENERAL TRADING COMPANY LIMITED', 'KOREA GENERAL TRADING COMPANY', 'organization') < DEFAULT_THRESHOLD);
  const r = compareNames('TRADING COMPANY LIMITED', 'ACME TRADING COMPANY LIMITED', 'organization');
  assert.equal(r.score, 0.5);
  assert.ok(r.explanation.notes.some((n) => n.includes('generic')), r.explanation.notes.join('; '));
  // Yet the distinctive part still matches with or without the legal form.
  assert.ok(score('BANK OF KUNLUN', 'BANK OF KUNLUN CO LTD', 'organization') >= DEFAULT_THRESHOLD);
});

test('explanation lists which query token met which list token and how', () => {
  const r = compareNames('Moammar Gadhafi', 'QADHAFI, Muammar Abu Minyar');
  const byQuery = Object.fromEntries(r.explanation.tokens.map((t) => [t.query, t]));
  assert.equal(byQuery.moammar!.matched, 'muammar');
  assert.equal(byQuery.moammar!.how, 'equivalent');
  assert.equal(byQuery.gadhafi!.matched, 'qadhafi');
  assert.ok(r.explanation.notes.some((n) => n.includes('abu') && n.includes('minyar')), 'unmatched list tokens are named');
  const fuzzy = compareNames('Vladimir Poutine', 'Vladimir Putin').explanation.tokens.find((t) => t.query === 'poutine')!;
  assert.ok(['fuzzy', 'phonetic'].includes(fuzzy.how));
  const initial = compareNames('V. Putin', 'Vladimir Putin').explanation.tokens.find((t) => t.query === 'v')!;
  assert.equal(initial.how, 'initial');
  const unmatched = compareNames('Vladimir Ivanov Putin', 'Vladimir Putin').explanation.tokens.find((t) => t.query === 'ivanov')!;
  assert.equal(unmatched.how, 'unmatched');
});

test('unmatched list tokens lower the score, surnames more than given names', () => {
  const full = score('Frank Kakolele Bwambale', 'FRANK KAKOLELE BWAMBALE');
  const dropMiddle = score('Frank Bwambale', 'FRANK KAKOLELE BWAMBALE');
  assert.equal(full, 1);
  assert.ok(dropMiddle < full && dropMiddle >= DEFAULT_THRESHOLD, String(dropMiddle));
  assert.ok(score('Muammar', 'QADHAFI, Muammar') < score('Qadhafi', 'QADHAFI, Muammar'));
});

test('birth year: a mismatch lowers the score but never hides an exact-name hit', () => {
  const target = { type: 'person' as const, countries: ['LY'], birthDates: ['1942'] };
  assert.equal(applyFilters(0.9, { birthYear: 1942 }, target, 0.85).score, 0.9);
  const near = applyFilters(0.95, { birthYear: 1945 }, target, 0.85);
  const far = applyFilters(0.95, { birthYear: 1980 }, target, 0.85);
  assert.ok(far.score < near.score && near.score < 0.95);
  assert.ok(far.notes.some((n) => n.includes('1980') && n.includes('1942')));
  const exact = applyFilters(1, { birthYear: 1980 }, target, 0.85);
  assert.equal(exact.score, 0.85, 'an exact name stays at the threshold');
  assert.ok(applyFilters(0.9, { birthYear: 1980 }, target, 0.85).score < 0.85, 'a fuzzy name falls below');
  assert.equal(applyFilters(0.9, { birthYear: 1980 }, { ...target, birthDates: [] }, 0.85).score, 0.9, 'no listed birth date: no change');
});

test('type and country filters', () => {
  const org = { type: 'organization' as const, countries: ['IR'], birthDates: [] };
  assert.ok(applyFilters(0.95, { type: 'person' }, org, 0.85).score < 0.85);
  assert.equal(applyFilters(0.95, { type: 'organization' }, org, 0.85).score, 0.95);
  assert.ok(applyFilters(0.95, { country: 'FR' }, org, 0.85).score < 0.95);
  assert.equal(applyFilters(0.95, { country: 'ir' }, org, 0.85).score, 0.95);
});

test('bad names are refused with the field named', () => {
  assert.throws(() => compareNames('', 'x'), (e: unknown) => e instanceof VigilInputError && /a:/.test(e.message));
  assert.throws(() => compareNames('a\u0007b', 'x'), /control characters/);
  assert.throws(() => compareNames('x'.repeat(1_000_000), 'x'), /1000000 characters/);
});

test('cross-script regression sample: at least 80% of the UN Latin/original-script pairs meet', () => {
  const rows = parse(readFileSync(new URL('../fixtures/matching/un_cross_script_pairs_sample.csv', import.meta.url)), { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, 378);
  const met = rows.filter((r) => score(r.variant_name!, r.primary_name!, r.kind === 'individual' ? 'person' : 'organization') >= DEFAULT_THRESHOLD).length;
  assert.ok(met / rows.length >= 0.8, `${met} of ${rows.length}`);
});
