// Classification benchmark: catalogue load time, accuracy on the labelled descriptions, and p50
// latency for text, code and CAS queries, each as the median of several runs, with a naive
// keyword-overlap scan in the same process as the baseline.
//   npx tsx bench/classify.ts [--runs 5]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadControlCatalog, type ControlCatalog } from '../src/controls/catalog.js';
import { readControlsCsv } from '../src/controls/data-files.js';
import { packageRoot } from '../src/app/paths.js';

interface Labelled { q: string; expect: string[]; cat: string }

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const root = packageRoot();
const fixture = (name: string): Labelled[] =>
  (JSON.parse(readFileSync(join(root, 'test/fixtures/classify', name), 'utf8')) as { items: Labelled[] }).items;
const labelled = fixture('labelled.json');
const holdout = fixture('holdout.json');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const now = (): number => performance.now();

/** p50 latency (ms) of running `fn` over every input once. */
function p50(inputs: string[], fn: (q: string) => unknown): number {
  const times: number[] = [];
  for (const q of inputs) {
    const t = now();
    fn(q);
    times.push(now() - t);
  }
  return median(times);
}

// ---- baseline: keyword overlap over headings and paragraph text, no index, no synonyms ---------
function baseline(catalog: ControlCatalog, codes: string[]): { text: (q: string) => string[]; code: (q: string) => unknown } {
  const docs = codes.map((code) => {
    const e = catalog.entry(code)!;
    return { code, text: [e.title, ...(e.paragraphs ?? []).map((p) => p.text)].join(' ').toLowerCase() };
  });
  const entries = codes.map((c) => catalog.entry(c)!);
  return {
    text: (q) => {
      const ws = q.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
      return docs
        .map((d) => ({ code: d.code, s: ws.reduce((n, w) => n + (d.text.includes(w) ? 1 : 0), 0) }))
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s)
        .slice(0, 10)
        .map((x) => x.code);
    },
    code: (q) => entries.find((e) => e.code === q.split('.')[0]),
  };
}

function accuracy(rank: (q: string) => string[], set: Labelled[] = labelled): { top1: number; top3: number; misses: string[] } {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const item of set) {
    const got = rank(item.q);
    if (got[0] && item.expect.includes(got[0])) top1++;
    if (got.slice(0, 3).some((c) => item.expect.includes(c))) top3++;
    else misses.push(`${item.q} → ${got.slice(0, 3).join(', ') || '(none)'} (want ${item.expect.join('|')})`);
  }
  return { top1: top1 / set.length, top3: top3 / set.length, misses };
}

// ---- load time ---------------------------------------------------------------------------------
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const loadTimes: number[] = [];
const loadCpu: number[] = [];
const indexTimes: number[] = [];
let catalog!: ControlCatalog;
for (let i = 0; i < runs; i++) {
  catalog?.close();
  let t = now();
  const c = cpuMs();
  catalog = await loadControlCatalog();
  loadTimes.push(now() - t);
  loadCpu.push(cpuMs() - c);
  t = now();
  catalog.classify('warm up the text index');
  indexTimes.push(now() - t);
}

const codes = [...new Set(readControlsJsonCodes())];
const codeQueries = codes.flatMap((c) => [c, ...(catalog.entry(c)!.paragraphs ?? []).slice(0, 3).map((p) => p.ref)]);
const casQueries = ['chemicals/ag_precursors_1C350.csv', 'chemicals/cwc_not_ag_1C355.csv', 'chemicals/cwc_schedules.csv']
  .flatMap((f) => readControlsCsv(f).map((r) => r.cas).filter((c): c is string => !!c));
const textQueries = labelled.map((l) => l.q);
const base = baseline(catalog, codes);

const ours = accuracy((q) => catalog.classify(q, { limit: 3 }).results.map((r) => r.code));
const naive = accuracy((q) => base.text(q));
const oursHeld = accuracy((q) => catalog.classify(q, { limit: 3 }).results.map((r) => r.code), holdout);
const naiveHeld = accuracy((q) => base.text(q), holdout);

const row = (name: string, oursRuns: number[], baseRuns: number[], target: string) => {
  const o = median(oursRuns);
  const b = median(baseRuns);
  return { measure: name, vigil_ms: o.toFixed(3), baseline_ms: b.toFixed(3), ratio: (o / b).toFixed(2), target };
};
const timing = (inputs: string[], fn: (q: string) => unknown) => Array.from({ length: runs }, () => p50(inputs, fn));

console.log(`classification benchmark — ${runs} runs, medians; baseline = naive keyword-overlap scan (no index, no synonyms)`);
console.log(`machine load average (1 min) at start: ${loadavg()[0]!.toFixed(1)} on this machine's cores; first load includes JIT warm-up: ${loadTimes[0]!.toFixed(1)} ms\n`);
console.table([
  { measure: 'catalogue load (wall)', vigil_ms: median(loadTimes).toFixed(1), baseline_ms: '', ratio: '', target: '< 150 ms' },
  { measure: 'catalogue load (process CPU)', vigil_ms: median(loadCpu).toFixed(1), baseline_ms: '', ratio: '', target: '' },
  { measure: 'text index build (first text query)', vigil_ms: median(indexTimes).toFixed(1), baseline_ms: '', ratio: '', target: '' },
  row(`text p50 (${textQueries.length} descriptions)`, timing(textQueries, (q) => catalog.classify(q)), timing(textQueries, base.text), '< 5 ms'),
  row(`code p50 (${codeQueries.length} codes/paragraphs)`, timing(codeQueries, (q) => catalog.classify(q)), timing(codeQueries, base.code), '< 1 ms'),
  row(`CAS p50 (${casQueries.length} CAS numbers)`, timing(casQueries, (q) => catalog.classify(q)), timing(casQueries, base.code), '< 1 ms'),
]);
console.table([
  { set: 'labelled (synonyms tuned on it)', method: 'vigil (FTS5 BM25 + synonyms)', items: labelled.length, top1: pct(ours.top1), top3: pct(ours.top3), target: 'top-3 >= 85%' },
  { set: 'labelled (synonyms tuned on it)', method: 'baseline keyword overlap', items: labelled.length, top1: pct(naive.top1), top3: pct(naive.top3), target: '' },
  { set: 'holdout (never tuned on)', method: 'vigil (FTS5 BM25 + synonyms)', items: holdout.length, top1: pct(oursHeld.top1), top3: pct(oursHeld.top3), target: 'top-3 >= 85%' },
  { set: 'holdout (never tuned on)', method: 'baseline keyword overlap', items: holdout.length, top1: pct(naiveHeld.top1), top3: pct(naiveHeld.top3), target: '' },
]);
if (process.argv.includes('--misses')) for (const m of [...ours.misses, ...oursHeld.misses]) console.log(`  miss: ${m}`);
catalog.close();

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function readControlsJsonCodes(): string[] {
  const ccl = JSON.parse(readFileSync(join(root, 'data/controls/us-ear/ccl.json'), 'utf8')) as { entries: { eccn: string }[] };
  return ccl.entries.map((e) => e.eccn);
}
