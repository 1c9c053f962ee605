// What `vigil lists status` reports for each active snapshot.
import type { Store } from '../store/store.js';
import { configuredMaxAgeDays } from './freshness.js';
import { readSubListCounts } from './sub-list-counts.js';

export interface ListStatus {
  snapshot: number;
  source: string;
  format: string;
  listDate: string;
  ageDays: number;
  stale: boolean;
  entries: number;
  names: number;
  /** Entries per sub-list (SDN, Entity List...). */
  lists: Record<string, number>;
  sha256: string;
  fileName: string;
  importedAt: string;
}

export interface StatusReport { maxAgeDays: number; asOf: string; lists: ListStatus[]; anyStale: boolean }

export async function listStatus(store: Store, o: { maxAgeDays?: number; now?: Date } = {}): Promise<StatusReport> {
  const maxAgeDays = o.maxAgeDays ?? configuredMaxAgeDays();
  const now = o.now ?? new Date();
  const lists: ListStatus[] = [];
  for (const s of await store.activeSnapshots()) {
    const ageDays = Math.floor((now.getTime() - Date.parse(`${s.listDate}T00:00:00Z`)) / 86_400_000);
    lists.push({
      snapshot: s.id, source: s.source, format: s.format, listDate: s.listDate, ageDays, stale: ageDays > maxAgeDays,
      entries: s.entryCount, names: s.nameCount, lists: (await readSubListCounts(store, s.id)) ?? {},
      sha256: s.sha256, fileName: s.fileName, importedAt: s.importedAt,
    });
  }
  return { maxAgeDays, asOf: now.toISOString(), lists, anyStale: lists.some((l) => l.stale) };
}
