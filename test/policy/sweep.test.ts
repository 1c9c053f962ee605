// The never-weaker sweep: every destination × {today, 2003-10-14} × {a military-list item, 3A001,
// 1C350, EAR99}. Where a jurisdiction has a regime measure in force for the destination that day
// whose scope plainly covers the item (read here from the measure's scope, not from the evaluator),
// its determination must be at least as restrictive as that measure's effect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTCOMES, type Item, type Transaction } from '../../src/model/index.js';
import { loadControlCatalog } from '../../src/controls/catalog.js';
import { evaluatePolicy } from '../../src/policy/index.js';
import { classifyDesignation } from '../../src/policy/designations.js';
import type { Measure } from '../../src/policy/regime-schema.js';
import { today } from '../../src/policy/dates.js';
import { rules } from './support.js';

const BASE: { item: Item; covered: (m: Measure) => boolean }[] = [
  { item: { description: 'assault rifles', code: 'ML1.a' }, covered: (m) => !!m.items.militaryList },
  { item: { description: 'field-programmable gate arrays', code: '3A001.a.7' }, covered: (m) => !!m.items.dualUse && !m.items.reasons },
  { item: { description: 'chemical precursor', code: '1C350' }, covered: (m) => !!m.items.dualUse && !m.items.reasons },
  { item: { description: 'office desks and chairs', code: 'EAR99' }, covered: (m) => !!m.items.ear99 },
];
const ITEMS = BASE.map((x) => ({ ...x, covered: (m: Measure) => x.covered(m) || (!!m.items.all && !m.items.except) || (!!m.items.all && !!m.items.except) }));

const rank = (o: string) => OUTCOMES.indexOf(o as (typeof OUTCOMES)[number]);

test('no determination is weaker than a measure in force for its destination (every destination, two days, four items)', async () => {
  const rs = await rules();
  const catalog = await loadControlCatalog();
  const countries = [...rs.geography.codes];
  const failures: string[] = [];
  let checked = 0;
  for (const day of [today(), '2003-10-14']) {
    for (const { item, covered } of ITEMS) {
      for (const usOrigin of [false, true]) {
        const it = { ...item, usOrigin };
        const cls = classifyDesignation(it, 0, rs) ?? catalog.classifyItem(it, 0, day);
        for (const dest of countries) {
          const regimes = rs.regimes.filter((r) => r.target.destinations.includes(dest));
          if (!regimes.length) continue;
          const tx: Transaction = {
            date: day, exporter: usOrigin ? { name: 'Example Corp.', country: 'US' } : { name: 'Officine Esempio S.p.A.', country: 'IT' },
            destination: dest, parties: [], items: [it], endUse: { statement: 'unknown', categories: ['unknown'] }, jurisdictions: [...rs.jurisdictionIds()],
          };
          const a = evaluatePolicy(tx, { asOf: day, rules: rs, items: [cls], screening: [], lists: [], controlsVersion: catalog.version });
          for (const d of a.determinations) {
            for (const r of rs.regimesFor(d.jurisdiction, dest)) {
              for (const m of r.measures) {
                if (m.effect === 'info' || m.endUsers !== 'any' || m.when || !covered(m)) continue;
                const on = m.periods.some((p) => p.from <= day && (p.to === null || day < p.to));
                const suspended = m.suspensions.some((s) => s.from <= day && (s.to === null || day < s.to));
                if (!on || suspended) continue;
                checked++;
                if (rank(d.outcome) > rank(m.effect)) failures.push(`${d.jurisdiction} ${dest} ${day} ${it.code}${usOrigin ? ' (US origin)' : ''}: ${d.outcome}, weaker than ${m.id} (${m.effect})`);
              }
            }
          }
        }
      }
    }
  }
  catalog.close();
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} weaker determinations of ${checked} checked`);
  assert.ok(checked > 0, 'the sweep checked at least one measure');
});
