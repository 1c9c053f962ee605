// crossScriptCost's `limit` only lets the DP stop early: whether the cost is within the limit, and
// the cost when it is, must be what the full table gives. Strings over the symbols both skeletons
// use, with the digraph-two case (S/T/K/G/D then an h) and the free markers well represented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { arabicVocalic, crossScriptCost, latinVocalic } from '../../src/matching/skeleton.js';

const arabicSymbols = fc.constantFrom('b', 'k', 'd', 't', 'f', 'h', 'l', 'm', 'n', 'r', 's', 'A', 'W', 'Y', 'E', 'I', 'M', 'O', 'L');
const latinSymbols = fc.constantFrom('b', 'k', 'd', 't', 'f', 'h', 'l', 'm', 'n', 'r', 's', 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'v', 'S', 'T', 'K', 'G', 'D', 'C', 'X');
const word = (symbols: fc.Arbitrary<string>) => fc.array(symbols, { minLength: 0, maxLength: 9 }).map((xs) => xs.join(''));

test('crossScriptCost with a limit agrees with the full table', () => {
  fc.assert(fc.property(word(arabicSymbols), word(latinSymbols), fc.constantFrom(0, 0.5, 1, 2), (a, l, limit) => {
    const full = crossScriptCost(a, l);
    const cut = crossScriptCost(a, l, limit);
    assert.equal(cut <= limit, full <= limit, `${a} / ${l} within ${limit}: full ${full}, cut ${cut}`);
    if (full <= limit) assert.equal(cut, full);
  }), { numRuns: 20_000, seed: 21 });
});

test('real pairs keep their cost under a limit (ISHAQ reads اسحاق by the digraph rule)', () => {
  for (const [arabic, latin, cost] of [['اسحاق', 'ishaq', 0], ['القذافي', 'qadhafi', 0], ['كاظم', 'kathim', 0], ['محمد', 'mehdi', 1], ['حسين', 'hassan', 1], ['احمدی', 'hamid', 1]] as const) {
    const a = arabicVocalic(arabic.replace(/^ال/, ''));
    const l = latinVocalic(latin);
    assert.equal(crossScriptCost(a, l), cost, `${arabic} / ${latin}`);
    for (const limit of [0, 0.5]) assert.equal(crossScriptCost(a, l, limit) <= limit, cost <= limit, `${arabic} / ${latin} within ${limit}`);
  }
});

test('a cell drawing on two rows up keeps the DP going: Arabic k + h read as the one Latin kh', () => {
  // Row k alone costs 1 (kh reads as خ, not ك); the next row, k + h read apart, brings it back to 0.
  assert.equal(crossScriptCost('kh', 'K'), 0);
  assert.equal(crossScriptCost('kh', 'K', 0), 0);
  assert.equal(crossScriptCost('Akhmd', 'aKmed', 0), 0);
});
