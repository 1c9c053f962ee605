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
  /** When the stored determination was made, and by whom. */
  assessedAt?: string;
  assessedBy?: string;
  timeline?: CaseTimelineEntry[];
  /** Partners' denials this case is essentially identical to (flagged `consultation-required`). */
  partnerDenials?: PartnerDenialMatch[];
  consultations?: Consultation[];
  licence?: Licence;
  shipments?: Shipment[];
  /** Denial notifications this instance issued when it denied the case. */
  denialNotifications?: string[];
}

/** One step of a case's life, newest last. */
export interface CaseTimelineEntry {
  at: string;
  actor: string;
  action: string; // 'created', 'transition', 'assessed', 'consultation-requested', 'shipment', ...
  from?: CaseState;
  to?: CaseState;
  reason?: string;
  detail?: unknown;
}

/** A partner's denial that matched this case, with why it matched. */
export interface PartnerDenialMatch {
  reference: string; // DenialNotification.id
  issuer: string;
  entries: string[]; // control entries in common
  destination: string;
  endUser: string; // as the partner wrote it
  nameScore: number;
}

/** "No undercut": before approving, the officer consults the partner that denied. */
export interface Consultation {
  id: string;
  denialReference: string;
  partner: string;
  requestedAt: string; // YYYY-MM-DD
  requestedBy: string;
  message: string;
  response?: {
    receivedAt: string; // YYYY-MM-DD
    recordedBy: string;
    /** What the partner said: it maintains its denial, has no objection, or gave no answer in time. */
    position: 'maintains-denial' | 'no-objection' | 'no-response';
    message: string;
  };
}

/** What an approved licence allows, per transaction item. */
export interface LicenceItem {
  index: number; // transaction item index
  description: string;
  code?: string;
  quantity?: number;
  unit?: string;
  value?: number;
  currency?: string;
}

export interface Licence {
  number: string;
  issuedAt: string; // YYYY-MM-DD
  validUntil: string; // YYYY-MM-DD, last day a shipment may leave
  items: LicenceItem[];
}

export interface ShipmentLine {
  index: number; // licence item index
  quantity?: number;
  value?: number;
}

export interface Shipment {
  id: string;
  date: string; // YYYY-MM-DD
  recordedAt: string;
  recordedBy: string;
  reference?: string; // customs declaration, bill of lading...
  lines: ShipmentLine[];
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
