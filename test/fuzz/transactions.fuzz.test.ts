// Fuzzing `assess`: transactions generated to the schema (src/policy/transaction-schema.ts), then
// mutated (a field dropped, a value replaced by any JSON). Each is refused with a VigilInputError
// naming the path, or assessed: every outcome on the scale, every rule that fired in the rule set,
// and a document that parses again as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Vigil } from '../../src/app/vigil.js';
import { END_USE_CATEGORIES } from '../../src/model/index.js';
import { OUTCOMES } from '../../src/model/determination.js';
import { VigilInputError } from '../../src/model/errors.js';
import { loadRuleSet, parseTransaction } from '../../src/policy/index.js';
import { seededDb } from '../api/seeded-db.js';
import { fuzzParams } from './support.js';

const country = fc.constantFrom('IT', 'LY', 'US', 'DE', 'FR', 'IR', 'KP', 'RU', 'SY', 'CN', 'GB', 'IQ', 'CU');
const day = fc.date({ min: new Date('1958-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const code = fc.constantFrom('6A003.b.4', '1C350', '1C350.b.22', '2B350.g', 'ML5', '9A012.a.1', '6A003.z.77', '5A002', '3A001.a.1', '0A501', '1C351.a.1');
const item = fc.record({
  description: fc.constantFrom('thermal camera', 'thiodiglycol', 'patrol boat', 'radar', 'centrifuge parts', 'laptop'),
  code: fc.option(code, { nil: undefined }),
  cas: fc.option(fc.constantFrom('111-48-8', '7664-39-3', '50-00-0'), { nil: undefined }),
  quantity: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
  value: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  currency: fc.option(fc.constantFrom('EUR', 'USD'), { nil: undefined }),
  usOrigin: fc.option(fc.boolean(), { nil: undefined }),
  usContent: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
}, { requiredKeys: ['description'] });
const party = fc.record({
  role: fc.constantFrom('end-user', 'consignee', 'intermediary'),
  name: fc.constantFrom('General People\'s Committee for Public Security', 'Hannibal Muammar Qadhafi', 'Acme Trading LLC', 'Korea Mining Development Trading Corporation'),
  country: fc.option(country, { nil: undefined }),
  type: fc.option(fc.constantFrom('person', 'organization', 'unknown'), { nil: undefined }),
}, { requiredKeys: ['role', 'name'] });
const transaction = fc.record({
  date: day,
  exporter: fc.record({ name: fc.constant('Example S.p.A.'), country, usPerson: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['name', 'country'] }),
  destination: country,
  parties: fc.array(party, { maxLength: 3 }),
  items: fc.array(item, { minLength: 1, maxLength: 3 }),
  endUse: fc.record({ statement: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), categories: fc.uniqueArray(fc.constantFrom(...END_USE_CATEGORIES), { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['categories'] }),
  jurisdictions: fc.option(fc.subarray(['UN', 'EU', 'IT', 'US'], { minLength: 1 }), { nil: undefined }),
}, { requiredKeys: ['date', 'exporter', 'destination', 'parties', 'items', 'endUse'] });

/** Paths to every value in a JSON document. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [prefix, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function mutate(doc: unknown, pick: number, how: 'delete' | 'replace', value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[pick % all.length]!;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1); else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

test('assess: generated and mutated transactions are refused naming the path, or assessed on the scale with known rules', async (t) => {
  const v = await Vigil.open({ db: await seededDb(t), bundled: false });
  t.after(() => v.close());
  const rules = await loadRuleSet();
  const jurisdictions = rules.jurisdictionIds();
  const doc = fc.oneof(
    { weight: 1, arbitrary: transaction },
    { weight: 3, arbitrary: fc.tuple(transaction, fc.nat(), fc.constantFrom('delete' as const, 'replace' as const), fc.jsonValue({ maxDepth: 2 })).map(([tx, pick, how, value]) => mutate(tx, pick, how, value)) },
  );
  let assessed = 0;
  let refused = 0;
  await fc.assert(fc.asyncProperty(doc, async (raw) => {
    let tx;
    try {
      tx = parseTransaction(raw, { jurisdictions, where: 'fuzz.json' });
    } catch (err) {
      if (!(err instanceof VigilInputError)) throw err;
      refused++;
      assert.match(err.message, /^fuzz\.json /, 'the error names the document and the path');
      assert.ok(err.where && err.where.length > 'fuzz.json'.length, `a path: ${err.where}`);
      return;
    }
    let a;
    try {
      a = await v.assess(tx, undefined, { audit: false });
    } catch (err) {
      // The schema accepts it, the catalogue may still refuse a malformed code or CAS number.
      if (!(err instanceof VigilInputError)) throw err;
      refused++;
      return;
    }
    assessed++;
    assert.ok(a.determinations.length > 0);
    for (const d of a.determinations) {
      assert.ok((OUTCOMES as readonly string[]).includes(d.outcome), `${d.jurisdiction}: outcome ${d.outcome}`);
      for (const r of d.reasons) {
        assert.ok(rules.rule(r.ruleId), `${d.jurisdiction}: rule ${r.ruleId} is not in the rule set`);
        assert.ok((OUTCOMES as readonly string[]).includes(r.effect) || typeof r.effect === 'string');
      }
    }
    if (tx.parties.length === 0) assert.ok(a.caveats.some((c) => /No party was screened/.test(c)));
  }), fuzzParams(150));
  assert.ok(assessed > 10 && refused > 10, `assessed ${assessed}, refused ${refused}`);
});
