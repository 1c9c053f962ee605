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
  /** Licence-exception flags as the CCL states them, e.g. { LVS: '$1500', GBS: 'N/A' }. */
  licenceExceptionFlags?: Record<string, string>;
  relatedControls?: string;
  paragraphs?: { ref: string; text: string }[];
  cas?: string[];
  /** CWC schedule ('1', '2', '3'), where the entry or chemical sits on one. */
  cwcSchedule?: string;
}

/** One row of an ECCN's licence-requirements table: a reason, its chart column and what it covers. */
export interface ChartControl {
  reason: string;
  /** 'NS2', 'CB1'…; absent when the chart is not used for this row (UN, CW, worldwide rows). */
  column?: string;
  /** 'entry': the whole entry (minus `except`); 'paragraphs': only those; 'conditional': a condition in words. */
  appliesTo: 'entry' | 'paragraphs' | 'conditional';
  paragraphs?: string[];
  except?: string[];
  /** The row as written: what the reason applies to. */
  text: string;
  /** The country-chart cell as written. */
  chart: string;
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
  /**
   * A paragraph asked for that the list text carried does not have ('6A003.z.77'): the entry (and
   * `paragraph`, its deepest known ancestor, if any) matched; this one is unknown.
   */
  unknownParagraph?: string;
  snippet?: string;
  cas?: string;
  chemical?: string;
  cwcSchedule?: string;
  /** 'CWC Schedule 2.B.13' — the chemical's line in the CWC Schedules. */
  cwcItem?: string;
  /** Country-chart column per reason (most restrictive that applies), e.g. { NS: 'NS2', AT: 'AT1' }. */
  chartColumns?: Record<string, string>;
  /** The licence-requirement rows behind `reasons`, narrowed to `paragraph` when one is known. */
  controls?: ChartControl[];
  licenceExceptions?: string[];
  relatedControls?: string;
  /** Text of `paragraph` where the list text is carried. */
  paragraphText?: string;
  /** Why the EU list does not carry this entry (when `jurisdictions` lacks 'EU'). */
  euNote?: string;
  /** Caveats: summaries not legal text, ITAR headings, exemptions, conditions. */
  notes?: string[];
  /** Which data file the entry comes from. */
  source?: string;
}

export interface ClassifyResponse {
  query: string;
  results: ClassificationResult[];
  /** The EU regulation in force for the date asked (or today). */
  euRegulation?: string;
  /** The date the answer is for (YYYY-MM-DD). */
  asOf?: string;
  /** What the answer could not settle: unknown codes, exempt chemicals, list-text dates. */
  notes?: string[];
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
  /** A designation that is not a list entry: 'EAR99' (subject to the EAR, on no CCL entry), 'annex' (a regime annex code). */
  designation?: 'EAR99' | 'annex';
  notes: string[];
  /** The EU regulation in force on the date of the assessment. */
  euRegulation?: string;
}
