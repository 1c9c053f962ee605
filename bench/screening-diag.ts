// Diagnostics for matching work: every false hit / miss at the default threshold, one line each.
//   npx tsx bench/screening-diag.ts [global|us|putin|cross|variants]...
import { readFileSync } from 'node:fs';
import { bundledEntries, evalPath, readCsv } from './screening-data.js';
import { generateVariants } from './screening-variants.js';
import { DEFAULT_THRESHOLD, ScreeningIndex, compareNames } from '../src/screening/index.js';
import type { ScreenQuery } from '../src/model/index.js';

const what = process.argv.slice(2);
const T = DEFAULT_THRESHOLD;
const { entries, snapshots } = await bundledEntries();
const index = ScreeningIndex.build(entries, snapshots);
const top = (q: ScreenQuery) => index.screen({ ...q, threshold: T, limit: 1 }).hits[0];
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
if (what.includes('global')) {
  let n = 0;
  for (const r of readCsv(evalPath('screening', 'negatives_global_public.csv'))) {
    const year = Number((r.date_of_birth ?? '').slice(0, 4));
    const h = top({ name: r.full_name!, birthYear: year > 1800 ? year : undefined });
    if (h) { n++; console.log(`G ${h.score.toFixed(3)} ${h.explanation.nameScore.toFixed(3)} ${r.full_name} (${year}) -> ${h.matchedName} [${h.entityId}]`); }
  }
  console.log('global false hits', n);
}
if (what.includes('us')) {
  let n = 0;
  for (const name of readCsv(evalPath('screening', 'negatives_us.csv')).map((r) => r.full_name!)) {
    const h = top({ name });
    if (h) { n++; console.log(`U ${h.score.toFixed(3)} ${name} -> ${h.matchedName}`); }
  }
  console.log('us false hits', n);
}
if (what.includes('putin')) {
  const putin = readFileSync(evalPath('pairs', 'putin_name_variants.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  let n = 0;
  for (const v of putin) { const s = compareNames(v, 'Vladimir Vladimirovich Putin', 'person').score; if (s >= T) n++; else console.log(`P ${s.toFixed(3)} ${v}`); }
  console.log('putin found', n, 'of', putin.length);
}
if (what.includes('cross')) {
  const cs = readCsv(evalPath('pairs', 'un_cross_script_and_alias_pairs_2026-02-27.csv')).filter((r) => r.variant_kind === 'original_script');
  let n = 0;
  for (const r of cs) {
    const s = compareNames(oneLine(r.variant_name!), oneLine(r.primary_name!), r.kind === 'individual' ? 'person' : 'organization').score;
    if (s >= T) n++; else console.log(`C ${s.toFixed(3)} ${r.kind} ${oneLine(r.variant_name!)} | ${oneLine(r.primary_name!)}`);
  }
  console.log('cross found', n, 'of', cs.length);
}
if (what.includes('variants')) {
  const variants = generateVariants(entries, 1000);
  let n = 0;
  for (const v of variants) {
    const s = index.screen({ name: v.query, threshold: 0.5, limit: 200 }).hits.find((h) => h.entityId === v.entityId)?.score ?? 0;
    if (s >= T) n++; else console.log(`V ${s.toFixed(3)} [${v.kind}] ${v.query} (listed: ${v.original})`);
  }
  console.log('variants found', n, 'of', variants.length);
}
