// The append-only, hash-chained audit trail. Appends run inside a transaction holding the
// backend's audit lock, so seq and prevHash are read and written by one writer at a time.
import type { AuditEvent, AuditEventInput } from '../../model/index.js';
import { GENESIS_HASH, auditHash } from '../audit-hash.js';
import type { Executor } from './executor.js';

interface AuditRow {
  seq: number; at: string; actor: string; action: string; subject: string | null; input_hash: string | null;
  outcome: string | null; data_versions: string | null; detail: string | null; prev_hash: string; hash: string;
}

const COLUMNS = 'seq, at, actor, action, subject, input_hash, outcome, data_versions, detail, prev_hash, hash';

function toEvent(r: AuditRow): AuditEvent {
  const e: AuditEvent = { seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, prevHash: r.prev_hash, hash: r.hash };
  if (r.subject !== null) e.subject = r.subject;
  if (r.input_hash !== null) e.inputHash = r.input_hash;
  if (r.outcome !== null) e.outcome = r.outcome;
  if (r.data_versions !== null) e.dataVersions = JSON.parse(r.data_versions);
  if (r.detail !== null) e.detail = JSON.parse(r.detail);
  return e;
}

/** JSON text of a value, or null when absent (absent and null hash alike). */
function jsonOrNull(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return JSON.stringify(v) ?? null;
}

/** Call inside a transaction that holds the audit lock. */
export async function appendAudit(ex: Executor, input: AuditEventInput): Promise<AuditEvent> {
  const last = await ex.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const dataVersions = jsonOrNull(input.dataVersions);
  const detail = jsonOrNull(input.detail);
  // Build the event from what will be stored, so that the hash is recomputable from the rows.
  const row: AuditRow = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject ?? null,
    input_hash: input.inputHash ?? null,
    outcome: input.outcome ?? null,
    data_versions: dataVersions,
    detail,
    prev_hash: last?.hash ?? GENESIS_HASH,
    hash: '',
  };
  const event = toEvent(row);
  row.hash = event.hash = auditHash(event);
  await ex.run(`INSERT INTO audit_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    row.seq, row.at, row.actor, row.action, row.subject, row.input_hash, row.outcome, row.data_versions,
    row.detail, row.prev_hash, row.hash,
  ]);
  return event;
}

export async function listAudit(ex: Executor, opts: { afterSeq?: number; limit?: number } = {}): Promise<AuditEvent[]> {
  const params: unknown[] = [opts.afterSeq ?? 0];
  let sql = `SELECT ${COLUMNS} FROM audit_events WHERE seq > ? ORDER BY seq`;
  if (opts.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(opts.limit);
  }
  return (await ex.all<AuditRow>(sql, params)).map(toEvent);
}
