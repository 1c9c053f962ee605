// Value lists the UI offers. Outcomes and end-use categories come from the model itself (those
// modules hold only types and constants, so nothing server-side is bundled).
export { END_USE_CATEGORIES, JURISDICTIONS } from '../../src/model/transaction.ts';
export { OUTCOMES } from '../../src/model/determination.ts';
export const ENTITY_TYPES = ['person', 'organization', 'vessel', 'aircraft'] as const;
export const PARTY_ROLES = ['end-user', 'consignee', 'intermediate-consignee', 'purchaser', 'agent', 'bank', 'freight-forwarder', 'other'] as const;
