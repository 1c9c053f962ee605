// Bad input must give a clear VigilInputError — never an SQL/FTS error, never a crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilInputError } from '../../src/model/errors.js';
import { catalog } from './helpers.js';

const inputError = (pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof VigilInputError, `expected VigilInputError, got ${String(e)}`);
  assert.match(e.message, pattern);
  return true;
};

test('empty and blank queries', async () => {
  const c = await catalog();
  for (const q of ['', '   ', '\n\t']) assert.throws(() => c.classify(q), inputError(/^query: the query is empty/));
});

test('a 100 KB query is refused with its length', async () => {
  const c = await catalog();
  assert.throws(() => c.classify('thermal camera '.repeat(7000)), inputError(/^query: the query is \d+ characters long; at most 1000/));
});

test('queries with nothing to search', async () => {
  const c = await catalog();
  for (const q of ['"', '*', '-', '"*"', '()', '^', '-- ; DROP TABLE docs; --'.replace(/[a-z]/gi, '')]) {
    assert.throws(() => c.classify(q), inputError(/no words to search/), JSON.stringify(q));
  }
});

test('FTS5 syntax in user text is inert: same answer as the plain words', async () => {
  const c = await catalog();
  const plain = c.classify('thermal camera').results.map((r) => r.code);
  for (const q of ['"thermal camera', 'thermal* camera*', 'thermal NEAR camera', 'thermal -camera', 'thermal OR camera', 'thermal AND camera NOT', '(thermal) {camera}', 'heading: thermal camera', 'thermal "" camera ^']) {
    const res = c.classify(q);
    assert.ok(res.results.length > 0, q);
    assert.equal(res.results[0]!.code, plain[0], q);
  }
  // SQL in text is only words.
  assert.doesNotThrow(() => c.classify("camera'); DROP TABLE docs; --"));
  assert.ok(c.classify('camera').results.length > 0, 'the index survived');
  // NEAR alone is just a word.
  assert.doesNotThrow(() => c.classify('NEAR'));
});

test('malformed codes and CAS numbers are named as such', async () => {
  const c = await catalog();
  assert.throws(() => c.classify('6A0003'), inputError(/^query: malformed control code "6A0003"/));
  assert.throws(() => c.classify('6A003..b'), inputError(/malformed control code/));
  assert.throws(() => c.classify('111-48-9'), inputError(/^query: invalid CAS number 111-48-9: the check digit is 9 but should be 8/));
  assert.throws(() => c.classify('111-4-8'), inputError(/^query: malformed CAS number/));
  assert.throws(() => c.classify('1C350', { limit: 0 }), inputError(/^limit:/));
  assert.throws(() => c.classify('1C350', { asOf: '14/10/2003' }), inputError(/^asOf: not a date/));
});

test('unicode, control characters and very long words do not break the search', async () => {
  const c = await catalog();
  assert.doesNotThrow(() => c.classify('caméra thermique'));
  assert.doesNotThrow(() => c.classify('كاميرا حرارية'));
  assert.doesNotThrow(() => c.classify(`thermal\u0000camera\u0007`));
  assert.doesNotThrow(() => c.classify('x'.repeat(900)));
});
