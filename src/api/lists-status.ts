// The lists status document served by GET /api/lists.
import type { Snapshot } from '../model/index.js';
import type { Store } from '../store/store.js';

export interface ListStatus {
  source: string;
  snapshotId: number;
  format: string;
  listDate: string;
  /** Whole days between the publisher's list date and today. */
  ageDays: number;
  entryCount: number;
  nameCount: number;
  importedAt: string;
  activatedAt?: string;
  fileName: string;
  sha256: string;
}

const DAY = 86_400_000;

export function ageInDays(listDate: string, now = new Date()): number {
  const t = Date.parse(`${listDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? -1 : Math.floor((now.getTime() - t) / DAY);
}

export async function listsStatus(store: Store): Promise<{ lists: ListStatus[]; snapshots: Snapshot[] }> {
  const snapshots = await store.listSnapshots();
  const lists = snapshots.filter((s) => s.status === 'active').map((s) => ({
    source: s.source, snapshotId: s.id, format: s.format, listDate: s.listDate, ageDays: ageInDays(s.listDate),
    entryCount: s.entryCount, nameCount: s.nameCount, importedAt: s.importedAt,
    ...(s.activatedAt ? { activatedAt: s.activatedAt } : {}), fileName: s.fileName, sha256: s.sha256,
  }));
  return { lists, snapshots };
}
