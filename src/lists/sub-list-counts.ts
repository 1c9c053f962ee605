// Entries per sub-list (SDN, Entity List...) of a snapshot, kept in the store's meta table at
// import time so that `lists status` can show them without loading the entries.
import type { ListEntry } from '../model/index.js';
import type { Store } from '../store/store.js';

const key = (snapshotId: number) => `lists.snapshot.${snapshotId}.subLists`;

export function countSubLists(entries: ListEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.list] = (counts[e.list] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

export async function recordSubListCounts(store: Store, snapshotId: number, entries: ListEntry[]): Promise<void> {
  await store.setMeta(key(snapshotId), JSON.stringify(countSubLists(entries)));
}

export async function readSubListCounts(store: Store, snapshotId: number): Promise<Record<string, number> | undefined> {
  const v = await store.getMeta(key(snapshotId));
  return v ? (JSON.parse(v) as Record<string, number>) : undefined;
}
