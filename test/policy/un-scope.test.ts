// UN measures whose scope is narrower than a whole destination or a whole Military List category, at
// the edge the instrument draws: designated persons (screening hits), a territory or point of entry
// the exporter claims as an exemption, lethal materiel, WMD end use. Each case is asserted from the
// instrument's words as quoted in the regime file's provenance, not from the data file under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScreeningHit, Transaction } from '../../src/model/index.js';
import { evaluatePolicy } from '../../src/policy/index.js';
import { classifyMilitaryListItem } from '../../src/policy/military-list.js';
import { assessClassified, hit, rules, transaction } from './support.js';

const ML = (code: string, description: string) => ({ description, code, quantity: 1, usOrigin: false });

function tx(destination: string, date: string, over: Partial<Transaction> = {}): Transaction {
  return transaction({
    date, destination, jurisdictions: ['UN'],
    parties: [{ role: 'end-user', name: 'Example Security Company', country: destination, type: 'organization', sector: 'private' }],
    items: [ML('ML1.a', 'assault rifles')],
    endUse: { statement: 'guarding', categories: ['paramilitary'] },
    ...over,
  });
}

const unHit = (program: string): ScreeningHit => hit({ list: 'UN List', source: 'un', entityId: 'un:1', programs: [program] });

async function reasonsFor(t: Transaction, measure: string) {
  const a = await assessClassified(t);
  return a.determinations.find((d) => d.jurisdiction === 'UN')!.reasons.filter((r) => r.ruleId === measure);
}

for (const [dest, date, measure, program] of [
  ['HT', '2024-03-01', 'UN-HT-2653-targeted-arms', 'Haiti'],
  ['YE', '2022-03-01', 'UN-YE-2216-arms', 'Yemen'],
] as const) {
  test(`${measure}: a targeted embargo reaches a party designated under the regime, not an undesignated company`, async () => {
    const t = tx(dest, date);
    assert.equal((await reasonsFor(t, measure)).length, 0, 'an undesignated private company is outside');
    const items = t.items.map((it, i) => classifyMilitaryListItem(it, i)!);
    // The same transaction with the end user screened as a match on the UN list.
    const withHit = async (h: ScreeningHit) => {
      const a = evaluatePolicy(t, {
        asOf: date, rules: await rules(), items, screening: [{ role: 'end-user', name: t.parties[0]!.name, hits: [h] }],
        lists: [{ id: 'un', version: 1, date: '2026-02-27' }], controlsVersion: 'test',
      });
      return a.determinations[0]!.reasons.filter((r) => r.ruleId === measure);
    };
    const listed = await withHit(unHit(program));
    assert.equal(listed.length, 1, 'a party listed under the regime is inside');
    assert.equal(listed[0]!.effect, 'prohibited');
    assert.equal((await withHit(unHit('Libya'))).length, 0, 'a listing under another regime is not this embargo');
  });
}

test('UN-AF-1333-arms: outside Taliban-held territory only when the exporter claims it, and the claim keeps its requirement', async () => {
  const t = tx('AF', '2001-06-01', { parties: [{ role: 'end-user', name: 'United Front forces', country: 'AF', type: 'organization', sector: 'non-governmental-force' }] });
  const plain = await reasonsFor(t, 'UN-AF-1333-arms');
  assert.deepEqual(plain.map((r) => r.effect), ['prohibited'], 'without the claim the measure reads all of Afghanistan');
  const claimed = await assessClassified({ ...t, exemptions: ['UN-AF-1333-outside-Taliban-territory'] });
  const un = claimed.determinations[0]!;
  assert.equal(un.outcome, 'no-licence-required');
  assert.ok(un.requirements.some((r) => r.id === 'un-territory-of-use'));
});

test('UN-AO-864: a named point of entry is claimed for a private buyer; the Government stays outside the measures', async () => {
  const diesel = { description: 'diesel fuel', quantity: 1, usOrigin: false };
  const t = tx('AO', '1995-06-01', { items: [diesel], endUse: { statement: 'resale', categories: ['civil'] } });
  assert.deepEqual((await reasonsFor(t, 'UN-AO-864-petroleum')).map((r) => r.effect), ['prohibited']);
  const claimed = (await assessClassified({ ...t, exemptions: ['UN-AO-864-named-point-of-entry'] })).determinations[0]!;
  assert.equal(claimed.outcome, 'no-licence-required');
  assert.ok(claimed.requirements.some((r) => r.id === 'un-named-point-of-entry'));
});

test('UN-CF after UNSCR 2745: armed groups prohibited, a private company gets a diligence requirement, not a prohibition', async () => {
  const armed = tx('CF', '2025-01-15', { parties: [{ role: 'end-user', name: 'armed group', country: 'CF', type: 'organization', sector: 'non-governmental-force' }] });
  assert.equal((await assessClassified(armed)).determinations[0]!.outcome, 'prohibited');
  const priv = (await assessClassified(tx('CF', '2025-01-15'))).determinations[0]!;
  assert.equal(priv.outcome, 'no-licence-required');
  assert.ok(priv.requirements.some((r) => r.id === 'un-not-armed-group-associate'));
  // The day before 2745 the territorial embargo of 2127 still reached the same company.
  assert.equal((await assessClassified(tx('CF', '2024-07-29'))).determinations[0]!.outcome, 'prohibited');
});

test('Register-category measures: ammunition with no stated calibre is taken as heavy-weapon ammunition, and the determination says so', async () => {
  const t = tx('KP', '2008-06-01', { items: [ML('ML3.a', 'ammunition, assorted')], parties: [{ role: 'end-user', name: 'KPA', country: 'KP', type: 'organization', sector: 'military' }] });
  const r = await reasonsFor(t, 'UN-KP-1718-arms-register');
  assert.equal(r.length, 1);
  assert.match(r[0]!.summary, /states no calibre/);
  const rifle = await reasonsFor({ ...t, items: [ML('ML3.a', '5.56x45 mm cartridges')] }, 'UN-KP-1718-arms-register');
  assert.equal(rifle.length, 0);
});
