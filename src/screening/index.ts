// The screening API: an in-memory index over the active list snapshots, and name comparison.
import type { CompareResult, EntityType, ListEntry, ListVersion, ScreenQuery, ScreenResult, Snapshot } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { compareNameStrings } from '../matching/compare.js';
import { NameIndex, type NameSource } from './name-index.js';
import { screenIndex, SimilarityCache, validateQueryName, type EntryInfo, type ScreenOptions } from './screener.js';

/**
 * Default hit threshold. Chosen on the evaluation sets (bench/screening.ts prints the trade-off at
 * three thresholds): see README of the matching work in the closing report.
 */
export const DEFAULT_THRESHOLD = 0.85;

export class ScreeningIndex {
  private readonly cache: SimilarityCache;

  private constructor(readonly versions: ListVersion[], readonly names: NameIndex, private readonly entries: EntryInfo[]) {
    this.cache = new SimilarityCache(names);
  }

  /** Build from the store's active snapshots. */
  static async load(store: Store): Promise<ScreeningIndex> {
    const snaps = await store.activeSnapshots();
    return ScreeningIndex.build(await store.loadEntries(snaps.map((s) => s.id)), snaps);
  }

  static build(entries: ListEntry[], snapshots: Snapshot[]): ScreeningIndex {
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
        const text = n.name.trim();
        if (!text || seen.has(text)) continue;
        seen.add(text);
        sources.push({ entry, text, person });
      }
    }
    const versions = snapshots.map((s) => ({ id: s.source, version: s.id, date: s.listDate, sha256: s.sha256 }));
    return new ScreeningIndex(versions, NameIndex.build(sources), infos);
  }

  get entryCount(): number { return this.entries.length; }
  get nameCount(): number { return this.names.size; }

  screen(q: ScreenQuery, opts: ScreenOptions = {}): ScreenResult {
    validateQueryName(q.name);
    const threshold = q.threshold ?? DEFAULT_THRESHOLD;
    if (!(threshold >= 0 && threshold <= 1)) throw new VigilInputError(`threshold must be between 0 and 1, got ${q.threshold}`, 'threshold');
    if (q.limit !== undefined && !(Number.isInteger(q.limit) && q.limit > 0)) throw new VigilInputError(`limit must be a positive integer, got ${q.limit}`, 'limit');
    const hits = screenIndex(this.names, this.entries, this.cache, q, threshold, opts);
    return { query: q, threshold, lists: this.versions, hits };
  }
}

export function compareNames(a: string, b: string, type?: EntityType): CompareResult {
  validateQueryName(a, 'a');
  validateQueryName(b, 'b');
  const r = compareNameStrings(a, b, type);
  return { a, b, score: r.score, match: r.score >= DEFAULT_THRESHOLD, explanation: r.explanation };
}
