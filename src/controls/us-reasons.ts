// US reasons for control and Commerce Country Chart columns, read from an ECCN's "License
// Requirements" table. Each row says which reason applies to which paragraphs and which chart
// column to use; a reason with no row (CW) or a row with no column (UN, some AT) stays a bare code
// so that the policy can see it and route it to the section the row cites.
import type { ChartControl } from '../model/controls.js';
import { paragraphsOverlap } from './code.js';

export type { ChartControl };
export interface ChartRowInput {
  control: string;
  countryChart: string;
}


export interface ReasonsForItem {
  /** 'NS2', 'RS1', 'AT1', 'CW', 'UN'… in the order the entry lists its reasons. */
  reasons: string[];
  /** Most restrictive column per reason that applies, e.g. { NS: 'NS2', AT: 'AT1' }. */
  chartColumns: Record<string, string>;
  /** The rows that apply (all rows when no paragraph was given). */
  controls: ChartControl[];
}

const REASON_WORDS: Record<string, string> = { 'FOREIGN POLICY': 'FP' };
const NOT_REFS = new Set(['e.g', 'i.e']);

/** 'NS, RS, AT, UN' / 'NS, MT and AT' / 'CW, AT.' → ['NS','RS','AT','UN']. */
export function parseReasonCodes(reasonForControl: string | null | undefined): string[] {
  if (!reasonForControl) return [];
  const out: string[] = [];
  for (const raw of reasonForControl.toUpperCase().split(/,|\bAND\b/)) {
    const phrase = raw.replace(/[.;]/g, '').trim();
    if (!phrase) continue;
    const word = REASON_WORDS[phrase];
    const codes = word ? [word] : phrase.split(/\s+/).map((c) => c.replace(/\s+/g, ''));
    // 'CC 1' names a column, not a reason: the licence-requirement rows give columns.
    for (const c of codes) if (c && !/^\d+$/.test(c) && !out.includes(c)) out.push(c);
  }
  return out;
}

export function parseChartRows(code: string, rows: ChartRowInput[]): ChartControl[] {
  return rows.map((row) => parseChartRow(code, row));
}

function parseChartRow(code: string, row: ChartRowInput): ChartControl {
  const text = row.control ?? '';
  const chart = row.countryChart ?? '';
  const reason = /^[^A-Za-z]*([A-Z]{2})\b/.exec(text)?.[1] ?? /^([A-Z]{2})\b/.exec(chart)?.[1] ?? '??';
  const column = columnOf(reason, chart);
  const [scopePart = '', exceptPart = ''] = text.split(/\bexcept\b/i);
  const paragraphs = refsIn(code, scopePart);
  const except = refsIn(code, exceptPart);
  const appliesTo: ChartControl['appliesTo'] = /entire entry/i.test(scopePart)
    ? 'entry'
    : paragraphs.length > 0
      ? 'paragraphs'
      : 'conditional';
  const out: ChartControl = { reason, appliesTo, text, chart };
  if (column) out.column = column;
  if (appliesTo === 'paragraphs') out.paragraphs = paragraphs;
  if (except.length && appliesTo === 'entry') out.except = except;
  return out;
}

function columnOf(reason: string, chart: string): string | undefined {
  for (const m of chart.matchAll(/\b([A-Z]{2})\s+Column\s+(\d)/g)) if (m[1] === reason) return `${reason}${m[2]}`;
  const bare = /^\s*Column\s+(\d)/i.exec(chart);
  return bare ? `${reason}${bare[1]}` : undefined;
}

/** Paragraph references in a row's wording, as full refs under `code`. */
export function refsIn(code: string, text: string): string[] {
  const out: string[] = [];
  let last: string | undefined;
  const re = /(\d[A-E]\d{3})((?:\.[a-z0-9]+)+)|(?<![\w.])(\.?[a-z](?:\.(?:\d{1,2}|[a-z]))+|\.\d{1,2}|\.[a-z])(?![\w])/g;
  for (const m of text.matchAll(re)) {
    let ref: string | undefined;
    if (m[1]) {
      if (m[1] !== code) continue;
      ref = `${code}${m[2]!.replace(/\.$/, '')}`;
    } else {
      const bare = m[3]!.replace(/\.$/, '');
      if (NOT_REFS.has(bare)) continue;
      const parts = bare.replace(/^\./, '').split('.');
      if (parts.length === 1 && last) {
        // '.16' after '1C351.d.15' is a sibling; a letter after a number path starts at the entry.
        const lastParts = last.split('.');
        const sameKind = /^\d+$/.test(parts[0]!) === /^\d+$/.test(lastParts[lastParts.length - 1]!);
        ref = sameKind && lastParts.length > 2 ? [...lastParts.slice(0, -1), parts[0]].join('.') : `${code}.${parts[0]}`;
      } else {
        ref = `${code}.${parts.join('.')}`;
      }
    }
    last = ref;
    if (!out.includes(ref)) out.push(ref);
  }
  return out;
}

function applies(row: ChartControl, paragraph: string | undefined): boolean {
  if (!paragraph) return true;
  if (row.appliesTo === 'entry') return !(row.except ?? []).some((x) => paragraph === x || paragraph.startsWith(`${x}.`));
  if (row.appliesTo === 'paragraphs') return (row.paragraphs ?? []).some((p) => paragraphsOverlap(p, paragraph));
  return true; // a condition in words: the policy must see it
}

/** Reasons and chart columns for the entry, narrowed to the paragraph when one is known. */
export function reasonsFor(reasonCodes: string[], rows: ChartControl[], paragraph?: string): ReasonsForItem {
  const reasons: string[] = [];
  const chartColumns: Record<string, string> = {};
  const controls: ChartControl[] = [];
  const all = [...reasonCodes];
  for (const r of rows) if (!all.includes(r.reason) && r.reason !== '??') all.push(r.reason);
  for (const reason of all) {
    const own = rows.filter((r) => r.reason === reason);
    if (own.length === 0) {
      if (!reasons.includes(reason)) reasons.push(reason);
      continue;
    }
    for (const row of own.filter((r) => applies(r, paragraph))) {
      controls.push(row);
      const label = row.column ?? reason;
      if (!reasons.includes(label)) reasons.push(label);
      if (row.column) {
        const prev = chartColumns[reason];
        if (!prev || row.column < prev) chartColumns[reason] = row.column;
      }
    }
  }
  return { reasons, chartColumns, controls };
}
