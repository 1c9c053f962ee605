// Control entries from the US Commerce Control List snapshot (data/controls/us-ear/ccl.json) and
// the supplement of entries that snapshot lacks (data/controls/supplement.json), with the EU list
// status of each code derived from its numbering.
import type { ControlEntry, Regime } from '../model/controls.js';
import type { ControlSources } from './sources.js';
import { PATHOGEN_FILE } from './chemicals.js';
import type { EuListScope } from './eu-list.js';
import { parseChartRows, parseReasonCodes, type ChartControl, type ChartRowInput } from './us-reasons.js';

interface CclItem { paragraph: string | null; kind: string; depth: number; text: string }
interface CclEntry {
  eccn: string;
  heading: string;
  reasonForControl: string | null;
  countryChart: ChartRowInput[];
  licenceExceptionFlags: Record<string, string>;
  relatedControls: string | null;
  items?: CclItem[];
  topLevelParagraphs?: Record<string, string>;
}
interface CclFile { citation: string; ecfrIssueDate: string; entries: CclEntry[] }
interface SupplementEntry {
  code: string;
  title: string;
  jurisdictions: string[];
  reasonForControl?: string;
  countryChart?: ChartRowInput[];
  notes?: string;
  usCounterpart?: string;
  verify?: boolean;
  /** For entries whose code names no regime (the CWC schedule entries). */
  regimes?: Regime[];
  paragraphs?: { ref: string; text: string }[];
}

/** A control entry as the catalogue keeps it: the shared shape plus what classification needs. */
export interface CatalogEntry extends ControlEntry {
  reasonCodes: string[];
  /** Licence-requirement rows as the data gives them; parsed on first use by chartControlsOf(). */
  chartRows: ChartRowInput[];
  chartControls?: ChartControl[];
  /** Paragraph ref → text. */
  paragraphText: Map<string, string>;
  /** Paragraph ref → our own summary, where the list text is not carried (synonyms.json). */
  summaries: Map<string, string>;
  /** Why the EU list does not carry it, when it does not. */
  euNote?: string;
  euCounterpart?: string;
  usCounterpart?: string;
  /** Source notes shown with every answer about this entry. */
  notes: string[];
  source: string;
}

export interface CatalogData {
  entries: Map<string, CatalogEntry>;
  cclIssueDate: string;
}

export function loadEntries(eu: EuListScope, src: ControlSources): CatalogData {
  const ccl = src.json<CclFile>('us-ear/ccl.json');
  const entries = new Map<string, CatalogEntry>();
  for (const e of ccl.entries) entries.set(e.eccn, fromCcl(e, eu, ccl.ecfrIssueDate));
  addPathogenParagraphs(entries.get('1C351'), src);
  const supplement = src.json<{ entries: SupplementEntry[] }>('supplement.json');
  for (const s of supplement.entries) if (!entries.has(s.code)) entries.set(s.code, fromSupplement(s, eu));
  return { entries, cclIssueDate: ccl.ecfrIssueDate };
}

function fromCcl(e: CclEntry, eu: EuListScope, issueDate: string): CatalogEntry {
  const status = eu.status(e.eccn);
  const reasonCodes = parseReasonCodes(e.reasonForControl);
  const paragraphText = paragraphsOf(e);
  const flags = e.licenceExceptionFlags ?? {};
  const entry: CatalogEntry = {
    code: e.eccn,
    title: cleanText(e.heading),
    regimes: regimesOf(status.regime),
    reasons: [],
    jurisdictions: status.onEuList ? ['US', 'EU'] : ['US'],
    licenceExceptions: Object.keys(flags).filter((k) => !/^N\/A/i.test(flags[k] ?? '')),
    licenceExceptionFlags: flags,
    relatedControls: e.relatedControls ?? undefined,
    paragraphs: [...paragraphText].map(([ref, text]) => ({ ref, text })),
    reasonCodes,
    chartRows: e.countryChart ?? [],
    paragraphText,
    summaries: new Map(),
    euNote: status.onEuList ? undefined : status.why,
    euCounterpart: status.euCounterpart,
    notes: [],
    source: `15 C.F.R. Part 774 Supp. 1 (eCFR ${issueDate})`,
  };
  if (/subject to the ITAR/i.test(e.heading)) entry.notes.push('The heading says these items are subject to the ITAR (22 CFR 120–130).');
  return entry;
}

function fromSupplement(s: SupplementEntry, eu: EuListScope): CatalogEntry {
  const regime = /^\d[A-E]\d{3}$/.test(s.code) ? eu.regimeOf(s.code) : undefined;
  const paragraphText = new Map((s.paragraphs ?? []).map((p) => [p.ref, p.text] as [string, string]));
  const notes = [s.notes, s.verify ? 'Entry summarised in our own words from general knowledge of the list; verify against the official text.' : undefined]
    .filter((n): n is string => !!n);
  return {
    code: s.code,
    title: s.title,
    regimes: s.regimes ?? regimesOf(regime),
    reasons: [],
    jurisdictions: s.jurisdictions,
    paragraphs: s.paragraphs,
    reasonCodes: parseReasonCodes(s.reasonForControl),
    chartRows: s.countryChart ?? [],
    paragraphText,
    summaries: new Map(),
    usCounterpart: s.usCounterpart,
    euNote: s.jurisdictions.includes('EU') ? undefined : 'not on the EU dual-use list',
    notes,
    source: 'data/controls/supplement.json (summary, not the legal text)',
  };
}

/** The entry's licence-requirement rows, parsed once (most entries are never asked about). */
export function chartControlsOf(entry: CatalogEntry): ChartControl[] {
  entry.chartControls ??= parseChartRows(entry.code, entry.chartRows);
  return entry.chartControls;
}

function regimesOf(regime: Regime | undefined): Regime[] {
  return regime ? [regime] : [];
}

/** Item paragraphs as full refs: top-level from topLevelParagraphs, deeper ones from the items. */
function paragraphsOf(e: CclEntry): Map<string, string> {
  const out = new Map<string, string>();
  // Paragraph text is kept as published (typographic quotes included); only headings are tidied.
  for (const [p, text] of Object.entries(e.topLevelParagraphs ?? {})) out.set(`${e.eccn}.${p}`, text);
  for (const it of e.items ?? []) {
    // Single letters at depth 1 are either the top-level paragraphs (already taken) or lettered
    // sub-points of a note, which must not shadow them.
    if (it.kind !== 'item' || !it.paragraph || !it.paragraph.includes('.')) continue;
    const ref = `${e.eccn}.${it.paragraph}`;
    if (!out.has(ref)) out.set(ref, it.text);
  }
  return out;
}

function addPathogenParagraphs(entry: CatalogEntry | undefined, src: ControlSources): void {
  if (!entry) return;
  for (const r of src.csv(PATHOGEN_FILE)) {
    const ref = r.eccn_paragraph!;
    if (!entry.paragraphText.has(ref)) entry.paragraphText.set(ref, r.text ?? '');
  }
  entry.paragraphs = [...entry.paragraphText].map(([ref, text]) => ({ ref, text }));
}

function cleanText(s: string): string {
  return s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}
