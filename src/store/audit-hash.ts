// The audit chain's hash, exported so `vigil audit verify` recomputes exactly what the store wrote.
// hash = SHA-256(canonicalJson({seq, at, actor, action, subject, inputHash, outcome, dataVersions,
// detail, prevHash})), absent optional fields counted as null, object keys sorted at every level.
import { createHash } from 'node:crypto';
import type { AuditEvent } from '../model/index.js';

/** prevHash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth, no whitespace. Values go
 * through JSON semantics first (toJSON, undefined properties dropped), so a value and its JSON
 * round-trip canonicalise identically.
 */
export function canonicalJson(value: unknown): string {
  const plain = value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
  return write(plain);
}

function write(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(o[k])}`).join(',')}}`;
}

/** The fields the hash covers, with absent optional ones as null. */
export function auditHashInput(e: Omit<AuditEvent, 'hash'>): Record<string, unknown> {
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject ?? null,
    inputHash: e.inputHash ?? null,
    outcome: e.outcome ?? null,
    dataVersions: e.dataVersions ?? null,
    detail: e.detail ?? null,
    prevHash: e.prevHash,
  };
}

export function auditHash(e: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(auditHashInput(e)), 'utf8').digest('hex');
}
