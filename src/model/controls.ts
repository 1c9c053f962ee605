export type Regime = 'WA' | 'NSG' | 'MTCR' | 'AG' | 'CWC';

export interface ControlEntry {
  code: string; // '1C350', '6A003'
  title: string;
  regimes: Regime[];
  /** US reasons for control: 'NP1', 'CB2', 'MT1', 'NS2', 'AT1'... */
  reasons: string[];
  /** Jurisdictions whose list carries this entry: 'US', 'EU'. */
  jurisdictions: string[];
  /** Country-chart column per reason, e.g. { NS: 'NS2', RS: 'RS2', AT: 'AT1' }. */
  chartColumns?: Record<string, string>;
  licenceExceptions?: string[];
  relatedControls?: string;
  paragraphs?: { ref: string; text: string }[];
  cas?: string[];
  /** CWC schedule ('1', '2', '3'), where the entry or chemical sits on one. */
  cwcSchedule?: string;
}

export interface ClassificationResult {
  code: string;
  title: string;
  regimes: Regime[];
  reasons: string[];
  jurisdictions: string[];
  score: number;
  matchedOn: 'code' | 'cas' | 'text';
  /** Paragraph the query resolved to, e.g. '6A003.b.4'. */
  paragraph?: string;
  snippet?: string;
  cas?: string;
  chemical?: string;
  cwcSchedule?: string;
}

export interface ClassifyResponse {
  query: string;
  results: ClassificationResult[];
  /** The EU regulation in force for the date asked (or today). */
  euRegulation?: string;
}

/** What the assessment knows about one transaction item after classification. */
export interface ItemClassification {
  index: number;
  description: string;
  /** True when resolved exactly by code or CAS. */
  classified: boolean;
  entries: ClassificationResult[];
  /** Ranked suggestions when only a description was given. */
  suggestions: ClassificationResult[];
  cwcSchedule?: string;
  notes: string[];
}
