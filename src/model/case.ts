import type { Assessment, DataVersions } from './determination.js';
import type { Transaction } from './transaction.js';

export const CASE_STATES = [
  'draft', 'submitted', 'under-assessment', 'in-consultation',
  'approved', 'denied', 'withdrawn', 'exhausted', 'expired',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/**
 * A licence application through its life. Stored as one document per case (the store keeps
 * `id`, `state`, `applicant`, `destination`, `updatedAt` as indexed columns and the rest as JSON),
 * written with optimistic concurrency on `version`.
 */
export interface CaseRecord {
  id: string;
  reference: string;
  state: CaseState;
  applicant: string;
  destination: string;
  transaction: Transaction;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Everything else (timeline, determination, consultations, licence, shipments) — owned by src/cases/. */
  [key: string]: unknown;
  determination?: Assessment;
  dataVersions?: DataVersions;
}

export interface AuditEventInput {
  actor: string;
  action: string; // 'screen', 'assess', 'case.transition', 'lists.import', ...
  subject?: string; // case id, snapshot id, ...
  inputHash?: string;
  outcome?: string;
  dataVersions?: unknown;
  detail?: unknown;
}

export interface AuditEvent extends AuditEventInput {
  seq: number;
  at: string; // ISO timestamp
  prevHash: string; // hex SHA-256 of the previous event ('' x64 '0' for the first)
  hash: string; // hex SHA-256 over the canonical form of this event incl. prevHash
}

export interface ApiKeyRecord {
  id: string;
  role: 'reader' | 'officer' | 'admin';
  label?: string;
  /** SHA-256 of the secret, hex. The secret itself is never stored. */
  hash: string;
  createdAt: string;
  revokedAt?: string;
}

export interface DenialNotification {
  id: string; // globally unique reference, e.g. 'IT-2026-0001'
  issuer: string; // issuing government / instance
  regime: string;
  entries: string[];
  destination: string;
  endUser: string;
  reason: string;
  date: string;
  caseId?: string;
  importedAt?: string;
  [key: string]: unknown;
}
