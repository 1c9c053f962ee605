// STUB — owned by the matching work (src/matching/, src/screening/). Replace with the real implementation.
import type { CompareResult, EntityType, ListEntry, ListVersion, ScreenQuery, ScreenResult, Snapshot } from '../model/index.js';
import type { Store } from '../store/store.js';

export const DEFAULT_THRESHOLD = 0.8;

export class ScreeningIndex {
  private constructor(readonly versions: ListVersion[]) {}
  /** Build from the store's active snapshots (may use a cached serialised index). */
  static async load(store: Store): Promise<ScreeningIndex> {
    const snaps = await store.activeSnapshots();
    return ScreeningIndex.build(await store.loadEntries(snaps.map((s) => s.id)), snaps);
  }
  static build(_entries: ListEntry[], snapshots: Snapshot[]): ScreeningIndex {
    return new ScreeningIndex(snapshots.map((s) => ({ id: s.source, version: s.id, date: s.listDate, sha256: s.sha256 })));
  }
  screen(q: ScreenQuery): ScreenResult {
    return { query: q, threshold: q.threshold ?? DEFAULT_THRESHOLD, lists: this.versions, hits: [] };
  }
}

export function compareNames(a: string, b: string, _type?: EntityType): CompareResult {
  throw new Error(`compareNames(${a}, ${b}): not implemented yet`);
}
