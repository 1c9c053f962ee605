import type { EntityType, ListVersion } from './list-entry.js';

export interface ScreenQuery {
  name: string;
  type?: EntityType;
  country?: string;
  birthYear?: number;
  threshold?: number;
  limit?: number;
}

/** How one query token met one list token. */
export interface TokenMatch {
  query: string;
  matched: string | null;
  /** 'exact' | 'equivalent' | 'phonetic' | 'fuzzy' | 'initial' | 'unmatched' ... */
  how: string;
  score: number;
  weight: number;
}

export interface Explanation {
  tokens: TokenMatch[];
  /** Human sentences: "birth year 1942 differs from 1950 (-0.10)". */
  notes: string[];
  nameScore: number;
  adjustments: { reason: string; delta: number }[];
}

export interface ScreeningHit {
  list: string; // sub-list, e.g. 'SDN'
  source: string; // source id, e.g. 'us-csl'
  entityId: string;
  name: string; // the entity's primary name
  matchedName: string; // the name (alias/original script) that matched
  score: number; // [0,1]
  type: EntityType;
  programs: string[];
  countries: string[];
  explanation: Explanation;
  /** The listing's licence requirement and review policy, where the list states them (BIS Entity List). */
  licenseRequirement?: string;
  licensePolicy?: string;
}

export interface ScreenResult {
  query: ScreenQuery;
  threshold: number;
  lists: ListVersion[];
  hits: ScreeningHit[];
}

export interface CompareResult {
  a: string;
  b: string;
  score: number;
  match: boolean;
  explanation: Explanation;
}
