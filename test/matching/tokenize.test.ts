import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeName } from '../../src/matching/tokenize.js';
import { foldCase, hasControlCharacters } from '../../src/matching/normalize.js';
import { latinSkeleton } from '../../src/matching/skeleton.js';

const texts = (name: string) => tokenizeName(name).map((t) => t.text);
const kinds = (name: string) => tokenizeName(name).map((t) => `${t.text}:${t.kind}`);

test('folding: NFKC, case, diacritics, apostrophes', () => {
  assert.equal(foldCase('Nicolás MADURO'), 'nicolas maduro');
  assert.equal(foldCase('ﬁ'), 'fi'); // NFKC ligature
  assert.equal(foldCase("Mu'ammar"), 'muammar');
  assert.equal(foldCase('Ｑａｄｈａｆｉ'), 'qadhafi'); // full-width
  assert.ok(hasControlCharacters('a\u0000b'));
  assert.ok(!hasControlCharacters('a\tb'));
});

test('transliteration of Cyrillic, Greek, Hebrew, CJK and Hangul to Latin tokens', () => {
  assert.deepEqual(texts('Муаммар Каддафи'), ['muammar', 'kaddafi']);
  assert.deepEqual(texts('Βλαντίμιρ Πούτιν'), ['vladimir', 'putin']);
  assert.deepEqual(texts('李方伟'), ['li', 'fangwei']); // one-character surname, then the given name
  assert.deepEqual(texts('김정은'), ['gim', 'jeong', 'eun']);
  assert.deepEqual(tokenizeName('ולדימיר פוטין').map((t) => t.unvocalised), [false, false]); // Hebrew is read letter by letter
  assert.ok(texts('Vladímír Pútín').join(' ') === 'vladimir putin');
});

test('Arabic: article stripped, consonant skeleton shared with Latin spellings', () => {
  const t = tokenizeName('معمر القذافي');
  assert.deepEqual(t.map((x) => x.kind), ['name', 'particle', 'name']);
  const qadhafi = t[2]!;
  assert.ok(qadhafi.unvocalised);
  for (const latin of ['qadhafi', 'gaddafi', 'kadhafi', 'qaddafi', 'gadhafi']) assert.equal(latinSkeleton(latin), qadhafi.skeleton, latin);
  assert.equal(latinSkeleton('muammar'), t[0]!.skeleton);
  assert.equal(tokenizeName('Каддафи')[0]!.skeleton, qadhafi.skeleton);
});

test('Arabic compounds join the same way in both scripts', () => {
  assert.equal(tokenizeName('عبد الرحمن').length, 1);
  assert.equal(tokenizeName('ABD AL-RAHMAN').length, 1);
  assert.equal(tokenizeName('ABDUL RAHMAN').length, 1);
  assert.equal(tokenizeName('عبد الرحمن')[0]!.skeleton, tokenizeName('ABD AL-RAHMAN')[0]!.skeleton);
  assert.equal(tokenizeName('ABID SAKR').length, 2); // no article: two names
});

test('surnames from the comma and from capitals; token order does not matter to the tokens', () => {
  const comma = tokenizeName('QADHAFI, Muammar');
  assert.deepEqual(comma.map((t) => [t.text, t.surname]), [['qadhafi', true], ['muammar', false]]);
  const caps = tokenizeName('Vladimir PUTIN');
  assert.deepEqual(caps.map((t) => [t.text, t.surname]), [['vladimir', false], ['putin', true]]);
  assert.deepEqual(texts('AL-QADHAFI, Muammar'), ['al', 'qadhafi', 'muammar']);
  assert.equal(tokenizeName('ELKADDAFI')[0]!.bare, 'kaddafi');
});

test('generic words, legal forms, titles and initials are classified from data', () => {
  assert.deepEqual(kinds('GLOBAL TRADING CO. LTD.'), ['global:generic', 'trading:generic', 'co:legal', 'ltd:legal']);
  assert.deepEqual(kinds('THOMAS METAL S.A.'), ['thomas:name', 'metal:generic', 'sa:legal']);
  assert.deepEqual(kinds('Q.C. Chen'), ['q:initial', 'c:initial', 'chen:name']);
  assert.deepEqual(kinds('Colonel Innocent KAINA'), ['colonel:title', 'innocent:name', 'kaina:name']);
  // In a two-token name a short legal form is more likely a surname (Thomas Sá).
  assert.deepEqual(kinds('Thomas Sá'), ['thomas:name', 'sa:name']);
});
