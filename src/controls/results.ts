// Building one ClassificationResult from a catalogue entry: reasons and chart columns narrowed to
// the paragraph, the EU status, the CWC schedule, and the caveats that travel with the entry.
import type { ClassificationResult } from '../model/controls.js';
import { chartControlsOf, type CatalogEntry } from './ccl.js';
import type { ChemicalListing, ChemicalRegistry } from './chemicals.js';
import { reasonsFor } from './us-reasons.js';

export interface ResultInput {
  matchedOn: ClassificationResult['matchedOn'];
  score: number;
  paragraph?: string;
  snippet?: string;
  chemical?: ChemicalListing;
  extraNotes?: string[];
}

export function buildResult(entry: CatalogEntry, chemicals: ChemicalRegistry, input: ResultInput): ClassificationResult {
  const paragraph = input.paragraph && input.paragraph !== entry.code ? input.paragraph : undefined;
  const { reasons, chartColumns, controls } = reasonsFor(entry.reasonCodes, chartControlsOf(entry), paragraph);
  const paragraphText = paragraph ? textOf(entry, paragraph) : undefined;
  const cwcSchedule = input.chemical ? input.chemical.cwcSchedule : scheduleOf(entry, paragraph, chemicals);
  const notes = [...entry.notes, ...(input.extraNotes ?? [])];
  if (input.chemical?.cwcExempt) notes.push(`${input.chemical.cwcItem}: the CWC Schedules name this chemical as exempt from that family.`);
  if (!cwcSchedule && !paragraph && entry.code === '1C350') {
    notes.push('1C350 lists Schedule 2 (.b), Schedule 3 (.c) and AG-only (.d) precursors: give the paragraph or the CAS number to settle the CWC schedule.');
  }
  if (controls.some((c) => c.appliesTo === 'conditional')) {
    notes.push('Some reasons for control apply only under a condition stated in words (see controls[].text).');
  }
  const r: ClassificationResult = {
    code: entry.code,
    title: entry.title,
    regimes: cwcSchedule && !entry.regimes.includes('CWC') ? [...entry.regimes, 'CWC'] : [...entry.regimes],
    reasons,
    jurisdictions: [...entry.jurisdictions],
    score: round(input.score),
    matchedOn: input.matchedOn,
  };
  if (paragraph) r.paragraph = paragraph;
  if (paragraphText) r.paragraphText = paragraphText;
  if (input.snippet) r.snippet = input.snippet;
  if (input.chemical) {
    r.cas = input.chemical.cas;
    r.chemical = input.chemical.name;
    if (input.chemical.cwcItem) r.cwcItem = input.chemical.cwcItem;
  }
  if (cwcSchedule) r.cwcSchedule = cwcSchedule;
  if (Object.keys(chartColumns).length) r.chartColumns = chartColumns;
  if (controls.length) r.controls = controls;
  if (entry.licenceExceptions?.length) r.licenceExceptions = [...entry.licenceExceptions];
  if (entry.relatedControls) r.relatedControls = entry.relatedControls;
  if (!entry.jurisdictions.includes('EU') && entry.euNote) r.euNote = entry.euNote;
  if (notes.length) r.notes = [...new Set(notes)];
  r.source = entry.source;
  return r;
}

/** The paragraph's own text, or the closest enclosing paragraph's. */
function textOf(entry: CatalogEntry, paragraph: string): string | undefined {
  for (let p = paragraph; p.includes('.'); p = p.slice(0, p.lastIndexOf('.'))) {
    const t = entry.paragraphText.get(p);
    if (t) return p === paragraph ? t : `(${p}) ${t}`;
    const summary = entry.summaries.get(p);
    if (summary) return `${p === paragraph ? '' : `(${p}) `}[summary, not the list text] ${summary}`;
  }
  return undefined;
}

function scheduleOf(entry: CatalogEntry, paragraph: string | undefined, chemicals: ChemicalRegistry): string | undefined {
  const pseudo = /^CWC-S([123])$/.exec(entry.code);
  if (pseudo) return pseudo[1];
  return paragraph ? chemicals.scheduleOfParagraph(paragraph) : undefined;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
