// Licence cases (indexed columns + the whole record as JSON, optimistic concurrency on version)
// and denial notifications (one JSON document each, upserted by their global reference).
import type { CaseRecord, DenialNotification } from '../../model/index.js';
import type { CaseFilter } from '../store.js';
import type { Executor } from './executor.js';

export async function insertCase(ex: Executor, c: CaseRecord): Promise<void> {
  await ex.run(
    `INSERT INTO cases (id, reference, state, applicant, destination, created_at, updated_at, version, doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [c.id, c.reference, c.state, c.applicant, c.destination, c.createdAt, c.updatedAt, c.version, JSON.stringify(c)],
  );
}

export async function updateCase(ex: Executor, c: CaseRecord): Promise<boolean> {
  const changed = await ex.run(
    `UPDATE cases SET reference = ?, state = ?, applicant = ?, destination = ?, updated_at = ?, version = ?, doc = ?
     WHERE id = ? AND version = ?`,
    [c.reference, c.state, c.applicant, c.destination, c.updatedAt, c.version, JSON.stringify(c), c.id, c.version - 1],
  );
  return changed === 1;
}

export async function getCase(ex: Executor, id: string): Promise<CaseRecord | undefined> {
  const row = await ex.get<{ doc: string }>('SELECT doc FROM cases WHERE id = ?', [id]);
  return row && (JSON.parse(row.doc) as CaseRecord);
}

export async function listCases(ex: Executor, f: CaseFilter = {}): Promise<CaseRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.state) { where.push('state = ?'); params.push(f.state); }
  if (f.applicant) { where.push('applicant = ?'); params.push(f.applicant); }
  if (f.destination) { where.push('destination = ?'); params.push(f.destination); }
  let sql = `SELECT doc FROM cases${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id`;
  if (f.limit !== undefined) { sql += ' LIMIT ?'; params.push(f.limit); }
  return (await ex.column<string>(sql, params)).map((d) => JSON.parse(d) as CaseRecord);
}

export async function putDenialNotification(ex: Executor, n: DenialNotification): Promise<void> {
  await ex.run(
    `INSERT INTO denial_notifications (id, issuer, destination, date, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET issuer = excluded.issuer, destination = excluded.destination,
       date = excluded.date, doc = excluded.doc`,
    [n.id, n.issuer, n.destination, n.date, JSON.stringify(n)],
  );
}

export async function listDenialNotifications(ex: Executor): Promise<DenialNotification[]> {
  return (await ex.column<string>('SELECT doc FROM denial_notifications ORDER BY date, id')).map(
    (d) => JSON.parse(d) as DenialNotification,
  );
}
