// The append-only, hash-chained audit trail. Appends hold the backend's audit lock, so seq and
// prevHash are read and written by one writer at a time.
import type { AuditEvent, AuditEventInput } from '../../model/index.js';
import { GENESIS_HASH, auditHash } from '../audit-hash.js';
import type { Executor } from './executor.js';
import type { AuditListOptions } from '../store.js';

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

/** The chain's last link. */
export interface AuditTail { seq: number; hash: string }

/** The row and event for `input` appended after `tail`, hashed over what will be stored. */
function nextLink(input: AuditEventInput, tail: AuditTail | undefined): { row: AuditRow; event: AuditEvent } {
  const row: AuditRow = {
    seq: tail ? tail.seq + 1 : 1,
    at: new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject ?? null,
    input_hash: input.inputHash ?? null,
    outcome: input.outcome ?? null,
    data_versions: jsonOrNull(input.dataVersions),
    detail: jsonOrNull(input.detail),
    prev_hash: tail?.hash ?? GENESIS_HASH,
    hash: '',
  };
  const event = toEvent(row);
  row.hash = event.hash = auditHash(event);
  return { row, event };
}

const rowValues = (r: AuditRow) => [
  r.seq, r.at, r.actor, r.action, r.subject, r.input_hash, r.outcome, r.data_versions, r.detail, r.prev_hash, r.hash,
];

/** Call inside a transaction that holds the audit lock. */
export async function appendAudit(ex: Executor, input: AuditEventInput): Promise<AuditEvent> {
  const last = await ex.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const { row, event } = nextLink(input, last ? { seq: Number(last.seq), hash: last.hash } : undefined);
  await ex.run(`INSERT INTO audit_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, rowValues(row));
  return event;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Outside any transaction, in one statement and so one round trip (PostgreSQL): append `input`
 * after `tail`, a guess of the chain's last link, holding the audit lock for the statement's own
 * transaction (`lockQuery`, a CTE) so that locked transactional appends are never overtaken.
 * Returns undefined, having written nothing, when `tail` is no longer the last link: the row is
 * inserted only if `tail` is still stored and nothing follows it, and a writer that committed while
 * this statement waited for the lock makes the insert fail on the seq key instead. Either way the
 * chain stays linear: seq is unique and every row names its stored predecessor.
 */
export async function appendAuditAfter(
  ex: Executor, input: AuditEventInput, tail: AuditTail | undefined, lockQuery: string,
): Promise<AuditEvent | undefined> {
  const { row, event } = nextLink(input, tail);
  const predecessor = tail ? 'EXISTS (SELECT 1 FROM audit_events WHERE seq = ? AND hash = ?)' : 'TRUE';
  // INSERT … SELECT types bare parameters as text: seq needs its cast.
  const sql = `WITH audit_lock AS (${lockQuery})
    INSERT INTO audit_events (${COLUMNS})
    SELECT CAST(? AS BIGINT), ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM audit_lock
    WHERE NOT EXISTS (SELECT 1 FROM audit_events WHERE seq > ?) AND ${predecessor}`;
  const params = [...rowValues(row), tail?.seq ?? 0, ...(tail ? [tail.seq, tail.hash] : [])];
  try {
    return (await ex.run(sql, params, { reuse: true })) === 1 ? event : undefined;
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
    throw err;
  }
}

export async function listAudit(ex: Executor, opts: AuditListOptions = {}): Promise<AuditEvent[]> {
  const where = ['seq > ?'];
  const params: unknown[] = [opts.afterSeq ?? 0];
  if (opts.beforeSeq !== undefined) { where.push('seq < ?'); params.push(opts.beforeSeq); }
  if (opts.action !== undefined) { where.push('action = ?'); params.push(opts.action); }
  if (opts.subject !== undefined) { where.push('subject = ?'); params.push(opts.subject); }
  if (opts.actorContains !== undefined) {
    // LIKE with '!' as the escape character, so a typed % or _ is matched as itself (SQLite and PostgreSQL alike).
    where.push("LOWER(actor) LIKE ? ESCAPE '!'");
    params.push(`%${opts.actorContains.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`);
  }
  let sql = `SELECT ${COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq${opts.newestFirst ? ' DESC' : ''}`;
  if (opts.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(opts.limit);
  }
  return (await ex.all<AuditRow>(sql, params)).map(toEvent);
}
