// Rule conditions compiled once, at load, into small closures. A condition is evaluated against the
// facts of one transaction (and, for per-item / per-party rules, one item or one screening hit);
// what made it true (entry codes, chart columns) goes into a trace that fills the rule's citation.
import type { ClassificationResult, Item, ItemClassification, Party, ScreeningHit, Transaction } from '../model/index.js';
import type { Condition, ItemCondition, PartyCondition, Rule } from './rule-schema.js';
import { displayColumn, type Geography, type GroupUse } from './geography.js';
import type { Period } from './dates.js';
import type { MeasureRef } from './regimes.js';
import { statedCalibres } from './calibre.js';

export interface ItemFacts {
  index: number;
  item: Item;
  classification: ItemClassification;
}

export interface HitFacts {
  partyIndex: number;
  party: Party;
  hit: ScreeningHit;
}

export interface Facts {
  tx: Transaction;
  day: string;
  items: ItemFacts[];
  hits: HitFacts[];
  use: GroupUse;
  /** Country Chart lookups that could not be made (destination without a row). */
  chartGaps: Set<string>;
}

export interface Scope {
  item?: ItemFacts;
  hit?: HitFacts;
}

export interface Trace {
  codes: string[];
  columns: string[];
  lists: string[];
  /** Assumptions the match rests on ("the end user's sector was not given"). */
  notes: string[];
}

export const emptyTrace = (): Trace => ({ codes: [], columns: [], lists: [], notes: [] });

type Test = (f: Facts, s: Scope, t: Trace) => boolean;

export interface CompiledRule extends Rule {
  jurisdiction: string;
  /** When the rule is in force (a plain rule has one period: from–to); a period may name its own instrument. */
  periods: (Period & { citation?: string })[];
  /** Set when the rule is a regime's measure. */
  measure?: MeasureRef;
  test: Test;
}

/** Annex id → does an item (code, description) fall on it. */
export type AnnexLookup = ReadonlyMap<string, (code: string | undefined, description: string) => { code: string; byDescription: boolean } | undefined>;

export interface CompileContext {
  geo: Geography;
  annexes: AnnexLookup;
}

export function compileRule(rule: Rule & { periods?: (Period & { citation?: string })[]; measure?: MeasureRef }, jurisdiction: string, ctx: CompileContext): CompiledRule {
  return { ...rule, periods: rule.periods ?? [{ from: rule.from, to: rule.to }], jurisdiction, test: compile(rule.when, ctx) };
}

/** Declared end uses count as awareness of them (EU Art 4: "aware that the items are intended …"). */
const AWARE_FROM_END_USE: Record<string, string> = {
  nuclear: 'wmd', 'chemical-weapons': 'wmd', 'biological-weapons': 'wmd', missile: 'wmd', military: 'military', paramilitary: 'military',
};

/** Roles whose sector decides a measure's end-user scope. */
const END_USER_ROLES = new Set(['end-user', 'consignee']);

/** Every country code or group a condition names (for validation at load). */
export function referencedPlaces(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(referencedPlaces);
  if ('any' in c) return c.any.flatMap(referencedPlaces);
  if ('not' in c) return referencedPlaces(c.not);
  if ('destination' in c) return c.destination;
  if ('exporterCountry' in c) return c.exporterCountry;
  return [];
}

function compile(c: Condition, ctx: CompileContext): Test {
  const { geo } = ctx;
  if ('all' in c) {
    const parts = c.all.map((x) => compile(x, ctx));
    return (f, s, t) => parts.every((p) => p(f, s, t));
  }
  if ('any' in c) {
    const parts = c.any.map((x) => compile(x, ctx));
    return (f, s, t) => parts.some((p) => p(f, s, t));
  }
  if ('not' in c) {
    const inner = compile(c.not, ctx);
    return (f, s) => !inner(f, s, emptyTrace()); // what a negated condition matched explains nothing
  }
  if ('destination' in c) {
    const inPlaces = places(c.destination, geo);
    return (f) => inPlaces(f.tx.destination, f);
  }
  if ('exporterCountry' in c) {
    const inPlaces = places(c.exporterCountry, geo);
    return (f) => inPlaces(f.tx.exporter.country, f);
  }
  if ('endUse' in c) {
    const wanted = new Set(c.endUse);
    return (f) => f.tx.endUse.categories.some((x) => wanted.has(x));
  }
  if ('knowledge' in c) {
    const informed = new Set<string>(c.knowledge.informed ?? []);
    const aware = new Set<string>(c.knowledge.aware ?? []);
    return (f, _s, t) => {
      const k = f.tx.knowledge;
      const told = (k?.informedByAuthority ?? []).filter((x) => informed.has(x));
      if (told.length) { t.notes.push(`the exporter was informed by the authority (${told.join(', ')})`); return true; }
      const declared = f.tx.endUse.categories.map((x) => AWARE_FROM_END_USE[x]).filter((x): x is string => !!x);
      const known = [...(k?.awareOf ?? []), ...declared].filter((x) => aware.has(x));
      if (known.length) { t.notes.push(`the exporter is aware of a ${[...new Set(known)].join('/')} end use`); return true; }
      return false;
    };
  }
  if ('endUser' in c) {
    const sectors = new Set<string>(c.endUser);
    return (f, _s, t) => {
      const users = f.tx.parties.filter((p) => END_USER_ROLES.has(p.role));
      if (users.some((p) => p.sector && sectors.has(p.sector))) return true;
      if (users.length === 0 || users.some((p) => !p.sector)) {
        t.notes.push(`the measure reaches only ${c.endUser.join('/')} end users; the end user's sector was not given, so it is assumed within scope`);
        return true;
      }
      return false;
    };
  }
  if ('item' in c) {
    const match = itemMatcher(c.item, ctx);
    return (f, s, t) => (s.item ? match(s.item, t) : f.items.some((i) => match(i, t)));
  }
  if ('party' in c) {
    const match = partyMatcher(c.party);
    return (f, s, t) => (s.hit ? match(s.hit, t) : f.hits.some((h) => match(h, t)));
  }
  const columns = c.countryChart.columns?.map((x) => x.replace(/\s+/g, '').toUpperCase());
  const chart = (f: Facts, i: ItemFacts, t: Trace) => chartMatch(geo, f, i, t, columns);
  return (f, s, t) => (s.item ? chart(f, s.item, t) : f.items.some((i) => chart(f, i, t)));
}

function places(list: string[], geo: Geography): (code: string, f: Facts) => boolean {
  const codes = new Set(list.filter((p) => geo.isCountry(p)));
  const groups = list.filter((p) => !geo.isCountry(p));
  return (code, f) => codes.has(code) || groups.some((g) => geo.inGroup(g, code, f.day, f.use));
}

// ---- items ----------------------------------------------------------------------------------------

function codePattern(p: string): (candidate: string) => boolean {
  const up = p.toUpperCase();
  if (/[*?]/.test(up)) {
    const re = new RegExp(`^${up.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '[A-Z0-9]').replace(/\*/g, '.*')}$`);
    return (c) => re.test(c);
  }
  return (c) => c === up || c.startsWith(`${up}.`);
}

function reasonMatches(reason: string, wanted: string): boolean {
  const r = reason.replace(/\s+/g, '').toUpperCase();
  const w = wanted.replace(/\s+/g, '').toUpperCase();
  return r === w || (r.startsWith(w) && /^\d+$/.test(r.slice(w.length)));
}

function entryCodes(e: ClassificationResult): string[] {
  const out = [e.code.toUpperCase()];
  if (e.paragraph) out.push(e.paragraph.toUpperCase());
  return out;
}

function itemMatcher(c: ItemCondition, ctx: CompileContext): (i: ItemFacts, t: Trace) => boolean {
  const codes = c.code?.map(codePattern);
  const annex = c.annex ? ctx.annexes.get(c.annex) : undefined;
  if (c.annex && !annex) throw new Error(`unknown annex ${c.annex}`);
  const notCategory = c.notCategory ? new Set<string>(c.notCategory) : undefined;
  const entryLevel = c.code || c.regime || c.reason || c.listedIn || c.cwcSchedule;
  const entryOk = (e: ClassificationResult, item: ItemClassification) =>
    (!codes || entryCodes(e).some((x) => codes.some((m) => m(x)))) &&
    (!c.regime || e.regimes.some((r) => c.regime!.includes(r))) &&
    (!c.reason || e.reasons.some((r) => c.reason!.some((w) => reasonMatches(r, w)))) &&
    (!c.listedIn || e.jurisdictions.some((j) => c.listedIn!.includes(j))) &&
    (!c.cwcSchedule || c.cwcSchedule.includes((e.cwcSchedule ?? item.cwcSchedule) as '1'));
  return (i, t) => {
    const cls = i.classification;
    if (c.classified !== undefined && cls.classified !== c.classified) return false;
    if (c.usOrigin !== undefined && (i.item.usOrigin === true) !== c.usOrigin) return false;
    if (notCategory && i.item.category && notCategory.has(i.item.category)) return false;
    if (c.ear99 !== undefined && (cls.designation === 'EAR99') !== c.ear99) return false;
    if (c.calibre && !calibreAbove(i, c.calibre.aboveMm, t)) return false;
    if (annex) {
      const hit = annex(i.item.code, i.item.description);
      if (!hit) return false;
      t.codes.push(hit.byDescription ? `${hit.code} (by description: confirm against the annex)` : hit.code);
      if (!entryLevel) return true;
    }
    if (!entryLevel) return true;
    const hits = cls.entries.filter((e) => entryOk(e, cls));
    if (hits.length === 0) {
      // A chemical known only by its CAS schedule (no entry) still answers a schedule-only condition.
      const onlySchedule = c.cwcSchedule && !c.code && !c.regime && !c.reason && !c.listedIn;
      if (onlySchedule && cls.cwcSchedule && c.cwcSchedule!.includes(cls.cwcSchedule as '1')) {
        t.codes.push(`CWC Schedule ${cls.cwcSchedule}`);
        return true;
      }
      return false;
    }
    for (const e of hits) t.codes.push(e.paragraph ?? e.code);
    return true;
  };
}

/** The stated calibre is above the bound; none stated counts as above, with a note saying so. */
function calibreAbove(i: ItemFacts, aboveMm: number, t: Trace): boolean {
  const stated = statedCalibres(i.item.description);
  if (stated.length === 0) {
    t.notes.push(`items[${i.index}] states no calibre in its description, so it is taken to be above ${aboveMm} mm (ammunition for heavy weapons, not small arms); state the calibre to have it assessed`);
    return true;
  }
  return Math.max(...stated) > aboveMm;
}

function chartMatch(geo: Geography, f: Facts, i: ItemFacts, t: Trace, only?: string[]): boolean {
  f.use.earText.add('country-chart');
  const row = geo.chartRow(f.tx.destination);
  if (!row) {
    if (i.classification.entries.some((e) => e.jurisdictions.includes('US'))) f.chartGaps.add(f.tx.destination);
    return false;
  }
  if (row.kind === 'embargoed') return false; // Part 746 rules speak for these destinations
  let fired = false;
  for (const e of i.classification.entries) {
    if (!e.jurisdictions.includes('US')) continue;
    // The catalogue resolves paragraph-specific reasons into `chartColumns` where it can.
    const resolved = (e as { chartColumns?: Record<string, string> }).chartColumns;
    const reasons = resolved && Object.keys(resolved).length ? Object.values(resolved) : e.reasons;
    const cols = [...new Set(reasons.map((r) => geo.columnForReason(r)).filter((x): x is string => !!x))]
      .filter((col) => row.marks.has(col) && (!only || only.includes(col)));
    if (cols.length) {
      fired = true;
      t.codes.push(e.paragraph ?? e.code);
      t.columns.push(...cols.map(displayColumn));
    }
  }
  return fired;
}

// ---- parties ----------------------------------------------------------------------------------------

/** 'SDN' matches 'Specially Designated Nationals (SDN) - Treasury Department'; 'Entity List' matches 'Entity List (EL) - …'. */
export function listNameMatches(hitList: string, wanted: string): boolean {
  const h = hitList.toLowerCase().trim();
  const w = wanted.toLowerCase().trim();
  return h === w || h.startsWith(`${w} `) || h.includes(`(${w})`);
}

function programMatches(program: string, wanted: string): boolean {
  const p = program.toLowerCase();
  const w = wanted.toLowerCase();
  return p === w || p.startsWith(w) || new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(p);
}

function partyMatcher(c: PartyCondition): (h: HitFacts, t: Trace) => boolean {
  const policy = c.licensePolicy ? new RegExp(c.licensePolicy, 'i') : undefined;
  return (h, t) => {
    const hit = h.hit;
    if (c.list && !c.list.some((w) => listNameMatches(hit.list, w))) return false;
    if (c.source && !c.source.some((w) => w.toLowerCase() === hit.source.toLowerCase())) return false;
    if (c.program && !hit.programs.some((p) => c.program!.some((w) => programMatches(p, w)))) return false;
    if (policy && !policy.test(hit.licensePolicy ?? '')) return false;
    if (c.role && !c.role.includes(h.party.role)) return false;
    t.lists.push(hit.list);
    return true;
  };
}
