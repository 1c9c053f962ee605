// Name-to-name score: align query tokens with list tokens ("best pairs": strongest pairs first,
// each token used once), weight each pair by the list token's evidence (rarity, kind, surname),
// then penalise what stays unmatched: query tokens fully, list tokens partly (lists carry middle
// names and patronymics that a user rarely types). Generic words never make a match alone.
import type { TokenMatch } from '../model/screening.js';
import type { PreparedToken } from './prepared.js';
import { type MatchHow, type TokenSimilarity } from './token-similarity.js';

/** Share of the list name's weight left unmatched that is taken off the score. */
export const UNMATCHED_LIST_PENALTY = 0.3;
/** Ceiling for a pair of names that share only generic words, legal forms, titles or initials. */
export const GENERIC_ONLY_CAP = 0.5;
/** Similarity kept when a distinctive token meets a generic one. */
export const KIND_MISMATCH_FACTOR = 0.5;

export interface NameScore {
  score: number;
  /** One row per query token, in query order; unmatched list tokens follow with query ''. */
  tokens: TokenMatch[];
  notes: string[];
  adjustments: { reason: string; delta: number }[];
}

const DISTINCTIVE = new Set(['name', 'number']);
/** Words that say what kind of party it is, not which one. */
const WEAK = new Set(['generic', 'legal']);

interface Pair { i: number; j: number; sim: number; how: MatchHow; w: number }

/**
 * Score query tokens against list tokens. `simAt(i, j)` gives the similarity of query token i and
 * list token j (the index passes cached values; brute force computes them).
 */
export function scoreTokens(
  q: readonly PreparedToken[], qWeights: ArrayLike<number>,
  c: readonly PreparedToken[], cWeights: ArrayLike<number>,
  simAt: (i: number, j: number) => TokenSimilarity,
  explain = false,
): NameScore {
  const pairs: Pair[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const s = simAt(i, j);
      if (s.sim <= 0) continue;
      const qk = q[i]!.kind;
      const ck = c[j]!.kind;
      if (qk === 'initial' || ck === 'initial') {
        pairs.push({ i, j, sim: s.sim, how: s.how, w: Math.min(cWeights[j]!, qWeights[i]!) });
      } else if ((DISTINCTIVE.has(qk) && WEAK.has(ck)) || (WEAK.has(qk) && DISTINCTIVE.has(ck))) {
        // A name part of one side met a generic word or legal form of the other (Sá and S.A.):
        // weak evidence, weighed at the heavier side and half the similarity.
        pairs.push({ i, j, sim: s.sim * KIND_MISMATCH_FACTOR, how: s.how, w: Math.max(cWeights[j]!, qWeights[i]!) });
      } else {
        pairs.push({ i, j, sim: s.sim, how: s.how, w: cWeights[j]! });
      }
    }
  }
  pairs.sort((a, b) => b.sim - a.sim || b.w - a.w);
  const qPair = new Array<Pair | undefined>(q.length);
  const cUsed = new Array<boolean>(c.length).fill(false);
  let matched = 0;
  let matchedW = 0;
  let distinctive = false;
  for (const p of pairs) {
    if (qPair[p.i] || cUsed[p.j]) continue;
    qPair[p.i] = p;
    cUsed[p.j] = true;
    matched += p.w * p.sim;
    matchedW += p.w;
    if (DISTINCTIVE.has(q[p.i]!.kind) && DISTINCTIVE.has(c[p.j]!.kind)) distinctive = true;
  }
  let qUnmatched = 0;
  for (let i = 0; i < q.length; i++) if (!qPair[i]) qUnmatched += qWeights[i]!;
  let cUnmatched = 0;
  for (let j = 0; j < c.length; j++) if (!cUsed[j]) cUnmatched += cWeights[j]!;

  const denominator = matchedW + qUnmatched;
  const qScore = denominator > 0 ? matched / denominator : 0;
  const cCover = matchedW + cUnmatched > 0 ? matchedW / (matchedW + cUnmatched) : 0;
  const listPenalty = UNMATCHED_LIST_PENALTY * (1 - cCover);
  let score = qScore * (1 - listPenalty);
  const anyDistinctive = q.some((t) => DISTINCTIVE.has(t.kind)) || c.some((t) => DISTINCTIVE.has(t.kind));
  const genericOnly = !distinctive && anyDistinctive && score > GENERIC_ONLY_CAP;
  if (genericOnly) score = GENERIC_ONLY_CAP;
  score = Math.max(0, Math.min(1, score));

  if (!explain) return { score, tokens: [], notes: [], adjustments: [] };
  const tokens: TokenMatch[] = q.map((t, i) => {
    const p = qPair[i];
    return p
      ? { query: t.text, matched: c[p.j]!.text, how: p.how, score: round(p.sim), weight: round(p.w) }
      : { query: t.text, matched: null, how: 'unmatched', score: 0, weight: round(qWeights[i]!) };
  });
  const notes: string[] = [];
  const adjustments: { reason: string; delta: number }[] = [];
  const missing = c.filter((_, j) => !cUsed[j]).map((t) => t.text);
  if (missing.length) {
    const delta = -round(qScore * listPenalty);
    notes.push(`list name tokens not in the query: ${missing.join(' ')} (${delta})`);
    adjustments.push({ reason: 'unmatched list tokens', delta });
  }
  const unmatchedQuery = q.filter((_, i) => !qPair[i]).map((t) => t.text);
  if (unmatchedQuery.length) notes.push(`query tokens with no counterpart: ${unmatchedQuery.join(' ')}`);
  if (genericOnly) {
    notes.push(`only generic words, legal forms, titles or initials agree: capped at ${GENERIC_ONLY_CAP}`);
    adjustments.push({ reason: 'generic words only', delta: 0 });
  }
  return { score, tokens, notes, adjustments };
}

export const round = (x: number): number => Math.round(x * 1000) / 1000;
