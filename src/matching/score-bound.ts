// Upper bounds of a name score for candidate pruning (screening skips names that cannot reach the
// threshold). scoreTokens' score is at most qScore = Σ w·s / (Σ w + Σ unmatched query weights):
// the list penalty, the surname factor and the generic-only cap only lower it. So qScore ≥ t holds
// only if Σ over query tokens of a contribution is ≥ 0, where a paired token contributes w·(s − t)
// and an unpaired one −t·qw. Each query token's best possible contribution, from the pairing rules
// of scorer.ts (which weight a pair takes, and how far a kind mismatch lowers its similarity),
// bounds that sum one token at a time.
import type { PreparedToken } from './prepared.js';
import type { TokenKind } from './tokenize.js';
import { KIND_MISMATCH_FACTOR, pairSimFactor, pairWeight } from './scorer.js';
import { LIST_INITIAL_SIM, type TokenSimilarity } from './token-similarity.js';
import { KIND_WEIGHT, SURNAME_BOOST } from './weights.js';

/** The largest weight a list token can carry (a rare surname): see weights.ts. */
export const MAX_PAIR_WEIGHT = KIND_WEIGHT.name * SURNAME_BOOST;
/** The largest weight of a list token that is a generic word, legal form, particle or title (no rarity, no surname boost). */
const MAX_WEAK_WEIGHT = Math.max(KIND_WEIGHT.generic, KIND_WEIGHT.legal, KIND_WEIGHT.particle, KIND_WEIGHT.title);
/** Kinds that scorer.ts halves against a distinctive token (its WEAK set). */
const WEAK: ReadonlySet<TokenKind> = new Set(['generic', 'legal', 'particle']);

/** A query token that meets the name (any list token, any similarity). */
export const metContribution = (t: number): number => Math.max(0, MAX_PAIR_WEIGHT * (1 - t));

/** A query token that meets nothing in the name. */
export const missedContribution = (qw: number, t: number): number => -t * qw;

/**
 * A query token that is not a name part or number (generic word, legal form, particle, title,
 * initial): it is compared with a candidate's tokens only when scoring, so its pairing is unknown
 * here; the best of what scorer.ts allows it. Terms w·(s − t) with w down to near 0 give the 0s.
 */
export function lazyContribution(q: PreparedToken, qw: number, t: number, exactAcrossKinds = true): number {
  let best = missedContribution(qw, t);
  if (q.kind === 'initial') return Math.max(best, 0, qw * (1 - t)); // weight min(cw, qw), any similarity
  // Against a list initial: the query weight, similarity LIST_INITIAL_SIM (1 only for the same letter).
  best = Math.max(best, qw * ((q.text.length === 1 ? 1 : LIST_INITIAL_SIM) - t));
  if (WEAK.has(q.kind)) {
    // Against a name part or number: weight max(cw, qw) between qw and MAX_PAIR_WEIGHT, similarity halved.
    const s = KIND_MISMATCH_FACTOR;
    // An exact pair keeps similarity 1 whatever the kinds (scorer.ts).
    best = Math.max(best, qw * (s - t), Math.max(qw, MAX_PAIR_WEIGHT) * (s - t));
    // An exact pair keeps similarity 1 whatever the kinds (scorer.ts): possible only when the lists
    // hold this word (or a glued-article form of it) as a name part (`exactAcrossKinds`).
    if (exactAcrossKinds) best = Math.max(best, Math.max(qw, MAX_PAIR_WEIGHT) * (1 - t));
  } else {
    // A title against a name part: the list token's weight, any similarity.
    best = Math.max(best, 0, MAX_PAIR_WEIGHT * (1 - t));
  }
  // Against another generic word, legal form, particle or title: the list token's weight.
  return Math.max(best, 0, MAX_WEAK_WEIGHT * (1 - t));
}

/** Sums of contributions this far below 0 still count as reaching the threshold (rounding). */
export const BOUND_TOLERANCE = 1e-9;

/**
 * The bound for one list name, for a query whose `lazy` tokens are compared only at scoring time:
 * each other query token at its best actual pair in the name (exact weight and similarity, as
 * scoreTokens would take it) or unmatched, each lazy token as lazyContribution. The name can reach
 * threshold `t` only when the result is true. `sim(i, j)` is the similarity of query token i and
 * list token j (undefined or 0: none).
 */
export function nameBound(q: readonly PreparedToken[], qWeights: ArrayLike<number>, lazy: readonly boolean[], t: number, exactAcrossKinds?: readonly boolean[]):
  (c: readonly PreparedToken[], cWeights: ArrayLike<number>, sim: (i: number, j: number) => TokenSimilarity | undefined) => boolean {
  const indexed = q.map((_, i) => i).filter((i) => !lazy[i]);
  const lazySum = q.reduce((sum, tok, i) => (lazy[i] ? sum + lazyContribution(tok, qWeights[i]!, t, exactAcrossKinds?.[i] ?? true) : sum), 0);
  return (c, cWeights, sim) => {
    let sum = lazySum;
    for (const i of indexed) {
      const qk = q[i]!.kind;
      const qw = qWeights[i]!;
      let best = missedContribution(qw, t);
      for (let j = 0; j < c.length; j++) {
        const s = sim(i, j);
        if (!s || s.sim <= 0) continue;
        const ck = c[j]!.kind;
        const contribution = pairWeight(qk, ck, qw, cWeights[j]!) * ((s.how === 'exact' ? s.sim : s.sim * pairSimFactor(qk, ck)) - t);
        if (contribution > best) best = contribution;
      }
      sum += best;
    }
    return sum >= -BOUND_TOLERANCE;
  };
}
