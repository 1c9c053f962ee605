// Licence cases, denial notifications, consultations, draw-down and the audit trail.
export { CaseService, type Actor, type CaseView, type TransitionRequest, type ConsultationRequest, type ConsultationResponse, type ShipmentRequest, type ExpirySweep } from './case-service.js';
export { TRANSITIONS, FINAL_STATES, findTransition, transitionsFrom, type Transition, type Role, type GuardName } from './transitions.js';
export { failedGuards, unansweredDenials } from './guards.js';
export { balances, checkShipment, fullyDrawnDown, type ItemBalance } from './drawdown.js';
export { matchPartnerDenials, notificationsForDenial, sameEntry, caseEntries, endUserOf } from './denials.js';
export { DENIAL_FILE_FORMAT, parseDenialFile, type DenialFile } from './denial-file.js';
export { verifyAuditChain, inputHash, type VerifyResult, type BrokenLink } from './audit-trail.js';
export { defaultActor, type AuditOptions } from './audit-calls.js';
export { replayCase, type ReplayResult } from './replay.js';
export { diffAssessments, type Difference } from './assessment-diff.js';
export { readTransactionFile, parseTransaction } from './transaction-input.js';
