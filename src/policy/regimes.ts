// Regime files → the evaluator's rules. A measure becomes one rule whose condition is "destination
// is a target, an item is in the measure's scope, the end user is in its scope, and the measure's
// own conditions hold"; its periods and suspensions carry over. The arms-embargo groups
// (`UN:arms-embargo`, `EU:arms-embargo`, …) are derived here from the arms-embargo measures, so no
// one types an embargo twice.
import { VigilInputError } from '../model/errors.js';
import type { Period } from './dates.js';
import { MeasureSchema, RegimeFileSchema, type Annex, type ItemScope, type Measure, type RegimeFile } from './regime-schema.js';
import type { Condition, GroupFile, Rule } from './rule-schema.js';
import type { z } from 'zod';

export interface Regime extends Omit<RegimeFile, 'measures'> {
  measures: Measure[];
  /** data/rules/… path, for error messages and `vigil measures`. */
  path: string;
}

/** What a compiled rule carries beyond a plain rule when it comes from a regime measure. */
export interface MeasureRef {
  regimeId: string;
  regimeTitle: string;
  type: Measure['type'];
  quote: string;
  exemptions: Measure['exemptions'];
}

export function parseRegime(content: unknown, where: string, check: <T>(s: z.ZodType<T>, v: unknown, w: string) => T): Regime {
  const file = check(RegimeFileSchema, content, where);
  const measures = file.measures.map((raw, i) => {
    const id = (raw as { id?: unknown })?.id;
    const at = `${where} measure ${typeof id === 'string' ? id : `#${i}`}`;
    const m = check(MeasureSchema, raw, at);
    if (!m.id.startsWith(`${file.jurisdiction}-`)) throw new VigilInputError(`measure id must start with "${file.jurisdiction}-"`, at);
    if (m.items.annex && !file.annexes.some((a) => a.id === m.items.annex)) {
      throw new VigilInputError(`unknown annex "${m.items.annex}" (this regime has: ${file.annexes.map((a) => a.id).join(', ') || 'none'})`, at);
    }
    for (const s of m.suspensions) {
      if (!m.periods.some((p) => p.from <= s.from && (p.to === null || (s.to !== null && s.to <= p.to)))) {
        throw new VigilInputError(`suspension from ${s.from} lies outside every period of the measure`, at);
      }
    }
    return m;
  });
  return { ...file, measures, path: where };
}

/** The measure as a rule: the target destinations, its item and end-user scope, its own conditions. */
export function measureRule(regime: Regime, m: Measure): Rule & { periods: Period[]; measure: MeasureRef } {
  const parts: Condition[] = [{ destination: regime.target.destinations }];
  const items = itemCondition(m.items);
  if (items) parts.push(items);
  if (m.endUsers !== 'any') parts.push({ endUser: m.endUsers });
  if (m.when) parts.push(m.when);
  const last = m.periods[m.periods.length - 1]!;
  return {
    id: m.id,
    citation: m.citation,
    summary: m.summary,
    from: m.periods[0]!.from,
    to: last.to,
    periods: m.periods,
    suspensions: m.suspensions,
    per: items ? 'item' : 'transaction',
    when: parts.length === 1 ? parts[0]! : { all: parts },
    effect: m.effect,
    requirements: m.requirements,
    sources: m.sources,
    ...(m.verify ? { verify: m.verify } : {}),
    measure: { regimeId: regime.id, regimeTitle: regime.title, type: m.type, quote: m.quote, exemptions: m.exemptions },
  };
}

/** The scope's kinds are alternatives: a military-list item OR a listed dual-use item OR an annex item … */
function itemCondition(s: ItemScope): Condition | undefined {
  if (s.all) return s.except ? { item: { notCategory: s.except } } : undefined;
  const any: Condition[] = [];
  if (s.militaryList) any.push({ item: { code: ['ML*'] } });
  // `reasons` narrows the listed items (CCL items controlled for NS, NP …); alone it means any item with those reasons.
  if (s.dualUse || s.reasons) any.push({ item: { ...(s.dualUse ? { listedIn: s.dualUse } : {}), ...(s.reasons ? { reason: s.reasons } : {}) } });
  if (s.codes) any.push({ item: { code: s.codes } });
  if (s.annex) any.push({ item: { annex: s.annex } });
  if (s.cwcSchedule) any.push({ item: { cwcSchedule: s.cwcSchedule } });
  if (s.ear99) any.push({ item: { ear99: true } });
  return any.length === 1 ? any[0] : { any };
}

/** Periods with the suspensions cut out: when the measure actually bound. */
export function inForce(periods: readonly Period[], suspensions: readonly Period[]): Period[] {
  let out: Period[] = periods.map((p) => ({ from: p.from, to: p.to }));
  for (const s of suspensions) {
    out = out.flatMap((p) => {
      const before = s.from !== null && (p.from === null || p.from < s.from) ? [{ from: p.from, to: minDay(p.to, s.from) }] : [];
      const after = s.to !== null && (p.to === null || s.to < p.to) ? [{ from: maxDay(p.from, s.to), to: p.to }] : [];
      const overlaps = (s.from === null || p.to === null || s.from < p.to) && (s.to === null || p.from === null || p.from < s.to);
      return overlaps ? [...before, ...after] : [p];
    });
  }
  return out.filter((p) => p.from === null || p.to === null || p.from < p.to);
}

const minDay = (a: string | null, b: string): string => (a === null || b < a ? b : a);
const maxDay = (a: string | null, b: string): string => (a === null || b > a ? b : a);

/** `<J>:arms-embargo` groups: every target of an arms-embargo measure while it is in force. */
export function derivedGroups(regimes: readonly Regime[]): GroupFile {
  const groups = new Map<string, GroupFile['groups'][number]>();
  for (const r of regimes) {
    for (const m of r.measures) {
      if (m.type !== 'arms-embargo' || (m.effect !== 'prohibited' && m.effect !== 'denial-presumed')) continue;
      // An embargo on non-governmental forces only does not put the country under embargo for the
      // government's own supplies (Law 185/1990 art. 1(6)(c), EU Art 4(2) read within the embargo's scope):
      // the measure itself still fires for non-governmental end users.
      if (m.endUsers !== 'any' && !m.endUsers.some((e) => e === 'government' || e === 'military' || e === 'police')) continue;
      const id = `${r.jurisdiction}:arms-embargo`;
      const g = groups.get(id) ?? { id, label: `Destinations under an arms embargo of ${r.jurisdiction} (derived from its regimes)`, members: [] };
      for (const p of inForce(m.periods, m.suspensions)) {
        for (const country of r.target.destinations) g.members.push({ country, from: p.from, to: p.to, citation: `${m.citation} (${m.id})` });
      }
      groups.set(id, g);
    }
  }
  return { kind: 'groups', provenance: { sources: ['derived from the arms-embargo measures of data/rules/*/regimes/'] }, groups: [...groups.values()] };
}

/** Does the item fall on the annex: its code is an annex code, or its description names an entry. */
export function annexMatcher(annex: Annex): (code: string | undefined, description: string) => { code: string; byDescription: boolean } | undefined {
  const codes = new Map(annex.entries.map((e) => [e.code.toUpperCase(), e.code]));
  const words = annex.entries.flatMap((e) => e.keywords.map((k) => ({ k: k.toLowerCase(), code: e.code })));
  return (code, description) => {
    const exact = code ? codes.get(code.trim().toUpperCase()) : undefined;
    if (exact) return { code: exact, byDescription: false };
    const text = description.toLowerCase();
    const w = words.find((x) => text.includes(x.k));
    return w ? { code: w.code, byDescription: true } : undefined;
  };
}

/** The span of days a regime has any measure in force or suspended (for coverage notes). */
export function regimeSpan(r: Regime): Period {
  const froms = r.measures.flatMap((m) => m.periods.map((p) => p.from));
  const tos = r.measures.flatMap((m) => m.periods.map((p) => p.to));
  return { from: froms.sort()[0] ?? null, to: tos.includes(null) ? null : (tos as string[]).sort().at(-1) ?? null };
}
