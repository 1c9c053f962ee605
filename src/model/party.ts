// A registered counterparty and the alerts its screenings raise (issue 14).
import type { EntityType } from './list-entry.js';
import type { ScreeningHit } from './screening.js';

export interface RegisteredParty {
  id: string;
  name: string;
  type?: EntityType;
  /** ISO-2. */
  country?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD (persons). */
  birthDate?: string;
  /** Company or other registration number (organisations). */
  registrationNumber?: string;
  /** The caller's own reference (customer number…); unique among registered parties. */
  externalRef?: string;
  tags: string[];
  createdAt: string;
  removedAt?: string;
}

export const ALERT_STATUSES = ['open', 'true-match', 'false-positive', 'needs-information'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const REVIEW_DECISIONS = ['true-match', 'false-positive', 'needs-information'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface AlertReview {
  decision: ReviewDecision;
  actor: string;
  at: string;
  reason?: string;
}

/** One party ↔ list entry pair: raised by a screening hit, then reviewed by an officer. */
export interface Alert {
  id: string;
  partyId: string;
  partyName: string;
  entityId: string;
  source: string;
  /** Snapshot whose entry raised (or last changed) the alert. */
  snapshotId?: number;
  /** Hash of the listing's names, identifiers, birth dates, programmes and listing date. */
  fingerprint: string;
  status: AlertStatus;
  /** The listing changed since the alert was last reviewed (a suppressed false positive came back). */
  changed: boolean;
  score: number;
  hit: ScreeningHit;
  reviews: AlertReview[];
  createdAt: string;
  updatedAt: string;
}
