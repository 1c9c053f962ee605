import type { ItemClassification } from './controls.js';
import type { ListVersion, } from './list-entry.js';
import type { ScreeningHit } from './screening.js';

/** Most to least restrictive. */
export const OUTCOMES = ['prohibited', 'denial-presumed', 'licence-required', 'no-licence-required'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Reason {
  ruleId: string;
  effect: Outcome | 'red-flag' | 'info';
  citation: string;
  summary: string;
  from: string | null;
  to: string | null;
  /** Which item / party / condition triggered it. */
  subject?: string;
}

/** A procedure the law demands beside (not instead of) the outcome, with its citation. */
export interface Requirement {
  id: string;
  text: string;
  citation: string;
  /** The rule or measure that imposes it. */
  ruleId: string;
  subject?: string;
}

export interface Determination {
  jurisdiction: string;
  applies: boolean;
  nexus: string;
  outcome: Outcome;
  reasons: Reason[];
  /** Procedures required beside the outcome (notifications, end-use certificates, the authority's assessment). */
  requirements: Requirement[];
  /** Checks this jurisdiction's model does not perform (never silent). */
  notModelled: string[];
  caveats: string[];
}

export interface RedFlag {
  code: string;
  message: string;
  subject?: string;
}

export interface PartyScreening {
  role: string;
  name: string;
  country?: string;
  hits: ScreeningHit[];
}

export interface DataVersions {
  lists: ListVersion[];
  rules: { version: string; sha256: string };
  controls: { version: string; sha256?: string; euRegulation?: string };
}

export interface Assessment {
  asOf: string;
  determinations: Determination[];
  divergent: boolean;
  items: ItemClassification[];
  screening: PartyScreening[];
  redFlags: RedFlag[];
  dataVersions: DataVersions;
  caveats: string[];
}
