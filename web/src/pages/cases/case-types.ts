// What the cases API returns (type-only; the server's own model types plus the view fields).
import type { CaseRecord, CaseState, DenialNotification } from '../../../../src/model/index.ts';

export type { CaseRecord, CaseState, DenialNotification };
export type { Consultation, Shipment, CaseTimelineEntry, PartnerDenialMatch } from '../../../../src/model/index.ts';

export interface ItemBalance {
  index: number;
  description: string;
  code?: string;
  licensedQuantity?: number;
  shippedQuantity: number;
  remainingQuantity?: number;
  licensedValue?: number;
  shippedValue: number;
  remainingValue?: number;
  currency?: string;
  usedUp: boolean;
}

export interface CaseView extends CaseRecord {
  next: { to: CaseState; label: string; allowed: boolean; blockedBy: { guard: string; reason: string }[] }[];
  licenceBalance?: ItemBalance[];
  openConsultations: string[];
}

export interface Difference { path: string; before: unknown; after: unknown }
export interface ReplayRun { outcome: string; same: boolean; differences: Difference[]; dataVersions: { lists: { id: string; version: number; date: string }[]; rules: { version: string; sha256: string } } }
export interface ReplayResult { caseId: string; asOf: string; stored: { outcome: string }; replay: ReplayRun; current?: ReplayRun; caveats: string[] }

export const STATES: CaseState[] = ['draft', 'submitted', 'under-assessment', 'in-consultation', 'approved', 'denied', 'withdrawn', 'exhausted', 'expired'];
