// The party register and alerts. Documents are JSON text; the columns are what queries filter on.
import type { Alert, AlertStatus, ListEntry, RegisteredParty } from '../../model/index.js';
import type { AlertFilter, PartyFilter } from '../store.js';
import type { Executor } from './executor.js';
import { insertRows } from './insert-rows.js';

export async function putParties(ex: Executor, maxParams: number, parties: RegisteredParty[]): Promise<void> {
  if (parties.length === 0) return;
  await insertRows(ex, maxParams, 'parties', ['id', 'name', 'external_ref', 'created_at', 'removed_at', 'doc'],
    parties.map((p) => [p.id, p.name, p.externalRef ?? null, p.createdAt, p.removedAt ?? null, JSON.stringify(p)]));
}

export async function getParty(ex: Executor, id: string): Promise<RegisteredParty | undefined> {
  const row = await ex.get<{ doc: string }>('SELECT doc FROM parties WHERE id = ?', [id]);
  return row && (JSON.parse(row.doc) as RegisteredParty);
}

export async function findPartyByRef(ex: Executor, externalRef: string): Promise<RegisteredParty | undefined> {
  const row = await ex.get<{ doc: string }>('SELECT doc FROM parties WHERE external_ref = ? AND removed_at IS NULL', [externalRef]);
  return row && (JSON.parse(row.doc) as RegisteredParty);
}

export async function listParties(ex: Executor, f: PartyFilter = {}): Promise<RegisteredParty[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!f.includeRemoved) where.push('removed_at IS NULL');
  if (f.afterId !== undefined) { where.push('id > ?'); params.push(f.afterId); }
  const sql = `SELECT doc FROM parties${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id${f.limit ? ` LIMIT ${Math.floor(f.limit)}` : ''}`;
  return (await ex.column<string>(sql, params)).map((d) => JSON.parse(d) as RegisteredParty);
}

export async function countParties(ex: Executor): Promise<number> {
  const row = await ex.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM parties WHERE removed_at IS NULL');
  return Number(row?.n ?? 0);
}

/** True when the party existed and was not already removed. */
export async function removeParty(ex: Executor, id: string, at: string): Promise<boolean> {
  const p = await getParty(ex, id);
  if (!p || p.removedAt) return false;
  const doc = JSON.stringify({ ...p, removedAt: at });
  return (await ex.run('UPDATE parties SET removed_at = ?, doc = ? WHERE id = ? AND removed_at IS NULL', [at, doc, id])) === 1;
}

export async function getAlert(ex: Executor, id: string): Promise<Alert | undefined> {
  const row = await ex.get<{ doc: string }>('SELECT doc FROM alerts WHERE id = ?', [id]);
  return row && (JSON.parse(row.doc) as Alert);
}

export async function alertsForPairs(ex: Executor, partyIds: string[]): Promise<Alert[]> {
  if (partyIds.length === 0) return [];
  const out: Alert[] = [];
  for (let i = 0; i < partyIds.length; i += 500) {
    const ids = partyIds.slice(i, i + 500);
    const docs = await ex.column<string>(`SELECT doc FROM alerts WHERE party_id IN (${ids.map(() => '?').join(', ')})`, ids);
    out.push(...docs.map((d) => JSON.parse(d) as Alert));
  }
  return out;
}

/** Insert or replace by id (the pair is unique: a second alert for the same pair is refused). */
export async function putAlert(ex: Executor, a: Alert): Promise<void> {
  const doc = JSON.stringify(a);
  const changed = await ex.run(
    `UPDATE alerts SET status = ?, changed = ?, score = ?, fingerprint = ?, snapshot_id = ?, updated_at = ?, doc = ? WHERE id = ?`,
    [a.status, a.changed ? 1 : 0, a.score, a.fingerprint, a.snapshotId ?? null, a.updatedAt, doc, a.id],
  );
  if (changed === 1) return;
  await ex.run(
    `INSERT INTO alerts (id, party_id, entity_id, source, snapshot_id, fingerprint, status, changed, score, created_at, updated_at, doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.id, a.partyId, a.entityId, a.source, a.snapshotId ?? null, a.fingerprint, a.status, a.changed ? 1 : 0, a.score, a.createdAt, a.updatedAt, doc],
  );
}

export async function insertAlerts(ex: Executor, maxParams: number, alerts: Alert[]): Promise<void> {
  await insertRows(ex, maxParams, 'alerts', ['id', 'party_id', 'entity_id', 'source', 'snapshot_id', 'fingerprint', 'status', 'changed', 'score', 'created_at', 'updated_at', 'doc'],
    alerts.map((a) => [a.id, a.partyId, a.entityId, a.source, a.snapshotId ?? null, a.fingerprint, a.status, a.changed ? 1 : 0, a.score, a.createdAt, a.updatedAt, JSON.stringify(a)]));
}

export async function listAlerts(ex: Executor, f: AlertFilter = {}): Promise<Alert[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) { where.push('status = ?'); params.push(f.status satisfies AlertStatus); }
  if (f.since) { where.push('updated_at >= ?'); params.push(f.since); }
  if (f.partyId) { where.push('party_id = ?'); params.push(f.partyId); }
  const sql = `SELECT doc FROM alerts${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id${f.limit ? ` LIMIT ${Math.floor(f.limit)}` : ''}`;
  return (await ex.column<string>(sql, params)).map((d) => JSON.parse(d) as Alert);
}

export async function countAlerts(ex: Executor, status?: AlertStatus): Promise<number> {
  const row = await ex.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM alerts${status ? ' WHERE status = ?' : ''}`, status ? [status] : []);
  return Number(row?.n ?? 0);
}

/** Id and name of registered parties in id order after `afterId`: what the delta pre-filter reads (no JSON). */
export async function partyNames(ex: Executor, afterId: string | undefined, limit: number): Promise<{ id: string; name: string }[]> {
  return ex.all<{ id: string; name: string }>(
    `SELECT id, name FROM parties WHERE removed_at IS NULL${afterId !== undefined ? ' AND id > ?' : ''} ORDER BY id LIMIT ${Math.floor(limit)}`,
    afterId !== undefined ? [afterId] : [],
  );
}

export async function partiesByIds(ex: Executor, ids: string[]): Promise<RegisteredParty[]> {
  const out: RegisteredParty[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const some = ids.slice(i, i + 500);
    const docs = await ex.column<string>(`SELECT doc FROM parties WHERE id IN (${some.map(() => '?').join(', ')}) AND removed_at IS NULL ORDER BY id`, some);
    out.push(...docs.map((d) => JSON.parse(d) as RegisteredParty));
  }
  return out;
}

/**
 * Entries of snapshot `currentId` whose stored document differs from every document of the same
 * entity in `previousId` (all of them when there is no previous snapshot), each with the previous
 * documents of its entity. The documents are compared as text, so the unchanged bulk of a list is
 * never parsed. (A NOT EXISTS join lets SQLite probe by snapshot instead of entity: minutes.)
 */
export async function entriesDifferingFrom(ex: Executor, previousId: number | undefined, currentId: number, hashInSql = false): Promise<{ entry: ListEntry; previous: ListEntry[] }[]> {
  // PostgreSQL: compare md5 digests computed by the server (shipping every document to the client
  // costs seconds of driver work); SQLite reads the text in process at memory speed.
  const col = hashInSql ? 'md5(doc)' : 'doc';
  const before = new Map<string, string[]>();
  if (previousId !== undefined) {
    for (const r of await ex.all<{ entity_id: string; d: string }>(`SELECT entity_id, ${col} AS d FROM list_entries WHERE snapshot_id = ?`, [previousId])) {
      const docs = before.get(r.entity_id);
      if (docs) docs.push(r.d); else before.set(r.entity_id, [r.d]);
    }
  }
  const differing = new Set<number>();
  for (const r of await ex.all<{ id: number | string; entity_id: string; d: string }>(`SELECT id, entity_id, ${col} AS d FROM list_entries WHERE snapshot_id = ?`, [currentId])) {
    if (!(before.get(r.entity_id) ?? []).includes(r.d)) differing.add(Number(r.id));
  }
  const ids = [...differing].sort((a, b) => a - b);
  const out: { entry: ListEntry; previous: ListEntry[] }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const some = ids.slice(i, i + 500);
    const docs = await ex.column<string>(`SELECT doc FROM list_entries WHERE id IN (${some.map(() => '?').join(', ')}) ORDER BY id`, some);
    for (const d of docs) out.push({ entry: JSON.parse(d) as ListEntry, previous: [] });
  }
  if (previousId === undefined) return out;
  const byId = new Map(out.map((o) => [o.entry.id, o.previous]));
  const entities = [...byId.keys()].filter((e) => before.has(e));
  for (let i = 0; i < entities.length; i += 500) {
    const some = entities.slice(i, i + 500);
    const prev = await ex.column<string>(`SELECT doc FROM list_entries WHERE snapshot_id = ? AND entity_id IN (${some.map(() => '?').join(', ')})`, [previousId, ...some]);
    for (const d of prev) { const e = JSON.parse(d) as ListEntry; byId.get(e.id)?.push(e); }
  }
  return out;
}
