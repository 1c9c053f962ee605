// The evaluator: classify the items, screen every party, evaluate the rules in force on the as-of
// date for each requested jurisdiction, and explain. One determination per jurisdiction; its outcome
// is the most restrictive effect among the rules that fired.
import {
  OUTCOMES, VigilInputError,
  type Assessment, type Determination, type ItemClassification, type ListVersion, type Outcome, type PartyScreening, type Reason, type RedFlag, type Requirement, type Transaction,
} from '../model/index.js';
import type { ControlCatalog } from '../controls/catalog.js';
import type { ScreeningIndex } from '../screening/index.js';
import { emptyTrace, type CompiledRule, type Facts, type HitFacts, type ItemFacts, type Scope, type Trace } from './conditions.js';
import { inPeriod, isValidDate } from './dates.js';
import { nexusOf, fill } from './nexus.js';
import { transactionRedFlags } from './red-flags.js';
import type { RuleSet } from './rule-set.js';
import { classifyDesignation } from './designations.js';

export interface AssessContext {
  asOf: string;
  index: ScreeningIndex;
  catalog: ControlCatalog;
  rules: RuleSet;
  /** Red flags found elsewhere (e.g. the cases engine: `consultation-required`), added as given. */
  extraRedFlags?: RedFlag[];
  /** Called with the finished assessment; whatever it returns is added to the red flags. */
  redFlagHooks?: ((assessment: Assessment, tx: Transaction) => RedFlag[])[];
}

const RANK: Record<Outcome, number> = Object.fromEntries(OUTCOMES.map((o, i) => [o, i])) as Record<Outcome, number>;

export function assessTransaction(tx: Transaction, ctx: AssessContext): Assessment {
  const { rules, asOf: day } = ctx;
  checkRequest(tx, day, rules);
  const items: ItemClassification[] = tx.items.map((item, i) => classifyDesignation(item, i, rules) ?? ctx.catalog.classifyItem(item, i, day));
  // No threshold passed: the index applies its own default, the one `vigil screen` uses.
  const screening: PartyScreening[] = tx.parties.map((p) => ({
    role: p.role,
    name: p.name,
    country: p.country,
    hits: ctx.index.screen({ name: p.name, type: p.type, country: p.country, birthYear: p.birthYear }).hits,
  }));
  return evaluatePolicy(tx, {
    asOf: day, rules, items, screening, lists: ctx.index.versions, controlsVersion: ctx.catalog.version, controlsSha256: ctx.catalog.sha256,
    extraRedFlags: ctx.extraRedFlags, redFlagHooks: ctx.redFlagHooks,
  });
}

/** What the policy step needs once items are classified and parties screened. */
export interface PolicyInput {
  asOf: string;
  rules: RuleSet;
  items: ItemClassification[];
  screening: PartyScreening[];
  lists: ListVersion[];
  controlsVersion: string;
  /** The catalogue's content hash, by which the store keeps its documents for replay. */
  controlsSha256?: string;
  extraRedFlags?: RedFlag[];
  redFlagHooks?: AssessContext['redFlagHooks'];
}

function checkRequest(tx: Transaction, day: string, rules: RuleSet): void {
  if (!isValidDate(day)) throw new VigilInputError(`not a real date: ${JSON.stringify(day)} (expected YYYY-MM-DD)`, 'asOf');
  tx.jurisdictions.forEach((j, i) => {
    if (!rules.jurisdictions.has(j)) {
      throw new VigilInputError(`unknown jurisdiction ${JSON.stringify(j)}; known: ${rules.jurisdictionIds().join(', ')}`, `jurisdictions[${i}]`);
    }
  });
}

/** The policy step on its own: rules over classified items and screened parties. */
export function evaluatePolicy(tx: Transaction, input: PolicyInput): Assessment {
  const { rules, asOf: day, items, screening } = input;
  checkRequest(tx, day, rules);
  if (items.length !== tx.items.length) throw new Error('evaluatePolicy: one classification per item is required');
  if (screening.length !== tx.parties.length) throw new Error('evaluatePolicy: one screening per party is required');
  const requested = tx.jurisdictions.length ? tx.jurisdictions : rules.defaultJurisdictionIds();

  const itemFacts: ItemFacts[] = tx.items.map((item, i) => ({ index: i, item, classification: items[i]! }));
  const hitFacts: HitFacts[] = screening.flatMap((s, i) => s.hits.map((hit) => ({ partyIndex: i, party: tx.parties[i]!, hit })));

  const ruleFlags: RedFlag[] = [];
  const determinations = requested.map((j) => {
    const facts: Facts = { tx, day, items: itemFacts, hits: hitFacts, use: { earText: new Set() }, chartGaps: new Set() };
    const det = determine(j, facts, rules);
    const euLaw = j === 'EU' || rules.jurisdictions.get(j)?.inherits.includes('EU');
    if (euLaw && !input.lists.some((l) => l.id === EU_LIST_SOURCE)) det.notModelled.push(EU_LIST_NOT_LOADED);
    for (const r of det.reasons) {
      if (r.effect !== 'red-flag') continue;
      const rule = rules.rule(r.ruleId);
      ruleFlags.push({ code: rule?.redFlag ?? 'red-flag', message: `${r.summary} (${r.citation})`, subject: r.subject });
    }
    return det;
  });

  const redFlags = dedupe([...transactionRedFlags(rules.redFlags, tx, items, screening), ...ruleFlags, ...(requested.includes(UK_JURISDICTION) ? [] : ukListingFlags(screening)), ...(input.extraRedFlags ?? [])]);
  const assessment: Assessment = {
    asOf: day,
    determinations,
    divergent: new Set(determinations.map((d) => d.outcome)).size > 1,
    items,
    screening,
    redFlags,
    dataVersions: {
      lists: input.lists,
      rules: { version: rules.version, sha256: rules.sha256 },
      controls: {
        version: input.controlsVersion,
        ...(input.controlsSha256 ? { sha256: input.controlsSha256 } : {}),
        euRegulation: rules.instrumentOn('EU', day),
      },
    },
    caveats: globalCaveats(day, items, input.lists, rules),
  };
  for (const hook of input.redFlagHooks ?? []) assessment.redFlags = dedupe([...assessment.redFlags, ...hook(assessment, tx)]);
  return assessment;
}

function determine(jurisdiction: string, facts: Facts, rules: RuleSet): Determination {
  const j = rules.jurisdictions.get(jurisdiction)!;
  const reasons: Reason[] = [];
  const requirements: Requirement[] = [];
  for (const rule of rules.applicableRules(jurisdiction)) {
    const period = rule.periods.find((p) => inPeriod(p, facts.day));
    if (!period) continue;
    for (const { reason, requires } of fire(rule, period, facts)) {
      reasons.push(reason);
      for (const r of requires) {
        if (!requirements.some((x) => x.id === r.id && x.ruleId === r.ruleId && x.subject === r.subject)) requirements.push(r);
      }
    }
  }
  // Most restrictive first, then red flags, then information.
  const order = (r: Reason) => (r.effect in RANK ? RANK[r.effect as Outcome] : r.effect === 'red-flag' ? OUTCOMES.length : OUTCOMES.length + 1);
  reasons.sort((a, b) => order(a) - order(b));
  const outcome = reasons.reduce<Outcome>((worst, r) => {
    const e = r.effect as Outcome;
    return e in RANK && RANK[e] < RANK[worst] ? e : worst;
  }, 'no-licence-required');
  const { applies, nexus } = nexusOf(j, facts.tx, facts.day, rules.geography);

  const notModelled = [...j.notModelled, ...rules.coverageGaps(jurisdiction, facts.tx.destination, facts.day)];
  for (const f of facts.items) {
    if (!f.classification.classified) {
      notModelled.push(`items[${f.index}] ('${f.item.description}') is described only: list-based rules were not applied to it`);
    }
  }
  for (const code of facts.chartGaps) notModelled.push(`destination ${code} has no row in the Commerce Country Chart: chart licence requirements not determined`);

  const caveats: string[] = [];
  if (j.appliedVia && j.inherits.length) caveats.push(`${j.appliedVia}.`);
  const geo = rules.geography;
  if (facts.use.earText.size && facts.day < geo.chart.ecfrIssueDate && reasons.some((r) => r.ruleId.startsWith('US-'))) {
    caveats.push(
      `The Commerce Country Chart and Country Groups are their ${geo.chart.ecfrIssueDate} text (15 CFR 738 Supp. 1, 740 Supp. 1), ` +
        `not the text in force on ${facts.day}; for that date the dated rules (embargoes, Libya measures, E:1 status) carry the historic position.`,
    );
  }
  return { jurisdiction, applies, nexus, outcome, reasons, requirements, notModelled, caveats };
}

function fire(rule: CompiledRule, period: { from: string | null; to: string | null; citation?: string }, facts: Facts): { reason: Reason; requires: Requirement[] }[] {
  const suspension = rule.suspensions?.find((s) => inPeriod(s, facts.day));
  const scopes: { scope: Scope; subject?: string }[] =
    rule.per === 'item'
      ? facts.items.map((i) => ({ scope: { item: i }, subject: `items[${i.index}] ${i.item.description}` }))
      : rule.per === 'party'
        ? facts.hits.map((h) => ({
            scope: { hit: h },
            subject: `parties[${h.partyIndex}] ${h.party.name} ~ ${h.hit.matchedName} (${h.hit.list}, ${h.hit.source} ${h.hit.entityId}, score ${h.hit.score.toFixed(2)})`,
          }))
        : [{ scope: {} }];
  // An exemption the transaction relies on replaces the measure's effect and adds its procedures.
  const claimed = rule.measure?.exemptions.filter((x) => facts.tx.exemptions?.includes(x.id)) ?? [];
  const out: { reason: Reason; requires: Requirement[] }[] = [];
  for (const { scope, subject } of scopes) {
    const trace = emptyTrace();
    if (!rule.test(facts, scope, trace)) continue;
    const vars = traceVars(trace);
    let summary = fill(rule.summary, vars);
    if (trace.notes.length) summary += ` (Applied because ${[...new Set(trace.notes)].join('; ')}.)`;
    let effect: Reason['effect'] = rule.effect;
    if (claimed.length) {
      effect = claimed.reduce<Reason['effect']>((e, x) => (x.effect in RANK && (!(e in RANK) || RANK[x.effect as Outcome] < RANK[e as Outcome]) ? x.effect : e), 'info');
      summary += ` Exemption relied on: ${claimed.map((x) => `${x.text} (${x.citation})`).join('; ')}.`;
    }
    if (suspension) {
      effect = 'info';
      summary = `Suspended from ${suspension.from} (${suspension.citation}): ${summary}`;
    }
    const subj = subject || vars.code ? [subject, vars.code && !subject?.includes(vars.code) ? `(${vars.code})` : ''].filter(Boolean).join(' ') : undefined;
    const defs = suspension ? [] : [...(rule.requirements ?? []), ...claimed.flatMap((x) => x.requirements)];
    out.push({
      reason: {
        ruleId: rule.id,
        effect,
        // The instrument of the period in force (a renewal, a replacing decision) is cited beside the measure's own.
        citation: fill(rule.citation, vars) + (period.citation && !rule.citation.includes(period.citation) ? `; in force on this date under ${period.citation}` : ''),
        summary,
        from: period.from,
        to: period.to,
        ...(subj ? { subject: subj } : {}),
      },
      requires: defs.map((d) => ({ id: d.id, text: d.text, citation: d.citation, ruleId: rule.id, ...(subj ? { subject: subj } : {}) })),
    });
  }
  return out;
}

function traceVars(t: Trace): Record<string, string> {
  const uniq = (xs: string[]) => [...new Set(xs)].join(', ');
  const vars: Record<string, string> = {};
  if (t.codes.length) vars.code = uniq(t.codes);
  if (t.columns.length) vars.columns = uniq(t.columns);
  if (t.lists.length) vars.list = uniq(t.lists);
  return vars;
}

function globalCaveats(day: string, items: ItemClassification[], lists: Assessment['dataVersions']['lists'], rules: RuleSet): string[] {
  const out: string[] = [];
  const textDate = rules.geography.chart.ecfrIssueDate;
  if (day < textDate && items.some((i) => i.entries.length)) {
    out.push(
      `Items were classified against the control lists as shipped (Commerce Control List of ${textDate}, current EU Annex I); ` +
        `the list text in force on ${day} (e.g. Annex I of ${rules.instrumentOn('EU', day) ?? 'the regulation then in force'}) may differ.`,
    );
  }
  const later = lists.filter((l) => l.date > day);
  if (later.length) {
    out.push(
      `Parties were screened against lists published after ${day} (${later.map((l) => `${l.id} ${l.date}`).join(', ')}): ` +
        `a hit may be a designation made after that date, and persons delisted before the list date are not found.`,
    );
  }
  return out;
}

/** Source id of the EU Financial Sanctions Files list (src/lists/eu-fsf). */
export const EU_LIST_SOURCE = 'eu';
export const EU_LIST_NOT_LOADED =
  'EU consolidated financial sanctions list not loaded: parties were not screened against EU-only listings ' +
  '(making goods available to a person listed only by the EU is prohibited, e.g. Reg. 269/2014 Art 2(2)); load it with `vigil lists update eu` or `vigil lists import eu-fsf FILE`';

/** The jurisdiction whose rules (data/rules/UK/asset-freeze.json) determine UK list hits. */
const UK_JURISDICTION = 'UK';

/** UK not requested: a hit on the UK list is a red flag, citing its regime (issue 14). */
function ukListingFlags(screening: PartyScreening[]): RedFlag[] {
  return screening.flatMap((s, i) => s.hits.filter((h) => h.source === 'uk-ofsi').map((h) => ({
    code: 'uk-listed-party',
    message: `${s.name} matches ${h.matchedName} on the ${h.list} (${h.list === 'UK Consolidated List' ? 'OFSI' : 'FCDO'}${h.programs.length ? `, regime ${h.programs.join(', ')}` : ''}, score ${h.score.toFixed(2)}): UK financial sanctions apply to UK persons; the UK jurisdiction was not requested (name UK in jurisdictions for its determination)`,
    subject: `parties[${i}] ${s.name} ~ ${h.matchedName} (uk-ofsi ${h.entityId})`,
  })));
}

function dedupe(flags: RedFlag[]): RedFlag[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const k = `${f.code}\u0000${f.subject ?? ''}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
