// The case life cycle as a table: which state may follow which, who may move it, and what must be
// true first. The service consults this table and nothing else, so a new path is a new row.
import type { CaseState } from '../model/index.js';

export type Role = 'reader' | 'officer' | 'admin';

/** Named preconditions; their checks live in guards.ts. */
export type GuardName =
  | 'assessed' // a determination is stored with the case
  | 'consultations-answered' // every partner denial it matches has a consultation with a response
  | 'not-prohibited' // no jurisdiction whose law applies prohibits the transaction
  | 'licence-drawn-down' // every licensed quantity/value is used up
  | 'consultation-pending' // there is a partner denial to consult on
  | 'no-true-match'; // no party of the case is a registered party with a true-match alert

export interface Transition {
  from: CaseState;
  to: CaseState;
  roles: readonly Role[];
  guards: readonly GuardName[];
  /** What the move means, for help texts and the web page. */
  label: string;
}

const OFFICERS: readonly Role[] = ['officer', 'admin'];

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', roles: OFFICERS, guards: [], label: 'submit the application' },
  { from: 'draft', to: 'withdrawn', roles: OFFICERS, guards: [], label: 'withdraw' },
  { from: 'submitted', to: 'under-assessment', roles: OFFICERS, guards: [], label: 'start the assessment' },
  { from: 'submitted', to: 'withdrawn', roles: OFFICERS, guards: [], label: 'withdraw' },
  { from: 'under-assessment', to: 'in-consultation', roles: OFFICERS, guards: ['assessed', 'consultation-pending'], label: 'consult the partners that denied' },
  { from: 'under-assessment', to: 'approved', roles: OFFICERS, guards: ['assessed', 'not-prohibited', 'consultations-answered', 'no-true-match'], label: 'grant the licence' },
  { from: 'under-assessment', to: 'denied', roles: OFFICERS, guards: ['assessed'], label: 'deny the licence' },
  { from: 'under-assessment', to: 'withdrawn', roles: OFFICERS, guards: [], label: 'withdraw' },
  { from: 'in-consultation', to: 'under-assessment', roles: OFFICERS, guards: [], label: 'return to assessment' },
  { from: 'in-consultation', to: 'approved', roles: OFFICERS, guards: ['assessed', 'not-prohibited', 'consultations-answered', 'no-true-match'], label: 'grant the licence' },
  { from: 'in-consultation', to: 'denied', roles: OFFICERS, guards: ['assessed'], label: 'deny the licence' },
  { from: 'in-consultation', to: 'withdrawn', roles: OFFICERS, guards: [], label: 'withdraw' },
  { from: 'approved', to: 'exhausted', roles: OFFICERS, guards: ['licence-drawn-down'], label: 'close the licence as used up' },
  { from: 'approved', to: 'expired', roles: OFFICERS, guards: [], label: 'close the licence as expired' },
];

/** States a case never leaves. */
export const FINAL_STATES: readonly CaseState[] = ['denied', 'withdrawn', 'exhausted', 'expired'];

export function findTransition(from: CaseState, to: CaseState): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function transitionsFrom(from: CaseState): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from);
}
