// Screening one query against the name index: find candidate names through the index (or every
// name, for the brute-force reference), score each with the matching scorer, keep the best name
// per entry, refine by type, country and birth year, and explain the hits.
import type { Explanation, ScreenQuery, ScreeningHit } from '../model/index.js';
import type { EntryTable } from './entry-table.js';
import { VigilInputError } from '../model/errors.js';
import { hasControlCharacters } from '../matching/normalize.js';
import { prepareName, type PreparedToken } from '../matching/prepared.js';
import { scoreTokens } from '../matching/scorer.js';
import { tokenSimilarity, type TokenSimilarity } from '../matching/token-similarity.js';
import { tokenWeight } from '../matching/compare.js';
import { KIND_WEIGHT, SURNAME_BOOST } from '../matching/weights.js';
import { applyFilters } from '../matching/filters.js';
import type { NameIndex } from './name-index.js';

export const MAX_NAME_LENGTH = 1000;
export const DEFAULT_LIMIT = 20;


const NONE: TokenSimilarity = { sim: 0, how: 'unmatched' };

export function validateQueryName(name: unknown, where = 'name'): string {
  if (typeof name !== 'string' || name.trim() === '') throw new VigilInputError('a name is required', where);
  if (name.length > MAX_NAME_LENGTH) throw new VigilInputError(`name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}`, where);
  if (hasControlCharacters(name)) throw new VigilInputError('name contains control characters', where);
  return name;
}

/**
 * bruteForce: the reference the index is checked against — every query token compared with every
 * vocabulary token (pass a SimilarityCache built with scan = true), no pruning, and every name
 * scored (scoreEveryName) or every name holding at least one matching token (the same hits: a name
 * with no matching token scores 0).
 */
export interface ScreenOptions { bruteForce?: boolean; scoreEveryName?: boolean }

/** Similarities of query tokens to vocabulary tokens, remembered across queries (batch screening repeats tokens). */
export class SimilarityCache {
  private readonly cache = new Map<string, Map<number, TokenSimilarity>>();
  /** `scan`: compare with every vocabulary token (the brute-force reference) instead of using the key table. */
  constructor(private readonly index: NameIndex, private readonly max = 20000, private readonly scan = false) {}
  get(q: PreparedToken): Map<number, TokenSimilarity> {
    const key = `${q.key}|${q.kind}`;
    let m = this.cache.get(key);
    if (!m) {
      m = this.scan ? this.index.scanTokens(q) : this.index.similarTokens(q);
      if (this.cache.size >= this.max) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, m);
    }
    return m;
  }
}

const DISTINCTIVE = new Set(['name', 'number']);
/** The largest weight a list token can carry (a rare surname): see weights.ts. */
const MAX_PAIR_WEIGHT = KIND_WEIGHT.name * SURNAME_BOOST;

export function screenIndex(
  index: NameIndex, entries: EntryTable, cache: SimilarityCache, q: ScreenQuery, threshold: number, opts: ScreenOptions = {},
): ScreeningHit[] {
  const qTokens = prepareName(q.name);
  if (qTokens.length === 0) return [];
  const qWeights = qTokens.map((t) => tokenWeight(t, index.stats, false));
  const vocab = index.vocab;

  // Per query token: vocabulary id -> similarity. Distinctive tokens use the index lookups; the
  // others (generic words, initials) are compared lazily against each candidate's tokens.
  const maps: Map<number, TokenSimilarity>[] = qTokens.map(() => new Map());
  const lazy: boolean[] = qTokens.map(() => true);
  const anyDistinctive = qTokens.some((t) => DISTINCTIVE.has(t.kind));
  let candidates: Iterable<number>;
  if (opts.bruteForce) {
    // The reference: every query token against every vocabulary token, every name scored.
    const touched = new Set<number>();
    qTokens.forEach((t, i) => {
      maps[i] = cache.get(t);
      lazy[i] = false;
      if (!opts.scoreEveryName) for (const id of maps[i]!.keys()) for (const n of index.postingsOf(id)) touched.add(n);
    });
    candidates = opts.scoreEveryName ? Array.from({ length: index.size }, (_, n) => n) : touched;
  } else {
    // Which distinctive query tokens each reachable name can meet (a bit mask per name).
    const masks = new Map<number, number>();
    qTokens.forEach((t, i) => {
      if (anyDistinctive && !DISTINCTIVE.has(t.kind)) return;
      const m = cache.get(t);
      maps[i] = m;
      lazy[i] = false;
      const bit = i < 31 ? 1 << i : 0;
      for (const id of m.keys()) for (const n of index.postingsOf(id)) masks.set(n, (masks.get(n) ?? 0) | bit);
    });
    // Upper bound of the score of a name that meets only some query tokens: each met token at most
    // MAX_PAIR_WEIGHT at similarity 1, the others unmatched. Names below the threshold are skipped.
    const found: number[] = [];
    for (const [n, mask] of masks) {
      let met = 0;
      let missed = 0;
      for (let i = 0; i < qTokens.length; i++) {
        if (lazy[i] || i >= 31 || mask & (1 << i)) met += MAX_PAIR_WEIGHT;
        else missed += qWeights[i]!;
      }
      if (met / (met + missed) >= threshold) found.push(n);
    }
    candidates = found;
  }
  const simAt = (tokens: Int32Array) => (i: number, j: number): TokenSimilarity => {
    const id = tokens[j]!;
    const m = maps[i]!;
    if (!lazy[i]) return m.get(id) ?? NONE;
    let s = m.get(id);
    if (!s) { s = tokenSimilarity(qTokens[i]!, vocab[id]!); m.set(id, s); }
    return s;
  };

  // Best name per entry.
  const best = new Map<number, { name: number; score: number }>();
  for (const n of candidates) {
    const r = scoreTokens(qTokens, qWeights, index.tokensOf(n), index.weightsOf(n), simAt(index.tokenIdsOf(n)));
    const entry = index.entryOf(n);
    const prev = best.get(entry);
    if (!prev || r.score > prev.score) best.set(entry, { name: n, score: r.score });
  }

  const hits: ScreeningHit[] = [];
  for (const [e, b] of best) {
    // Filters only lower a score: skip what cannot reach the threshold before them.
    if (b.score < threshold) continue;
    const entry = entries.get(e);
    const f = applyFilters(b.score, q, entry, threshold);
    if (f.score < threshold) continue;
    const r = scoreTokens(qTokens, qWeights, index.tokensOf(b.name), index.weightsOf(b.name), simAt(index.tokenIdsOf(b.name)), true);
    const explanation: Explanation = {
      tokens: r.tokens,
      notes: [...r.notes, ...f.notes],
      nameScore: Math.round(b.score * 1000) / 1000,
      adjustments: [...r.adjustments, ...f.adjustments],
    };
    hits.push({
      list: entry.list, source: entry.source, entityId: entry.id, name: entry.name, matchedName: index.textOf(b.name),
      score: f.score, type: entry.type, programs: entry.programs, countries: entry.countries, explanation,
    });
  }
  hits.sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId));
  return hits.slice(0, q.limit ?? DEFAULT_LIMIT);
}
