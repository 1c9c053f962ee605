// Assessment latency: a 20-item, 5-party transaction under UN, EU, IT and US rules, with the real
// catalogue, the screening index over the bundled lists and the shipped rules. Target: p50 < 50 ms.
// Prints a table: median (p50), p95 and the ratio to a 1-item, 1-party baseline run in this process.
// Usage: npx tsx bench/assess.ts [--db FILE] [--runs N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vigil } from '../src/app/vigil.js';
import type { Item, Party, Transaction } from '../src/model/index.js';
import { assessTransaction, evaluatePolicy, readRuleBundle, RuleSet } from '../src/policy/index.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('--runs') ?? 200);
const tmp = arg('--db') ? undefined : mkdtempSync(join(tmpdir(), 'vigil-bench-assess-'));
const db = arg('--db') ?? join(tmp!, 'vigil.db');

const CODES = ['6A003.b.4', '6A003.b.3', '2B350.c', '3A001.a.1', '5A002.a', '9A515.a', '1C010.a', '2B001.a', '6A008.d', '4A003.b', '3A225', '2A226'];
const CAS = ['111-48-8', '7664-39-3', '76-06-2', '10025-87-3'];
const DESCRIPTIONS = ['stainless steel gate valves, 2 inch', 'marine radar for patrol boats', 'night vision goggles', 'portable electric generator'];

const items: Item[] = [
  ...CODES.map((code) => ({ description: `item ${code}`, code, quantity: 4, value: 10000, currency: 'EUR' })),
  ...CAS.map((cas) => ({ description: `chemical ${cas}`, cas, quantity: 100, unit: 'kg' })),
  ...DESCRIPTIONS.map((description) => ({ description, quantity: 10 })),
];
const parties: Party[] = [
  { role: 'end-user', name: "General People's Committee for Public Security", country: 'LY', type: 'organization' },
  { role: 'consignee', name: 'Tripoli Port Logistics Company', country: 'LY', type: 'organization' },
  { role: 'intermediate-consignee', name: 'Gulf Star Forwarding FZE', country: 'AE', type: 'organization' },
  { role: 'purchaser', name: 'Aisha Muammar Gaddafi', country: 'LY', type: 'person' },
  { role: 'agent', name: 'Mario Rossi', country: 'IT', type: 'person' },
];
const big: Transaction = {
  date: '2003-10-14', exporter: { name: 'Officine Esempio S.p.A.', country: 'IT' }, destination: 'LY', parties, items,
  endUse: { statement: 'border surveillance to counter illegal migration', categories: ['border-security', 'police'] },
  jurisdictions: ['UN', 'EU', 'IT', 'US'],
};
const small: Transaction = { ...big, items: [items[0]!], parties: [parties[0]!] };

const v = await Vigil.open({ db });
try {
  const [index, catalog, rules] = await Promise.all([v.screening(), v.controls(), v.rules()]);
  const ctx = { asOf: big.date, index, catalog, rules };

  const time = (fn: () => void): number[] => {
    for (let i = 0; i < 20; i++) fn(); // warm-up: JIT, the catalogue's lazy text index
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn();
      out.push(performance.now() - t);
    }
    return out.sort((a, b) => a - b);
  };
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

  const baseline = time(() => assessTransaction(small, ctx));
  const full = time(() => assessTransaction(big, ctx));
  // The policy step alone (classification and screening done once, outside the timing).
  const done = assessTransaction(big, ctx);
  const policyOnly = time(() => evaluatePolicy(big, {
    asOf: big.date, rules, items: done.items, screening: done.screening, lists: index.versions, controlsVersion: catalog.version,
  }));

  // The same transaction under a Libya-only rule set (every regime file but the Libya ones left out):
  // what the whole world's regimes cost the evaluator.
  const bundle = readRuleBundle();
  const libyaOnly = RuleSet.fromBundle({ ...bundle, files: Object.fromEntries(Object.entries(bundle.files).filter(([p]) => !/\/regimes\//.test(p) || p.endsWith('/LY.json'))) });
  const classifyScreen = (rs: RuleSet) => () => assessTransaction(big, { ...ctx, rules: rs });
  const fullLibya = time(classifyScreen(libyaOnly));
  const policyLibya = time(() => evaluatePolicy(big, {
    asOf: big.date, rules: libyaOnly, items: done.items, screening: done.screening, lists: index.versions, controlsVersion: catalog.version,
  }));
  console.log(`regimes: ${rules.regimes.length} (world) vs ${libyaOnly.regimes.length} (Libya only); rules: ${rules.allRules().length} vs ${libyaOnly.allRules().length}`);

  const rows = [
    ['baseline: 1 item, 1 party', baseline],
    ['20 items, 5 parties (classify + screen + rules)', full],
    ['  same, Libya-only rule set', fullLibya],
    ['20 items, 5 parties (rules only)', policyOnly],
    ['  same, Libya-only rule set', policyLibya],
  ] as const;
  const base = q(baseline, 0.5);
  console.log(`vigil assess benchmark: ${runs} runs each after 20 warm-up runs; 4 jurisdictions; target p50 < 50 ms`);
  console.log(`${'case'.padEnd(50)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'× baseline'.padStart(12)}`);
  for (const [name, xs] of rows) {
    console.log(`${name.padEnd(50)}${q(xs, 0.5).toFixed(2).padStart(10)}${q(xs, 0.95).toFixed(2).padStart(10)}${(q(xs, 0.5) / base).toFixed(1).padStart(12)}`);
  }
  const p50 = q(full, 0.5);
  console.log(p50 < 50 ? `PASS: p50 ${p50.toFixed(2)} ms < 50 ms` : `FAIL: p50 ${p50.toFixed(2)} ms ≥ 50 ms`);
  process.exitCode = p50 < 50 ? 0 : 1;
} finally {
  await v.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
