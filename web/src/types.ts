// The JSON the API returns: the domain types the server itself uses (type-only, nothing bundled).
export type {
  Assessment, ClassificationResult, ClassifyResponse, CompareResult, Determination, Explanation, ItemClassification,
  ListVersion, Outcome, PartyScreening, Reason, RedFlag, ScreenQuery, ScreenResult, ScreeningHit, Snapshot,
  TokenMatch, Transaction, Party, Item, EndUseCategory, EntityType,
} from '../../src/model/index.ts';
export { END_USE_CATEGORIES, OUTCOMES } from './constants.ts';

/** GET /api/lists — the `vigil lists status --json` document. */
export type { ListStatus, StatusReport } from '../../src/lists/status.ts';

export interface BatchRecord {
  row: number;
  input: { name: string; type?: string; country?: string; birthYear?: number };
  hits: import('../../src/model/index.ts').ScreeningHit[];
}
