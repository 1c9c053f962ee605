// Issue 14: without an EU list, every EU and EU-member determination says EU-only listings were not
// screened; with one it does not. A UK list hit is a red flag when UK is not requested (test/policy/uk-jurisdiction.test.ts: it feeds UK).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePolicy } from '../../src/policy/evaluate.js';
import { EU_LIST_NOT_LOADED } from '../../src/policy/evaluate.js';
import { loadRuleSet } from '../../src/policy/index.js';
import type { ListVersion } from '../../src/model/index.js';
import { hit, transaction, unclassified } from './support.js';

const base: ListVersion[] = [{ id: 'un', version: 1, date: '2026-02-27' }, { id: 'us-csl', version: 2, date: '2026-07-31' }, { id: 'uk-ofsi', version: 3, date: '2025-04-14' }];

async function run(lists: ListVersion[], hits: ReturnType<typeof hit>[] = []) {
  const tx = transaction({ date: '2026-11-27', destination: 'RU', parties: [{ role: 'end-user', name: 'Roman Abramovich', country: 'RU', type: 'person' }], items: [{ description: 'office chairs', quantity: 4 }] });
  return evaluatePolicy(tx, {
    asOf: '2026-11-27', rules: await loadRuleSet(), items: [unclassified(0, 'office chairs')],
    screening: [{ role: 'end-user', name: 'Roman Abramovich', country: 'RU', hits }], lists, controlsVersion: 'test',
  });
}

test('no EU list loaded: EU and IT determinations name it in notModelled; UN and US do not', async () => {
  const a = await run(base);
  for (const j of ['EU', 'IT']) {
    const d = a.determinations.find((x) => x.jurisdiction === j)!;
    assert.ok(d.notModelled.includes(EU_LIST_NOT_LOADED), `${j}: ${JSON.stringify(d.notModelled)}`);
  }
  for (const j of ['UN', 'US']) assert.ok(!a.determinations.find((x) => x.jurisdiction === j)!.notModelled.includes(EU_LIST_NOT_LOADED), j);
  assert.match(EU_LIST_NOT_LOADED, /EU-only listings/);
});

test('an EU list among the list versions: the line goes away', async () => {
  const a = await run([...base, { id: 'eu', version: 4, date: '2026-11-20' }]);
  for (const d of a.determinations) assert.ok(!d.notModelled.includes(EU_LIST_NOT_LOADED), d.jurisdiction);
});

test('a hit on the UK list is a red flag naming the regime', async () => {
  const a = await run(base, [hit({ list: 'UK Consolidated List', source: 'uk-ofsi', entityId: 'uk-ofsi:14212', name: 'Roman ABRAMOVICH', programs: ['Russia'], type: 'person' })]);
  const f = a.redFlags.find((x) => x.code === 'uk-listed-party');
  assert.ok(f, JSON.stringify(a.redFlags));
  assert.match(f.message, /UK Consolidated List.*Russia/);
  const none = await run(base);
  assert.ok(!none.redFlags.some((x) => x.code === 'uk-listed-party'));
});
