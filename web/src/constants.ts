// Value lists the UI offers. Outcomes and end-use categories come from the model itself (those
// modules hold only types and constants, so nothing server-side is bundled).
export { END_USE_CATEGORIES } from '../../src/model/transaction.ts';
import { JURISDICTIONS as ASSESSED_BY_DEFAULT, ON_REQUEST_JURISDICTIONS } from '../../src/model/transaction.ts';
/** Every jurisdiction the form offers: the four assessed by default, then those assessed only when ticked (UK). */
export const JURISDICTIONS = [...ASSESSED_BY_DEFAULT, ...ON_REQUEST_JURISDICTIONS] as const;
export { OUTCOMES } from '../../src/model/determination.ts';
export const ENTITY_TYPES = ['person', 'organization', 'vessel', 'aircraft'] as const;
export const PARTY_ROLES = ['end-user', 'consignee', 'intermediate-consignee', 'purchaser', 'agent', 'bank', 'freight-forwarder', 'other'] as const;
