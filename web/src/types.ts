// The JSON the API returns: the domain types the server itself uses (type-only, nothing bundled).
export type {
  Assessment, ClassificationResult, ClassifyResponse, CompareResult, Determination, Explanation, ItemClassification,
  ListVersion, Outcome, PartyScreening, Reason, RedFlag, ScreenQuery, ScreenResult, ScreeningHit, Snapshot,
  TokenMatch, Transaction, Party, Item, EndUseCategory, EntityType,
} from '../../src/model/index.ts';
export { END_USE_CATEGORIES, OUTCOMES } from './constants.ts';

export interface ListStatus {
  source: string;
  snapshotId: number;
  format: string;
  listDate: string;
  ageDays: number;
  entryCount: number;
  nameCount: number;
  importedAt: string;
  activatedAt?: string;
  fileName: string;
  sha256: string;
}

export interface BatchRecord {
  row: number;
  input: { name: string; type?: string; country?: string; birthYear?: number };
  hits: import('../../src/model/index.ts').ScreeningHit[];
}
