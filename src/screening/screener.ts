// Screening one query against the name index: find candidate names through the index (or every
// name, for the brute-force reference), score each with the matching scorer, keep the best name
// per entry, refine by type, country and birth year, and explain the hits.
import type { Explanation, ScreenQuery, ScreeningHit } from '../model/index.js';
import type { EntryTable } from './entry-table.js';
import { VigilInputError } from '../model/errors.js';
import { lowerBound } from './sorted.js';
import { hasControlCharacters } from '../matching/normalize.js';
import { prepareName, similarityKey, type PreparedToken } from '../matching/prepared.js';
import { COMMON_POPULATION_NAME, GENERIC_ONLY_CAP, scoreTokens } from '../matching/scorer.js';
import { tokenSimilarity, type TokenSimilarity } from '../matching/token-similarity.js';
import { tokenWeight } from '../matching/compare.js';
import { BOUND_TOLERANCE, lazyContribution, metContribution, missedContribution, nameBound } from '../matching/score-bound.js';
import { alternativeReadings } from '../matching/readings.js';
import { matchingData } from '../matching/data.js';
import { applyFilters, COMMON_NAME_EXPECTED } from '../matching/filters.js';
import { populationCount, populationName } from '../matching/population.js';
import type { NameIndex } from './name-index.js';

export const MAX_NAME_LENGTH = 1000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const DEFAULT_LIMIT = 20;


const NONE: TokenSimilarity = { sim: 0, how: 'unmatched' };

export function validateQueryName(name: unknown, where = 'name', opts: { strictUtf8?: boolean } = {}): string {
  if (typeof name !== 'string' || name.trim() === '') throw new VigilInputError('a name is required', where);
  if (name.length > MAX_NAME_LENGTH) throw new VigilInputError(`name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}`, where);
  if (hasControlCharacters(name)) throw new VigilInputError('name contains control characters', where);
  // Bytes that were not UTF-8 arrive decoded as U+FFFD (argv, request bodies); a lone surrogate is
  // half a character. Neither is a name: say so instead of screening the debris. A screening query
  // is held to that strictly; compare (which also meets listed names, and one official UN name does
  // carry a U+FFFD) only when nothing but debris is left.
  const undecodable = name.includes('\uFFFD');
  if (LONE_SURROGATE.test(name)) throw new VigilInputError('name is not valid Unicode text (a lone surrogate)', where);
  if (!/\p{L}/u.test(name)) {
    throw new VigilInputError(undecodable ? 'name is not valid UTF-8 text (undecodable bytes, shown as U+FFFD)' : 'a name must contain letters', where);
  }
  if (undecodable && opts.strictUtf8 !== false) throw new VigilInputError('name is not valid UTF-8 text (undecodable bytes, shown as U+FFFD)', where);
  return name;
}

/**
 * bruteForce: the reference the index is checked against — every query token compared with every
 * vocabulary token (pass a SimilarityCache built with scan = true), no pruning, and every name
 * scored (scoreEveryName) or every name holding at least one matching token (the same hits: a name
 * with no matching token scores 0).
 * unpruned: the index's candidates without the score bound — every name holding a token similar to
 * an indexed query token is scored (the reference the bound is checked against).
 */
export interface ScreenOptions {
  bruteForce?: boolean; scoreEveryName?: boolean; unpruned?: boolean;
  /** prepareName(q.name), when the caller has it already (delta re-screening tokenises once). */
  tokens?: PreparedToken[];
}

/** What one query token meets: similar vocabulary tokens, and the names holding any of them (sorted). */
export interface TokenReach { sims: Map<number, TokenSimilarity>; names: Int32Array }

interface TokenFacts { weight: number; acrossKinds: boolean }

/**
 * Whether a query word that is not a name part could meet a list name part exactly (scorer.ts keeps
 * similarity 1 for the same word whatever its kinds): only if the vocabulary holds it, or a glued-
 * article form of it, as a name part or number (score-bound.ts, lazyContribution).
 */
function acrossKinds(index: NameIndex, t: PreparedToken): boolean {
  if (DISTINCTIVE.has(t.kind)) return true;
  let possible = false;
  const check = (id: number): void => { if (DISTINCTIVE.has(index.vocab[id]!.kind)) possible = true; };
  index.data.keys.forEach(`x:${t.key}`, check);
  index.data.keys.forEach(`b:${t.text}`, check);
  return possible;
}

/** Similarities of query tokens to vocabulary tokens, remembered across queries (batch screening repeats tokens). */
export class SimilarityCache {
  private readonly cache = new Map<string, TokenReach>();
  private size = 0;
  /**
   * `scan`: compare with every vocabulary token (the brute-force reference) instead of using the key
   * table. The cache holds at most `maxEntries` tokens and about `maxSize` similarities + names.
   */
  /**
   * The same answers by token object: a caller that hands the same prepared token again (the delta
   * pre-filter, once per distinct token of a register) skips building the key. Lives as long as the token.
   */
  private byToken = new WeakMap<PreparedToken, TokenReach>();
  private factsByToken = new WeakMap<PreparedToken, TokenFacts>();
  constructor(private readonly index: NameIndex, private readonly maxEntries = 20000, private readonly scan = false, private readonly maxSize = 4_000_000) {}

  /** The query token's weight and whether it could meet a name part across kinds (by token object). */
  facts(q: PreparedToken): TokenFacts {
    let f = this.factsByToken.get(q);
    if (!f) {
      f = { weight: tokenWeight(q, this.index.stats, false), acrossKinds: acrossKinds(this.index, q) };
      this.factsByToken.set(q, f);
    }
    return f;
  }

  get(q: PreparedToken): TokenReach {
    const same = this.byToken.get(q);
    if (same) return same;
    const key = similarityKey(q);
    let r = this.cache.get(key);
    if (!r) {
      const sims = this.scan ? this.index.scanTokens(q) : this.index.similarTokens(q);
      r = { sims, names: this.scan ? new Int32Array(0) : this.index.namesHolding(sims.keys()) };
      const cost = sims.size + r.names.length;
      while (this.cache.size && (this.cache.size >= this.maxEntries || this.size + cost > this.maxSize)) {
        const [oldKey, old] = this.cache.entries().next().value!;
        this.cache.delete(oldKey);
        this.size -= old.sims.size + old.names.length;
      }
      this.cache.set(key, r);
      this.size += cost;
    }
    this.byToken.set(q, r);
    return r;
  }
  clear(): void {
    this.cache.clear();
    this.byToken = new WeakMap();
    this.factsByToken = new WeakMap();
    this.size = 0;
  }
}

/** Sorted intersection of sorted arrays a and b. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) { out[k++] = x; i++; j++; } else if (x < y) i++; else j++;
  }
  return out.subarray(0, k);
}

function contains(sorted: Int32Array, x: number): boolean {
  const i = lowerBound(sorted, x);
  return i < sorted.length && sorted[i] === x;
}

const DISTINCTIVE = new Set(['name', 'number']);
const HAN_HANGUL_ARABIC = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Arabic}]/u;
/** Marks a name as touched in the mask buffer even when only token 31+ met it. */
const MASK_SEEN = 1 << 31;
let masksShared = new Int32Array(0);
/** One zeroed buffer of name masks reused across queries (screening is synchronous). */
function maskBuffer(size: number): Int32Array {
  if (masksShared.length < size) masksShared = new Int32Array(size);
  return masksShared;
}

/** Whether list name `n` is common by chance (filters.ts, COMMON_NAME_EXPECTED): names × Π df/names over its name parts. */
function commonName(index: NameIndex, n: number): boolean {
  const names = index.stats.names;
  let expected = names;
  const ids = index.tokenIdsOf(n);
  let parts = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    if (index.vocab[id]!.kind !== 'name') continue;
    parts++;
    expected *= index.statDf[id]! / names;
  }
  return parts > 0 && expected >= COMMON_NAME_EXPECTED;
}

/**
 * Other readings of a query (readings.ts): a glued word split, a dangling compound prefix joined…
 * One function for screenIndex and mayHit: the delta pre-filter is sound only while both try the same.
 */
function queryReadings(index: NameIndex, cache: SimilarityCache, qTokens: PreparedToken[]): PreparedToken[][] {
  const eq = matchingData().equivalents;
  return alternativeReadings(qTokens, (text) => eq.has(text) || index.knows(text), (t) => cache.get(t).sims.size > 0);
}

export function screenIndex(
  index: NameIndex, entries: EntryTable, cache: SimilarityCache, q: ScreenQuery, threshold: number, opts: ScreenOptions = {},
): ScreeningHit[] {
  const qTokens = opts.tokens ?? prepareName(q.name);
  if (qTokens.length === 0) return [];
  const hits = screenTokens(index, entries, cache, q, qTokens, threshold, opts);
  const readings = queryReadings(index, cache, qTokens);
  if (readings.length === 0) return hits;
  const best = new Map<string, ScreeningHit>();
  for (const h of hits) best.set(h.entityId, h);
  for (const tokens of readings) {
    for (const h of screenTokens(index, entries, cache, q, tokens, threshold, opts)) {
      const prev = best.get(h.entityId);
      if (!prev || h.score > prev.score) best.set(h.entityId, h);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId)).slice(0, q.limit ?? DEFAULT_LIMIT);
}

/** What the candidate search of one reading found, and what scoring those candidates needs of it. */
interface Candidates {
  candidates: Iterable<number>;
  qWeights: number[];
  acrossKinds: boolean[];
  maps: Map<number, TokenSimilarity>[];
  lazy: boolean[];
}

/**
 * The list names one reading of a query could reach `threshold` with (through the index and the
 * score bound), before any is scored. Depends on the tokens and the threshold only, not on the
 * query's type, country or birth year (those filters only lower a score).
 */
function findCandidates(index: NameIndex, cache: SimilarityCache, qTokens: PreparedToken[], threshold: number, opts: ScreenOptions): Candidates {
  const qWeights = qTokens.map((t) => cache.facts(t).weight);
  const acrossKinds = qTokens.map((t) => cache.facts(t).acrossKinds);

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
      maps[i] = cache.get(t).sims;
      lazy[i] = false;
      if (!opts.scoreEveryName) for (const id of maps[i]!.keys()) for (const n of index.postingsOf(id)) touched.add(n);
    });
    candidates = opts.scoreEveryName ? Array.from({ length: index.size }, (_, n) => n) : touched;
  } else {
    const reach: (TokenReach | undefined)[] = qTokens.map((t, i) => {
      if (anyDistinctive && !DISTINCTIVE.has(t.kind)) return undefined;
      const r = cache.get(t);
      maps[i] = r.sims;
      lazy[i] = false;
      return r;
    });
    // Whether a name that meets only the query tokens in `mask` could reach the threshold (see
    // score-bound.ts): met tokens at most MAX_PAIR_WEIGHT at similarity 1, missed ones unmatched,
    // lazy ones the best their kind allows. Names that cannot are skipped.
    const met = metContribution(threshold);
    const fixed = qTokens.map((t, i) => (lazy[i] ? lazyContribution(t, qWeights[i]!, threshold, acrossKinds[i]) : i >= 31 ? met : 0));
    const missed = qWeights.map((w) => missedContribution(w, threshold));
    const reaches = opts.unpruned ? () => true : (mask: number): boolean => {
      let sum = 0;
      for (let i = 0; i < qTokens.length; i++) sum += lazy[i] || i >= 31 ? fixed[i]! : mask & (1 << i) ? met : missed[i]!;
      return sum >= -BOUND_TOLERANCE;
    };
    // A token is required when missing it alone already sinks the bound below the threshold: every
    // hit then holds one of its similar tokens, and the candidates are the intersection of the
    // required tokens' names.
    const all = qTokens.length >= 31 ? -1 : (1 << qTokens.length) - 1;
    const required: number[] = [];
    let requiredMask = 0;
    qTokens.forEach((_, i) => {
      if (lazy[i] || i >= 31 || reaches(all & ~(1 << i))) return;
      required.push(i);
      requiredMask |= 1 << i;
    });
    const found: number[] = [];
    if (required.length) {
      required.sort((a, b) => reach[a]!.names.length - reach[b]!.names.length);
      let cand = reach[required[0]!]!.names;
      for (const i of required.slice(1)) cand = intersect(cand, reach[i]!.names);
      const optional = qTokens.map((_, i) => i).filter((i) => !lazy[i] && i < 31 && !(requiredMask & (1 << i)));
      const enough = reaches(requiredMask);
      for (const n of cand) {
        if (enough) { found.push(n); continue; }
        let mask = requiredMask;
        for (const i of optional) if (contains(reach[i]!.names, n)) mask |= 1 << i;
        if (reaches(mask)) found.push(n);
      }
    } else {
      // No single token is required (long queries): a bit mask per reachable name.
      const masks = maskBuffer(index.size);
      const touched: number[] = [];
      qTokens.forEach((_, i) => {
        if (lazy[i]) return;
        const bit = i < 31 ? 1 << i : 0;
        for (const n of reach[i]!.names) {
          if (masks[n] === 0) touched.push(n);
          masks[n] |= bit | MASK_SEEN;
        }
      });
      for (const n of touched) {
        const mask = masks[n]!;
        masks[n] = 0;
        if (reaches(mask)) found.push(n);
      }
    }
    candidates = found;
  }
  return { candidates, qWeights, acrossKinds, maps, lazy };
}

/**
 * Whether screening `qTokens` (prepareName of a query) at `threshold`, in any of its readings, could
 * give a hit: false when no list name passes the candidate search and its score bound — the search
 * screenIndex runs, so a query it rejects has no hit whatever its type, country or birth year.
 */
export function mayHit(index: NameIndex, cache: SimilarityCache, qTokens: PreparedToken[], threshold: number): boolean {
  if (qTokens.length === 0) return false;
  const any = (tokens: PreparedToken[]): boolean => {
    for (const _ of findCandidates(index, cache, tokens, threshold, {}).candidates) return true;
    return false;
  };
  if (any(qTokens)) return true;
  return queryReadings(index, cache, qTokens).some(any);
}

function screenTokens(
  index: NameIndex, entries: EntryTable, cache: SimilarityCache, q: ScreenQuery, qTokens: PreparedToken[], threshold: number, opts: ScreenOptions,
): ScreeningHit[] {
  const { candidates, qWeights, acrossKinds, maps, lazy } = findCandidates(index, cache, qTokens, threshold, opts);
  // Query name parts that are words of the lists themselves (scorer.ts, KNOWN_WORD_FUZZY_FACTOR).
  // ...or a given name or surname of the population tables (Meyer against MAYER, Michelle against MICHAEL).
  const qKnown = Uint8Array.from(qTokens, (t) => (t.kind === 'name' && (index.stats.df(t.key) > 0 || (!t.unvocalised && populationName(t.text))) ? 1 : 0));
  const qPopulation = populationCount(qTokens);
  const vocab = index.vocab;
  let current: Int32Array = new Int32Array(0);
  const sim = (i: number, j: number): TokenSimilarity => {
    const id = current[j]!;
    const m = maps[i]!;
    if (!lazy[i]) return m.get(id) ?? NONE;
    let s = m.get(id);
    if (!s) { s = tokenSimilarity(qTokens[i]!, vocab[id]!); m.set(id, s); }
    return s;
  };

  const nameTokens: PreparedToken[] = [];
  let rarities = new Float64Array(16);
  const rarityOf = (ids: Int32Array): Float64Array => {
    if (rarities.length < ids.length) rarities = new Float64Array(ids.length * 2);
    for (let k = 0; k < ids.length; k++) rarities[k] = index.rarity[ids[k]!]!;
    return rarities;
  };
  // Before scoring a candidate, the same bound as above with what the name holds: each indexed
  // query token at its best actual pair in the name (score-bound.ts). Scoring costs many times this
  // (every query-token pair, lazy similarities, the alignment), and a distinctive token's reach
  // holds many names that meet it only weakly or only by a common token.
  const canReach = opts.bruteForce || opts.unpruned ? undefined : nameBound(qTokens, qWeights, lazy, threshold, acrossKinds);
  const indexedSim = (i: number, j: number): TokenSimilarity | undefined => (lazy[i] ? undefined : maps[i]!.get(current[j]!));
  // A name met by no pair of distinctive tokens scores at most GENERIC_ONLY_CAP when either side has
  // one (scorer.ts): below any threshold above the cap, so it is not scored at all (a query "Ltd" or
  // "Company" meets thousands of names through its one generic word). Lazy query tokens are never
  // distinctive when the query has a distinctive token.
  // Only worth checking when a query token could meet list tokens that are not distinctive: the query
  // has no distinctive token, or one of them is a generic word read as a name part (Ltd, Sá alone).
  const d = matchingData();
  const qDistinctive = qTokens.map((t) => DISTINCTIVE.has(t.kind));
  const anyQDistinctive = qDistinctive.some(Boolean);
  const genericAsName = qTokens.some((t, i) => qDistinctive[i] && (d.legalForms.has(t.text) || d.genericWords.has(t.text) || d.particles.has(t.text) || d.titles.has(t.text)));
  const capped = !opts.bruteForce && !opts.unpruned && threshold > GENERIC_ONLY_CAP && (!anyQDistinctive || genericAsName);
  const distinctivePair = (cTokens: readonly PreparedToken[]): boolean => {
    let cDistinctive = false;
    for (let j = 0; j < cTokens.length; j++) {
      if (!DISTINCTIVE.has(cTokens[j]!.kind)) continue;
      cDistinctive = true;
      for (let i = 0; i < qTokens.length; i++) {
        if (!qDistinctive[i]) continue;
        const s = lazy[i] ? sim(i, j) : maps[i]!.get(current[j]!);
        if (s && s.sim > 0) return true;
      }
    }
    // Neither side distinctive: no cap applies.
    return !cDistinctive && !anyQDistinctive;
  };

  // Best name per entry.
  const best = new Map<number, { name: number; score: number }>();
  for (const n of candidates) {
    current = index.tokenIdsOf(n);
    const cTokens = index.tokensInto(n, nameTokens);
    const cWeights = index.weightsOf(n);
    if (canReach && !canReach(cTokens, cWeights, indexedSim)) continue;
    if (capped && !distinctivePair(cTokens)) continue;
    const r = scoreTokens(qTokens, qWeights, cTokens, cWeights, sim, false, rarityOf(current), index.surnamesOf(n), qKnown, qPopulation);
    const entry = index.entryOf(n);
    const prev = best.get(entry);
    if (!prev || r.score > prev.score) best.set(entry, { name: n, score: r.score });
  }

  // A name is common when the lists hold its parts often (commonName), when a large population does
  // (population.ts), or when it is a Chinese or Korean name written in its own script: the lists write
  // those in romanised syllables, and one romanised syllable stands for many written ones (王伟, 王维,
  // 汪伟 are all WANG Wei), so only the romanisation, shared by many, agrees.
  const syllabicQuery = qTokens.some((t) => t.syllabic === true);
  const ambiguousScriptQuery = syllabicQuery || qTokens.some((t) => t.unvocalised === true);
  const common = qPopulation >= COMMON_POPULATION_NAME || syllabicQuery;
  const hits: ScreeningHit[] = [];
  for (const [e, b] of best) {
    // Filters only lower a score: skip what cannot reach the threshold before them.
    if (b.score < threshold) continue;
    const entry = entries.get(e);
    // Only a romanisation agrees when the query is written in Han, Hangul or Arabic script (syllables
    // and unwritten vowels: one romanisation stands for many written names) and the list name is not.
    const romanisedOnly = ambiguousScriptQuery && !HAN_HANGUL_ARABIC.test(index.textOf(b.name));
    const f = applyFilters(b.score, q, entry, threshold, common || commonName(index, b.name), romanisedOnly);
    if (f.score < threshold) continue;
    current = index.tokenIdsOf(b.name);
    const r = scoreTokens(qTokens, qWeights, index.tokensOf(b.name), index.weightsOf(b.name), sim, true, rarityOf(current), index.surnamesOf(b.name), qKnown, qPopulation);
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
