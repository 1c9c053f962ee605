// `vigil measures` and GET /api/measures: the regime measures for a destination (on a date, or all
// of them with their dates), or the coverage of every destination. Built from the same rule set the
// evaluator uses, so what this lists is what `assess` applies.
import { VigilInputError } from '../model/errors.js';
import { inPeriod } from './dates.js';
import type { Measure } from './regime-schema.js';
import type { Regime } from './regimes.js';
import type { RuleSet } from './rule-set.js';

export type MeasureStatus = 'in-force' | 'suspended' | 'not-in-force';

export interface MeasureView {
  jurisdiction: string;
  regime: string;
  regimeTitle: string;
  coverage: Regime['coverage'];
  id: string;
  type: Measure['type'];
  effect: Measure['effect'];
  citation: string;
  quote: string;
  summary: string;
  items: Measure['items'];
  endUsers: Measure['endUsers'];
  periods: Measure['periods'];
  suspensions: Measure['suspensions'];
  requirements: Measure['requirements'];
  exemptions: { id: string; text: string; citation: string }[];
  /** On the date asked (absent without --as-of). */
  status?: MeasureStatus;
  verify?: string;
}

export interface MeasuresAnswer {
  destination: string;
  name: string;
  asOf?: string;
  jurisdiction?: string;
  measures: MeasureView[];
  /** What the partial regimes for the destination leave out. */
  notModelled: { regime: string; items: string[] }[];
}

export interface CoverageRow {
  destination: string;
  name: string;
  /** Jurisdiction → number of measures (in force on asOf, or ever). */
  jurisdictions: Record<string, number>;
}

export function statusOn(m: Measure, day: string): MeasureStatus {
  if (!m.periods.some((p) => inPeriod(p, day))) return 'not-in-force';
  return m.suspensions.some((s) => inPeriod(s, day)) ? 'suspended' : 'in-force';
}

export function measuresFor(rules: RuleSet, destination: string, opts: { asOf?: string; jurisdiction?: string } = {}): MeasuresAnswer {
  const geo = rules.geography;
  if (!geo.isCountry(destination)) throw new VigilInputError(`unknown country code ${JSON.stringify(destination)} (expected an ISO 3166-1 alpha-2 code)`, 'destination');
  if (opts.jurisdiction && !rules.jurisdictions.has(opts.jurisdiction)) {
    throw new VigilInputError(`unknown jurisdiction ${JSON.stringify(opts.jurisdiction)}; known: ${rules.jurisdictionIds().join(', ')}`, '--jurisdiction');
  }
  const regimes = opts.jurisdiction ? rules.regimesFor(opts.jurisdiction, destination) : rules.regimes.filter((r) => r.target.destinations.includes(destination));
  const measures: MeasureView[] = [];
  for (const r of regimes) {
    for (const m of r.measures) {
      const status = opts.asOf ? statusOn(m, opts.asOf) : undefined;
      if (status === 'not-in-force') continue;
      measures.push({
        jurisdiction: r.jurisdiction, regime: r.id, regimeTitle: r.title, coverage: r.coverage,
        id: m.id, type: m.type, effect: m.effect, citation: m.citation.replace(/;?\s*(?:ECCN|item|Annex I entry) \{code\}/g, ''), quote: m.quote,
        summary: m.summary.replace(/\s*\(\{code\}\)/g, '').replace(/\{code\}/g, 'the item'),
        items: m.items, endUsers: m.endUsers, periods: m.periods, suspensions: m.suspensions, requirements: m.requirements,
        exemptions: m.exemptions.map((x) => ({ id: x.id, text: x.text, citation: x.citation })),
        ...(status ? { status } : {}), ...(m.verify ? { verify: m.verify } : {}),
      });
    }
  }
  measures.sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || (a.periods[0]!.from).localeCompare(b.periods[0]!.from) || a.id.localeCompare(b.id));
  return {
    destination, name: geo.name(destination),
    ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}),
    measures,
    notModelled: regimes.filter((r) => r.coverage === 'partial').map((r) => ({ regime: r.id, items: r.notModelled })),
  };
}

export function coverage(rules: RuleSet, opts: { asOf?: string; jurisdiction?: string } = {}): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const r of rules.regimes) {
    if (opts.jurisdiction && !rules.regimesFor(opts.jurisdiction).includes(r)) continue;
    const n = opts.asOf ? r.measures.filter((m) => statusOn(m, opts.asOf!) !== 'not-in-force').length : r.measures.length;
    if (!n) continue;
    for (const d of r.target.destinations) {
      const row = rows.get(d) ?? { destination: d, name: rules.geography.name(d), jurisdictions: {} };
      row.jurisdictions[r.jurisdiction] = (row.jurisdictions[r.jurisdiction] ?? 0) + n;
      rows.set(d, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.destination.localeCompare(b.destination));
}
