// `vigil timeline` and GET /api/timeline: the measures of a destination laid out on a time axis, one
// lane per jurisdiction. Built from measuresFor() — the same answer as `vigil measures` — so the
// picture never says anything the measures list does not. Drawing is src/report/timeline-svg.ts.
import { VigilInputError } from '../model/errors.js';
import { today as todayIso } from './dates.js';
import { measuresFor, statusOn, type MeasureStatus } from './measures.js';
import type { RuleSet } from './rule-set.js';

/** One period of one measure: a band from `from` to `to` (null = still in force). */
export interface TimelineBand {
  jurisdiction: string;
  /** The jurisdiction whose regime holds the measure (IT's lane shows the EU measures it applies). */
  owner: string;
  measure: string;
  regime: string;
  type: string;
  effect: string;
  summary: string;
  /** The instrument of the measure; the period's own citation when it has one. */
  citation: string;
  from: string;
  to: string | null;
  /** Hatched stretches inside the band: the measure suspended, not lifted. */
  suspensions: { from: string; to: string | null; citation: string }[];
  /** The band ends by a lifting (its `to`), with the instrument that lifted it where the data says. */
  lifted?: { date: string; citation: string };
  /** On the as-of date, when one was asked. */
  status?: MeasureStatus;
}

export interface TimelineLane { jurisdiction: string; bands: TimelineBand[] }

export interface TimelineAnswer {
  destination: string;
  name: string;
  /** The drawn range: first and last day. */
  from: string;
  to: string;
  today: string;
  asOf?: string;
  lanes: TimelineLane[];
  notModelled: { regime: string; items: string[] }[];
}

export interface TimelineOptions {
  /** First year drawn (default: the earlier of 1990 and the first measure's year). */
  fromYear?: number;
  /** Last year drawn (default: this year, ending today). */
  toYear?: number;
  asOf?: string;
  /** Today, for tests; default the real date. */
  today?: string;
  /** Jurisdictions to draw, in order (default: UN, EU, the member states, US, then any other). */
  jurisdictions?: string[];
}

const LANE_ORDER = ['UN', 'EU', 'IT', 'US', 'UK'];
/** Where a period's citation names the lifting instrument ("…; lifted by UNSCR 1506 (2003) para 1"). */
const LIFTED_BY = /(?:lifted|terminated|repealed|ended|revoked)(?:\s+(?:by|in|with|on))?\s+([^;]+)/i;

export function timelineFor(rules: RuleSet, destination: string, opts: TimelineOptions = {}): TimelineAnswer {
  const today = opts.today ?? todayIso();
  if (opts.fromYear !== undefined && opts.toYear !== undefined && opts.fromYear > opts.toYear) {
    throw new VigilInputError(`--from ${opts.fromYear} is after --to ${opts.toYear}`, '--from');
  }
  const all = measuresFor(rules, destination); // validates the destination
  const known = rules.jurisdictionIds();
  for (const j of opts.jurisdictions ?? []) {
    if (!known.includes(j)) throw new VigilInputError(`unknown jurisdiction ${JSON.stringify(j)}; known: ${known.join(', ')}`, '--jurisdiction');
  }
  // A jurisdiction assessed only on request (UK) gets a lane only where it has a regime for the destination.
  const drawn = known.filter((j) => !rules.jurisdictions.get(j)?.onRequest || rules.regimesFor(j, destination).length > 0);
  const order = opts.jurisdictions ?? [...drawn].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const firstYear = Math.min(1990, ...all.measures.flatMap((m) => m.periods.map((p) => Number((p.from ?? '1990').slice(0, 4)))));
  const fromYear = opts.fromYear ?? firstYear;
  const toYear = opts.toYear ?? Number(today.slice(0, 4));
  const from = `${String(fromYear).padStart(4, '0')}-01-01`;
  const to = toYear >= Number(today.slice(0, 4)) && opts.toYear === undefined ? today : `${String(toYear).padStart(4, '0')}-12-31`;

  const lanes: TimelineLane[] = [];
  for (const j of order) {
    const view = measuresFor(rules, destination, { jurisdiction: j });
    const bands: TimelineBand[] = [];
    for (const m of view.measures) {
      for (const p of m.periods) {
        const start = p.from ?? from;
        // Bands outside the drawn range are left out; those crossing its edges are kept whole (the
        // drawing clips them) so that the JSON tells the true dates.
        if (start > to || (p.to !== null && p.to <= from)) continue;
        // A restriction whose period ended (an information note that ends is not a lifting).
        const lifting = p.to !== null && p.to <= today && m.effect !== 'info'
          ? { date: p.to, citation: liftedBy(p.citation, p.to, view.measures) ?? liftedBy(m.citation, p.to, []) ?? 'the end of the period recorded in the data (the lifting instrument is not named there)' }
          : undefined;
        bands.push({
          jurisdiction: j, owner: m.jurisdiction, measure: m.id, regime: m.regime, type: m.type, effect: m.effect,
          summary: m.summary, citation: m.citation,
          from: start, to: p.to,
          suspensions: m.suspensions.filter((s) => (s.from ?? start) < (p.to ?? '9999') && (s.to === null || s.to > start))
            .map((s) => ({ from: s.from ?? start, to: s.to, citation: s.citation ?? '' })),
          ...(lifting ? { lifted: lifting } : {}),
          ...(opts.asOf ? { status: statusOn({ periods: [p], suspensions: m.suspensions } as Parameters<typeof statusOn>[0], opts.asOf) } : {}),
        });
      }
    }
    bands.sort((a, b) => a.from.localeCompare(b.from) || a.measure.localeCompare(b.measure));
    lanes.push({ jurisdiction: j, bands });
  }
  return {
    destination, name: all.name, from, to, today,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    lanes,
    notModelled: all.notModelled,
  };
}

/** The instrument that ended a period: named in the period's citation, or the note of the same
 *  jurisdiction that starts that day ("US-EO13357-termination"). */
function liftedBy(periodCitation: string | undefined, day: string, measures: { effect: string; periods: { from: string | null }[]; citation: string }[]): string | undefined {
  const named = LIFTED_BY.exec(periodCitation ?? '')?.[1]?.trim();
  // "lifted 11 October 2004 (Common Position 2004/698/CFSP)": the instrument, without the date.
  if (named) return named.replace(/^\d{1,2}\s+\p{L}+\s+\d{4}\s*/u, '').replace(/^\((.*)\)$/, '$1') || named;
  return measures.find((o) => o.effect === 'info' && o.periods.some((q) => q.from === day))?.citation;
}

function rank(j: string): number {
  const i = LANE_ORDER.indexOf(j);
  return i < 0 ? LANE_ORDER.length : i;
}
