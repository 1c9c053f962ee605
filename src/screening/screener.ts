// Screening one query against the name index: find candidate names through the index (or every
// name, for the brute-force reference), score each with the matching scorer, keep the best name
// per entry, refine by type, country and birth year, and explain the hits.
import type { Explanation, ListEntry, ScreenQuery, ScreeningHit } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import { hasControlCharacters } from '../matching/normalize.js';
import { prepareName, type PreparedToken } from '../matching/prepared.js';
import { scoreTokens } from '../matching/scorer.js';
import { tokenSimilarity, type TokenSimilarity } from '../matching/token-similarity.js';
import { tokenWeight } from '../matching/compare.js';
import { applyFilters } from '../matching/filters.js';
import type { NameIndex } from './name-index.js';

export const MAX_NAME_LENGTH = 1000;
export const DEFAULT_LIMIT = 20;

/** What the screener keeps of each entry (the full entries are not needed after indexing). */
export type EntryInfo = Pick<ListEntry, 'id' | 'source' | 'list' | 'type' | 'programs' | 'countries' | 'birthDates'> & { name: string };

const NONE: TokenSimilarity = { sim: 0, how: 'unmatched' };

export function validateQueryName(name: unknown, where = 'name'): string {
  if (typeof name !== 'string' || name.trim() === '') throw new VigilInputError('a name is required', where);
  if (name.length > MAX_NAME_LENGTH) throw new VigilInputError(`name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}`, where);
  if (hasControlCharacters(name)) throw new VigilInputError('name contains control characters', where);
  return name;
}

export interface ScreenOptions { bruteForce?: boolean }

/** Similarities of query tokens to vocabulary tokens, remembered across queries (batch screening repeats tokens). */
export class SimilarityCache {
  private readonly cache = new Map<string, Map<number, TokenSimilarity>>();
  constructor(private readonly index: NameIndex, private readonly max = 20000) {}
  get(q: PreparedToken): Map<number, TokenSimilarity> {
    const key = `${q.key}|${q.kind}`;
    let m = this.cache.get(key);
    if (!m) {
      m = this.index.similarTokens(q);
      if (this.cache.size >= this.max) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, m);
    }
    return m;
  }
}

const DISTINCTIVE = new Set(['name', 'number']);

export function screenIndex(
  index: NameIndex, entries: EntryInfo[], cache: SimilarityCache, q: ScreenQuery, threshold: number, opts: ScreenOptions = {},
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
    candidates = Array.from({ length: index.size }, (_, n) => n);
  } else {
    const found = new Set<number>();
    qTokens.forEach((t, i) => {
      if (anyDistinctive && !DISTINCTIVE.has(t.kind)) return;
      const m = cache.get(t);
      maps[i] = m;
      lazy[i] = false;
      for (const id of m.keys()) for (const n of index.postingsOf(id)) found.add(n);
    });
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
    const entry = entries[e]!;
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
