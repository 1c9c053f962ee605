// Chemicals keyed by CAS number: Australia Group precursors (ECCN 1C350), CWC Schedule 2/3
// chemicals outside the AG list (ECCN 1C355) and the CWC Schedules 1–3 themselves. The schedules
// file is the authority for a chemical's schedule; the ECCN files say where the CCL lists it.
import { tryParseCas } from './cas.js';
import type { ControlSources } from './sources.js';

export type CwcSchedule = '1' | '2' | '3';

/** One chemical as one list names it. */
export interface ChemicalListing {
  cas: string;
  name: string;
  /** ECCN / Annex I entry ('1C350', '1C355', '1C351'); absent for a schedule-only chemical. */
  code?: string;
  /** '1C350.b.22' */
  paragraph?: string;
  /** 'CWC Schedule 2.B.13' */
  cwcItem?: string;
  cwcSchedule?: CwcSchedule;
  /** True when the CWC Schedules name this chemical as exempt from a family. */
  cwcExempt?: boolean;
  source: string;
}

export interface ChemicalLookup {
  cas: string;
  /** Listings under a control entry (1C350, 1C355, 1C351), best first. */
  entries: ChemicalListing[];
  /** The chemical's line in the CWC Schedules, if any. */
  schedule?: ChemicalListing;
}

const SCHEDULE_FILE = 'chemicals/cwc_schedules.csv';
const AG_FILE = 'chemicals/ag_precursors_1C350.csv';
const CWC_NOT_AG_FILE = 'chemicals/cwc_not_ag_1C355.csv';
export const PATHOGEN_FILE = 'chemicals/ag_pathogens_toxins_1C351.csv';
/** Schedule 1 toxins that the CCL carries in 1C351 (its Related Controls say so). */
const SCHEDULE1_IN_1C351: Record<string, string> = { '35523-89-8': '1C351.d.16', '9009-86-3': '1C351.d.15' };

export class ChemicalRegistry {
  private readonly byCas = new Map<string, ChemicalLookup>();
  /** Schedule per ECCN paragraph, including family rows that carry no CAS number. */
  private readonly paragraphSchedules = new Map<string, CwcSchedule | undefined>();
  /** Every listing, for the text index. */
  readonly listings: ChemicalListing[] = [];

  static load(src: ControlSources): ChemicalRegistry {
    const reg = new ChemicalRegistry();
    for (const r of src.csv(AG_FILE)) {
      const schedule = /Schedule (\d)/.exec(r.cwc_status ?? '')?.[1] as CwcSchedule | undefined;
      reg.paragraphSchedules.set(r.eccn_paragraph!, schedule);
      reg.addEntry({
        cas: r.cas!, name: r.name!, code: '1C350', paragraph: r.eccn_paragraph!, cwcSchedule: schedule,
        source: `Australia Group precursor list (ECCN 1C350), ${r.cwc_status}`,
      });
    }
    for (const r of src.csv(CWC_NOT_AG_FILE)) {
      reg.paragraphSchedules.set(r.eccn_paragraph!, /Schedule (\d)/.exec(r.cwc_schedule ?? '')?.[1] as CwcSchedule | undefined);
      // Some rows give the CAS number only inside the text: "(CAS 76-06-2)".
      const cas = r.cas || /C\.?A\.?S\.?\s*#?\s*(\d{2,7}-\d{2}-\d)/.exec(r.text ?? '')?.[1];
      if (!cas) continue;
      const name = (r.text ?? '').replace(/\s*\(C\.?A\.?S\.?[^)]*\)/, '').replace(/[;.]$/, '').split(' and mixtures')[0]!.trim();
      reg.addEntry({
        cas, name, code: '1C355', paragraph: r.eccn_paragraph!,
        cwcSchedule: /Schedule (\d)/.exec(r.cwc_schedule ?? '')?.[1] as CwcSchedule | undefined,
        source: `CWC chemicals not on the AG list (ECCN 1C355), ${r.cwc_schedule}`,
      });
    }
    for (const r of src.csv(SCHEDULE_FILE)) {
      if (!r.cas) continue;
      const exempt = r.kind === 'exemption';
      const listing: ChemicalListing = {
        cas: r.cas, name: r.name!, cwcItem: `CWC Schedule ${r.schedule}.${r.part}.${r.item}`,
        cwcSchedule: exempt ? undefined : (r.schedule as CwcSchedule), cwcExempt: exempt || undefined,
        source: `CWC Annex on Chemicals, Schedule ${r.schedule} Part ${r.part} item ${r.item}${exempt ? ' (exempt)' : ''}`,
      };
      reg.addSchedule(listing);
      const toxin = SCHEDULE1_IN_1C351[r.cas];
      if (toxin) reg.paragraphSchedules.set(toxin, r.schedule as CwcSchedule);
      if (toxin) reg.addEntry({ ...listing, code: '1C351', paragraph: toxin, source: `${listing.source}; ECCN ${toxin}` });
    }
    return reg;
  }

  /** Paragraphs on no schedule (the rest of 1C351), so that '1C351.d' is not read as Schedule 1. */
  noteUnscheduled(paragraphs: Iterable<string>): void {
    for (const p of paragraphs) if (!this.paragraphSchedules.has(p)) this.paragraphSchedules.set(p, undefined);
  }

  private slot(cas: string): ChemicalLookup {
    const norm = tryParseCas(cas);
    if (!norm) throw new Error(`vigil: control data carries an invalid CAS number ${cas}`);
    let s = this.byCas.get(norm);
    if (!s) this.byCas.set(norm, (s = { cas: norm, entries: [] }));
    return s;
  }

  private addEntry(l: ChemicalListing): void {
    const s = this.slot(l.cas);
    l.cas = s.cas;
    s.entries.push(l);
    this.listings.push(l);
  }

  private addSchedule(l: ChemicalListing): void {
    const s = this.slot(l.cas);
    l.cas = s.cas;
    if (!s.schedule || (s.schedule.cwcExempt && !l.cwcExempt)) s.schedule = l;
    this.listings.push(l);
  }

  /** `cas` must already be validated (parseCas). */
  lookup(cas: string): ChemicalLookup | undefined {
    const s = this.byCas.get(cas);
    if (!s) return undefined;
    // The schedules file decides the schedule; an exemption there clears the ECCN file's claim.
    const schedule = s.schedule;
    const entries = s.entries.map((e) => ({
      ...e,
      cwcSchedule: schedule ? schedule.cwcSchedule : e.cwcSchedule,
      cwcItem: schedule?.cwcItem ?? e.cwcItem,
      cwcExempt: schedule?.cwcExempt,
    }));
    return { cas: s.cas, entries, schedule };
  }

  /** The schedule a paragraph of 1C350/1C355/1C351 sits on, when everything under it shares one. */
  scheduleOfParagraph(paragraph: string): CwcSchedule | undefined {
    const found = new Set<CwcSchedule | undefined>();
    for (const [p, schedule] of this.paragraphSchedules) {
      if (p === paragraph || p.startsWith(`${paragraph}.`)) found.add(schedule);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }
}
