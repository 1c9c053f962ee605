// The screening API: an in-memory index over the active list snapshots, and name comparison.
import type { CompareResult, EntityType, ListEntry, ListVersion, ScreenQuery, ScreenResult, Snapshot } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { compareNameStrings } from '../matching/compare.js';
import { NameIndex, type NameSource } from './name-index.js';
import { mayHit, screenIndex, SimilarityCache, validateQueryName, type ScreenOptions } from './screener.js';
import type { PreparedToken } from '../matching/prepared.js';
import { parseCountry } from './query-input.js';
import { EntryTable, type EntryInfo } from './entry-table.js';
import { cacheKeyFor, deserialiseIndex, serialiseIndex } from './index-codec.js';
import { readIndexCache, writeIndexCache } from './index-cache.js';

export { INDEX_CACHE_META_KEY, cacheFileFor } from './index-cache.js';

/**
 * Default hit threshold, chosen on the public evaluation sets (`npx tsx bench/screening.ts` prints the
 * trade-off from 0.80 to 0.95). At 0.85 (2026-12-02, full sets, end of issue 13): 99.36% of generated
 * typo / reorder / dropped-middle-name variants and 91.80% of the UN Latin/Arabic-script pairs found;
 * false hits on 0.07% of negatives_global_public.csv with birth years (latin 0.07%, arabic 0.24%, han
 * and hangul 0%: a common name with a birth year meets an undated entry below the threshold) and on
 * 0.10% of 50,000 negatives_us.csv names; Putin 71 of 81 variants. At 0.9 false hits fall to 0.02% /
 * 0.06% but variants to 95.2% and cross-script pairs to 63.2%. A screening threshold errs towards review.
 */
export const DEFAULT_THRESHOLD = 0.85;

/** Index loads in progress, per store: concurrent loads of the same snapshots share one. */
const loading = new WeakMap<Store, { key: string; index: Promise<ScreeningIndex> }>();

export class ScreeningIndex {
  private readonly cache: SimilarityCache;
  private bruteCache?: SimilarityCache;

  private constructor(readonly versions: ListVersion[], readonly names: NameIndex, private readonly entries: EntryTable) {
    this.cache = new SimilarityCache(names);
  }

  /**
   * The index of the store's active snapshots: from the serialised cache in the store when it
   * matches those snapshots and this version of the matching data, else built and cached.
   */
  static async load(store: Store): Promise<ScreeningIndex> {
    const snaps = await store.activeSnapshots();
    const versions = toVersions(snaps);
    const key = cacheKeyFor(versions);
    // After an activation both the process's index reload and the re-screening job load the new
    // index: the second joins the first instead of building it again (seconds of CPU).
    const running = loading.get(store);
    if (running?.key === key) return running.index;
    const index = ScreeningIndex.loadFor(store, snaps, versions, key);
    loading.set(store, { key, index });
    try {
      return await index;
    } finally {
      if (loading.get(store)?.index === index) loading.delete(store);
    }
  }

  private static async loadFor(store: Store, snaps: Snapshot[], versions: ListVersion[], key: string): Promise<ScreeningIndex> {
    const cached = await readIndexCache(store);
    if (cached) {
      const hit = deserialiseIndex(cached, key);
      if (hit) return new ScreeningIndex(hit.versions, hit.names, hit.entries);
    }
    const built = ScreeningIndex.build(await store.loadEntries(snaps.map((s) => s.id)), snaps);
    try {
      await writeIndexCache(store, built.serialise());
    } catch {
      // A read-only or busy store still screens; the next start rebuilds.
    }
    return built;
  }

  /** The index as bytes (see index-codec.ts). */
  serialise(): Buffer {
    return serialiseIndex(cacheKeyFor(this.versions), this.versions, this.names, this.entries);
  }

  static deserialise(bytes: Buffer, versions: ListVersion[]): ScreeningIndex | undefined {
    const hit = deserialiseIndex(bytes, cacheKeyFor(versions));
    return hit && new ScreeningIndex(hit.versions, hit.names, hit.entries);
  }

  /**
   * `basis`: the index of every active list, whose statistics the new index scores with (see
   * NameIndex): an index of a few changed entries then scores a name as a full screening does.
   */
  static build(entries: ListEntry[], snapshots: Snapshot[], basis?: ScreeningIndex): ScreeningIndex {
    const infos: EntryInfo[] = [];
    const sources: NameSource[] = [];
    for (const e of entries) {
      const entry = infos.length;
      infos.push({
        id: e.id, source: e.source, list: e.list, type: e.type, programs: e.programs, countries: e.countries,
        birthDates: e.birthDates, name: e.names[0]?.name ?? '',
      });
      const person = e.type === 'person';
      const seen = new Set<string>();
      for (const n of e.names) {
        const text = n.name.replace(/\s+/g, ' ').trim();
        if (!text || seen.has(text)) continue;
        seen.add(text);
        sources.push({ entry, text, person });
      }
    }
    return new ScreeningIndex(toVersions(snapshots), NameIndex.build(sources, basis?.names), EntryTable.fromInfos(infos));
  }

  /** Forget remembered query-token similarities (benchmarks measure cold queries with it). */
  clearCaches(): void {
    this.cache.clear();
    this.bruteCache?.clear();
  }

  get entryCount(): number { return this.entries.size; }
  get nameCount(): number { return this.names.size; }

  /** Whether query token `t` meets any vocabulary token (remembered, as the screening remembers it). */
  meets(t: PreparedToken): boolean {
    return this.cache.get(t).sims.size > 0;
  }

  /**
   * False when screening a name prepared as `tokens` at `threshold` cannot give a hit, whatever the
   * query's type, country or birth year: the screening's own candidate search finds no list name.
   */
  mayHit(tokens: PreparedToken[], threshold = DEFAULT_THRESHOLD): boolean {
    return mayHit(this.names, this.cache, tokens, threshold);
  }

  screen(q: ScreenQuery, opts: ScreenOptions = {}): ScreenResult {
    validateQueryName(q.name);
    // A made-up country would silently drop real hits (the country filter finds no list entry in it).
    if (q.country !== undefined) parseCountry(q.country, 'country');
    const threshold = q.threshold ?? DEFAULT_THRESHOLD;
    if (!(threshold >= 0 && threshold <= 1)) throw new VigilInputError(`threshold must be between 0 and 1, got ${q.threshold}`, 'threshold');
    if (q.limit !== undefined && !(Number.isInteger(q.limit) && q.limit > 0)) throw new VigilInputError(`limit must be a positive integer, got ${q.limit}`, 'limit');
    const cache = opts.bruteForce ? (this.bruteCache ??= new SimilarityCache(this.names, 5000, true, 20_000_000)) : this.cache;
    const hits = screenIndex(this.names, this.entries, cache, q, threshold, opts);
    return { query: q, threshold, lists: this.versions, hits };
  }
}

const toVersions = (snapshots: Snapshot[]): ListVersion[] =>
  snapshots.map((s) => ({ id: s.source, version: s.id, date: s.listDate, sha256: s.sha256 }));

export function compareNames(a: string, b: string, type?: EntityType): CompareResult {
  validateQueryName(a, 'a', { strictUtf8: false });
  validateQueryName(b, 'b', { strictUtf8: false });
  const r = compareNameStrings(a, b, type);
  return { a, b, score: r.score, match: r.score >= DEFAULT_THRESHOLD, explanation: r.explanation };
}
