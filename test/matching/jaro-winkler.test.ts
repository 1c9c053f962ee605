import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { bestPairsJaroWinkler, customJaroWinkler, jaroWinkler, lowerAndRemovePunctuation } from '../../src/matching/jaro-winkler.js';

const golden = parse(readFileSync(new URL('../fixtures/matching/bestpairs_jarowinkler_golden.csv', import.meta.url)), { columns: true }) as Record<string, string>[];

test('best-pairs Jaro-Winkler reproduces all 93 golden scores to ±0.01', () => {
  assert.equal(golden.length, 93);
  const off: string[] = [];
  for (const r of golden) {
    const indexed = r.indexed_needs_LowerAndRemovePunctuation === 'yes' ? lowerAndRemovePunctuation(r.indexed!) : r.indexed!;
    const search = r.search_needs_LowerAndRemovePunctuation === 'yes' ? lowerAndRemovePunctuation(r.search!) : r.search!;
    const got = bestPairsJaroWinkler(search.split(/\s+/).filter(Boolean), indexed.split(/\s+/).filter(Boolean));
    if (Math.abs(got - Number(r.expected_score)) > 0.01) off.push(`${r.indexed} | ${r.search}: ${got.toFixed(3)} != ${r.expected_score}`);
  }
  assert.deepEqual(off, []);
});

test('Jaro-Winkler basics', () => {
  assert.equal(jaroWinkler('martha', 'martha'), 1);
  assert.ok(Math.abs(jaroWinkler('martha', 'marhta') - 0.961) < 0.001);
  assert.equal(jaroWinkler('abc', 'xyz'), 0);
  // Different first sounds are penalised, same-class first letters (q/k/g) are not.
  assert.ok(customJaroWinkler('qadhafi', 'kadhafi') > customJaroWinkler('madhafi', 'kadhafi'));
});
