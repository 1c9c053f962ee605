// Every regime measure at its edges. The expected periods and effects are pinned in
// test/fixtures/regimes/<REGIME>.json as read from the instrument (not from data/rules): the day
// before and the day of every start, suspension and end; a transaction inside the measure's scope
// and one just outside it. A meta-test fails when a measure in data/rules has no case there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Transaction } from '../../src/model/index.js';
import { assessClassified as assess, dayBefore, rules } from './support.js';

interface MeasureCase {
  measure: string;
  /** [from, to] of each period as read from the instrument. */
  periods: [string, string | null][];
  suspensions?: [string, string | null][];
  effect: string;
  /** Overrides of the base transaction: inside the measure's scope … */
  inside: Partial<Transaction>;
  /** … and just outside it (another item, another end user), on the same days. */
  outside?: Partial<Transaction>;
  note?: string;
}

interface RegimeFixture { regime: string; read: string[]; cases: MeasureCase[] }

const dir = join(import.meta.dirname, '../fixtures/regimes');
const fixtures: RegimeFixture[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RegimeFixture);

function baseTx(jurisdiction: string, destination: string, day: string, over: Partial<Transaction>): Transaction {
  const us = jurisdiction === 'US';
  return {
    date: day,
    exporter: us ? { name: 'Example Corp.', country: 'US' } : { name: 'Officine Esempio S.p.A.', country: 'IT' },
    destination,
    parties: [{ role: 'end-user', name: 'Example End User', country: destination, type: 'organization' }],
    items: [{ description: 'office desks and chairs', usOrigin: us }],
    endUse: { statement: 'office furnishing', categories: ['civil'] },
    jurisdictions: [jurisdiction],
    ...over,
  };
}

async function reasonsOn(j: string, dest: string, measure: string, day: string, over: Partial<Transaction>) {
  const a = await assess(baseTx(j, dest, day, over));
  return a.determinations[0]!.reasons.filter((r) => r.ruleId === measure);
}

for (const fx of fixtures) {
  for (const c of fx.cases) {
    test(`regime ${fx.regime}: ${c.measure}`, async () => {
      const rs = await rules();
      const rule = rs.rule(c.measure);
      assert.ok(rule?.measure, `${c.measure} is a measure of data/rules`);
      assert.equal(rule.measure.regimeId, fx.regime);
      const regime = rs.regimes.find((r) => r.id === fx.regime)!;
      const dest = regime.target.destinations[0]!;
      assert.deepEqual(rule.periods.map((p) => [p.from, p.to]), c.periods, `${c.measure}: periods differ from the instrument as read`);
      assert.deepEqual((rule.suspensions ?? []).map((s) => [s.from, s.to]), c.suspensions ?? [], `${c.measure}: suspensions differ`);
      assert.equal(rule.effect, c.effect, `${c.measure}: effect differs from the instrument as read`);
      const suspended = (day: string) => (c.suspensions ?? []).some(([f, t]) => f <= day && (t === null || day < t));
      const inForce = (day: string) => c.periods.some(([f, t]) => f <= day && (t === null || day < t));
      const expectOn = async (day: string) => {
        const got = await reasonsOn(rule.jurisdiction, dest, c.measure, day, c.inside);
        const label = `${c.measure} on ${day}`;
        if (!inForce(day)) return assert.equal(got.length, 0, `${label}: should not fire`);
        assert.ok(got.length > 0, `${label}: should fire for the transaction inside its scope`);
        for (const r of got) assert.equal(r.effect, suspended(day) ? 'info' : c.effect, label);
      };
      for (const [from, to] of c.periods) {
        await expectOn(dayBefore(from));
        await expectOn(from);
        if (to) { await expectOn(dayBefore(to)); await expectOn(to); }
        if (c.outside) {
          const got = await reasonsOn(rule.jurisdiction, dest, c.measure, from, c.outside);
          assert.equal(got.length, 0, `${c.measure} on ${from}: must not fire outside its scope`);
        }
      }
      for (const [from, to] of c.suspensions ?? []) {
        await expectOn(dayBefore(from));
        await expectOn(from);
        if (to) await expectOn(to);
      }
    });
  }
}

test('every regime measure in data/rules has a case in test/fixtures/regimes', async () => {
  const covered = new Set(fixtures.flatMap((f) => f.cases.map((c) => c.measure)));
  const measures = (await rules()).allRules().filter((r) => r.measure).map((r) => r.id);
  assert.deepEqual(measures.filter((id) => !covered.has(id)), []);
});
