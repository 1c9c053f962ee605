// List snapshots: staged → active → superseded (kept for replay), or staged → failed.
import type { ListEntry, Snapshot } from '../../model/index.js';
import type { NewSnapshot } from '../store.js';
import type { Executor } from './executor.js';
import { insertRows } from './insert-rows.js';

interface SnapshotRow {
  id: number; source: string; format: string; list_date: string; sha256: string; file_name: string;
  entry_count: number; name_count: number; imported_at: string; status: Snapshot['status'];
  activated_at: string | null; note: string | null;
}

const COLUMNS = 'id, source, format, list_date, sha256, file_name, entry_count, name_count, imported_at, status, activated_at, note';

function toSnapshot(r: SnapshotRow): Snapshot {
  const s: Snapshot = {
    id: Number(r.id), source: r.source, format: r.format, listDate: r.list_date, sha256: r.sha256,
    fileName: r.file_name, entryCount: Number(r.entry_count), nameCount: Number(r.name_count),
    importedAt: r.imported_at, status: r.status,
  };
  if (r.activated_at !== null) s.activatedAt = r.activated_at;
  if (r.note !== null) s.note = r.note;
  return s;
}

export async function createSnapshot(ex: Executor, s: NewSnapshot): Promise<Snapshot> {
  const row = await ex.get<SnapshotRow>(
    `INSERT INTO snapshots (source, format, list_date, sha256, file_name, imported_at, status, note)
     VALUES (?, ?, ?, ?, ?, ?, 'staged', ?) RETURNING ${COLUMNS}`,
    [s.source, s.format, s.listDate, s.sha256, s.fileName, new Date().toISOString(), s.note ?? null],
  );
  return toSnapshot(row!);
}

export async function getSnapshot(ex: Executor, id: number): Promise<Snapshot | undefined> {
  const row = await ex.get<SnapshotRow>(`SELECT ${COLUMNS} FROM snapshots WHERE id = ?`, [id]);
  return row && toSnapshot(row);
}

export async function listSnapshots(ex: Executor): Promise<Snapshot[]> {
  return (await ex.all<SnapshotRow>(`SELECT ${COLUMNS} FROM snapshots ORDER BY id`)).map(toSnapshot);
}

export async function activeSnapshots(ex: Executor): Promise<Snapshot[]> {
  return (await ex.all<SnapshotRow>(`SELECT ${COLUMNS} FROM snapshots WHERE status = 'active' ORDER BY source`)).map(toSnapshot);
}

async function requireStaged(ex: Executor, id: number, doing: string): Promise<Snapshot> {
  const s = await getSnapshot(ex, id);
  if (!s) throw new Error(`snapshot ${id} does not exist`);
  if (s.status !== 'staged') throw new Error(`cannot ${doing} snapshot ${id}: it is ${s.status}, not staged`);
  return s;
}

/** Call inside a transaction. */
export async function addEntries(ex: Executor, maxParams: number, snapshotId: number, entries: ListEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await requireStaged(ex, snapshotId, 'add entries to');
  const rows = entries.map((e) => [snapshotId, e.id, e.source, e.list, JSON.stringify(e)]);
  await insertRows(ex, maxParams, 'list_entries', ['snapshot_id', 'entity_id', 'source', 'list', 'doc'], rows);
  const names = entries.reduce((n, e) => n + e.names.length, 0);
  await ex.run('UPDATE snapshots SET entry_count = entry_count + ?, name_count = name_count + ? WHERE id = ?', [
    entries.length, names, snapshotId,
  ]);
}

/** Call inside a transaction; the caller bumps the generation and notifies. */
export async function activateSnapshot(ex: Executor, id: number): Promise<Snapshot> {
  const s = await requireStaged(ex, id, 'activate');
  // Supersede first: a unique partial index allows one active snapshot per source.
  await ex.run(`UPDATE snapshots SET status = 'superseded' WHERE source = ? AND status = 'active'`, [s.source]);
  await ex.run(`UPDATE snapshots SET status = 'active', activated_at = ? WHERE id = ?`, [new Date().toISOString(), id]);
  return (await getSnapshot(ex, id))!;
}

/** Call inside a transaction. */
export async function failSnapshot(ex: Executor, id: number, note: string): Promise<void> {
  await requireStaged(ex, id, 'fail');
  await ex.run('DELETE FROM list_entries WHERE snapshot_id = ?', [id]);
  await ex.run(`UPDATE snapshots SET status = 'failed', note = ? WHERE id = ?`, [note, id]);
}

/**
 * Entries of active or superseded snapshots, snapshot by snapshot in the order asked, each in
 * insertion order. Staged and failed snapshots yield nothing: readers never see a partial import.
 */
export async function entriesOfEntities(ex: Executor, snapshotIds: number[], entityIds: string[]): Promise<{ snapshotId: number; entry: ListEntry }[]> {
  const out: { snapshotId: number; entry: ListEntry }[] = [];
  if (snapshotIds.length === 0) return out;
  const snaps = snapshotIds.map(() => '?').join(', ');
  for (let i = 0; i < entityIds.length; i += 500) {
    const some = entityIds.slice(i, i + 500);
    const rows = await ex.all<{ snapshot_id: number | string; doc: string }>(
      `SELECT snapshot_id, doc FROM list_entries WHERE entity_id IN (${some.map(() => '?').join(', ')}) AND snapshot_id IN (${snaps})`,
      [...some, ...snapshotIds],
    );
    for (const r of rows) out.push({ snapshotId: Number(r.snapshot_id), entry: JSON.parse(r.doc) as ListEntry });
  }
  return out;
}

export async function loadEntries(ex: Executor, snapshotIds: number[]): Promise<ListEntry[]> {
  const out: ListEntry[] = [];
  for (const id of snapshotIds) {
    const docs = await ex.column<string>(
      `SELECT e.doc FROM list_entries e JOIN snapshots s ON s.id = e.snapshot_id
       WHERE e.snapshot_id = ? AND s.status IN ('active', 'superseded') ORDER BY e.id`,
      [id],
    );
    for (const d of docs) out.push(JSON.parse(d) as ListEntry);
  }
  return out;
}
