// The score bound that screening prunes candidates with (score-bound.ts) must never fall below a
// real score: checked at threshold = the pair's own score, where a bound too tight by any margin
// fails on pairs it meets exactly (every token paired, nothing left over in the list name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { prepareName, type PreparedToken } from '../../src/matching/prepared.js';
import { scoreTokens } from '../../src/matching/scorer.js';
import { tokenSimilarity } from '../../src/matching/token-similarity.js';
import { tokenWeight, withSurname } from '../../src/matching/compare.js';
import { UNIFORM_STATS } from '../../src/matching/weights.js';
import { nameBound } from '../../src/matching/score-bound.js';

const fixture = (f: string) => parse(readFileSync(new URL(`../fixtures/matching/${f}`, import.meta.url)), { columns: true }) as Record<string, string>[];
const DISTINCTIVE = new Set(['name', 'number']);

test('the bound holds every real score: person, organisation and cross-script pairs, generic words left to scoring', () => {
  // Every third cross-script pair: the check is queries × names, and the whole sample made it the suite's slowest test (85 s).
  const pairs = fixture('un_cross_script_pairs_sample.csv').filter((_, i) => i % 3 === 0);
  const listNames = [...pairs.flatMap((r) => [r.primary_name!, r.variant_name!]),
    'STAUT CO LTD', 'CLOSED JOINT STOCK COMPANY SCAN', 'SBERBANK INSURANCE COMPANY LTD', 'AL-ALI, Dr. Hamed Abdullah', 'Q.C. Chen',
    'OPEN JOINT STOCK COMPANY COMMERCIAL BANK RUSSIAN FINANCIAL ALLIANCE', 'SMART LOGISTICS F.S.S.A.L', 'BANK SINA', 'MIR BUSINESS BANK JSC',
    'S.A. PESCABRAVA', 'Thomas Sá', 'Colonel Haji Agha Jan ALIZAI', 'BIN LADEN, Usama', 'THE SHIPPING GROUP OF IRAN'].map((s) => s.replace(/\s+/g, ' ').trim());
  // Queries: the list names themselves and variants of them (a word dropped, words swapped), plus innocent names.
  const variants = listNames.flatMap((n) => { const w = n.split(' '); return [n, w.slice(1).join(' '), [...w].reverse().join(' '), w.slice(0, -1).join(' ')]; });
  const queries = [...variants, ...fixture('negatives_sample.csv').slice(0, 60).map((r) => r.full_name!)].filter((s) => s.trim());
  const lists = listNames.map((n) => withSurname(prepareName(n)));
  let checked = 0;
  let tight = 0;
  for (const query of queries) {
    const q = prepareName(query);
    if (!q.length) continue;
    const qw = q.map((t) => tokenWeight(t, UNIFORM_STATS, false));
    const anyDistinctive = q.some((t) => DISTINCTIVE.has(t.kind));
    // As screening does: non-distinctive tokens lazy when the query has a distinctive one; and none lazy.
    for (const lazy of [q.map((t) => anyDistinctive && !DISTINCTIVE.has(t.kind)), q.map(() => false)]) {
      for (const c of lists) {
        const cw = c.map((t: PreparedToken) => tokenWeight(t, UNIFORM_STATS, true));
        const sim = (i: number, j: number) => tokenSimilarity(q[i]!, c[j]!);
        const score = scoreTokens(q, qw, c, cw, sim).score;
        if (score <= 0) continue;
        checked++;
        assert.ok(nameBound(q, qw, lazy, score)(c, cw, sim), `${query} vs ${c.map((t) => t.text).join(' ')}: ${score}`);
        if (!nameBound(q, qw, lazy, score + 0.01)(c, cw, sim)) tight++;
      }
    }
  }
  assert.ok(checked > 2000, `pairs checked: ${checked}`);
  // Pruning is worth something only if the bound is close for some names: it excludes them a hair above their score.
  assert.ok(tight > 100, `pairs the bound meets within 0.01: ${tight}`);
});
