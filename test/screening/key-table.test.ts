// The key table finds every id stored under a key, through its directory on the hash's top bits,
// at any size (empty, a handful, more keys than directory slots) and with colliding hash runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hashKey, KeyTableBuilder } from '../../src/screening/key-table.js';

const lookup = (table: ReturnType<KeyTableBuilder['build']>, key: string): number[] => {
  const out: number[] = [];
  table.forEach(key, (id) => out.push(id));
  return out.sort((a, b) => a - b);
};

test('every stored id is found under its key, and an absent key finds nothing of its own', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat(50)), { maxLength: 300 }), fc.string({ maxLength: 6 }), (pairs, probe) => {
    const b = new KeyTableBuilder();
    const want = new Map<string, Set<number>>();
    for (const [k, id] of pairs) { b.add(k, id); (want.get(k) ?? want.set(k, new Set()).get(k)!).add(id); }
    const table = b.build();
    for (const [k, ids] of want) {
      const got = lookup(table, k);
      for (const id of ids) assert.ok(got.includes(id), `${JSON.stringify(k)} -> ${id}`);
      // Only ids of keys with the same hash come along.
      for (const id of got) assert.ok([...want].some(([k2, s]) => s.has(id) && hashKey(k2) === hashKey(k)));
    }
    if (!want.has(probe)) for (const id of lookup(table, probe)) assert.ok([...want].some(([k2, s]) => s.has(id) && hashKey(k2) === hashKey(probe)));
  }), { numRuns: 300, seed: 5 });
});

test('a table larger than the directory finds every key (runs of several hashes per slot)', () => {
  const b = new KeyTableBuilder();
  const n = 1_500_000;
  for (let i = 0; i < n; i++) b.add(`k${i}`, i);
  const table = b.build();
  for (let i = 0; i < n; i += 997) assert.deepEqual(lookup(table, `k${i}`).filter((id) => id === i), [i], `k${i}`);
  assert.deepEqual(lookup(table, 'not stored').filter((id) => hashKey(`k${id}`) !== hashKey('not stored')), []);
  assert.deepEqual(lookup(new KeyTableBuilder().build(), 'x'), []);
});
