// Shared inputs for the policy tests: the real rule set from data/rules, and plain-data item
// classifications and screening hits written the way the catalogue and the index return them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Assessment, ClassificationResult, Determination, ItemClassification, PartyScreening, RedFlag, ScreeningHit, Transaction,
} from '../../src/model/index.js';
import { evaluatePolicy, loadRuleSet, type RuleSet } from '../../src/policy/index.js';
import { loadControlCatalog, type ControlCatalog } from '../../src/controls/catalog.js';
import { classifyDesignation } from '../../src/policy/designations.js';

let cached: Promise<RuleSet> | undefined;
export const rules = (): Promise<RuleSet> => (cached ??= loadRuleSet());

export function transaction(over: Partial<Transaction> = {}): Transaction {
  return {
    date: '2003-10-14',
    exporter: { name: 'Officine Esempio S.p.A.', country: 'IT' },
    destination: 'LY',
    parties: [{ role: 'end-user', name: 'Tripoli Textile Dyeing Company', country: 'LY', type: 'organization' }],
    items: [{ description: 'uncooled thermal imaging camera', code: '6A003.b.4', quantity: 12, usOrigin: false }],
    endUse: { statement: 'textile plant surveillance', categories: ['civil'] },
    jurisdictions: ['UN', 'EU', 'IT', 'US'],
    ...over,
  };
}

type EntryOpts = Partial<ClassificationResult> & { chartColumns?: Record<string, string> };

/** Control entries as the catalogue returns them (reasons, regimes, jurisdictions of the 2026 CCL). */
export const ENTRIES = {
  thermalCamera: (): EntryOpts => ({
    code: '6A003', paragraph: '6A003.b.4', title: 'Cameras', regimes: ['WA'],
    reasons: ['NS2', 'RS1', 'RS2', 'AT1', 'UN'], jurisdictions: ['US', 'EU'], chartColumns: { NS: 'NS2', RS: 'RS1', AT: 'AT1' },
  }),
  thiodiglycol: (): EntryOpts => ({
    code: '1C350', paragraph: '1C350.b.22', title: 'Precursors', regimes: ['AG', 'CWC'],
    reasons: ['CB2', 'CW', 'AT'], jurisdictions: ['US', 'EU'], cwcSchedule: '2', cas: '111-48-8', chartColumns: { CB: 'CB2' },
  }),
  scheduleThree: (): EntryOpts => ({
    code: '1C350', paragraph: '1C350.d.15', title: 'Precursors', regimes: ['AG', 'CWC'],
    reasons: ['CB2', 'CW', 'AT'], jurisdictions: ['US', 'EU'], cwcSchedule: '3', chartColumns: { CB: 'CB2' },
  }),
  scheduleOne: (): EntryOpts => ({
    code: 'CWC-S1', title: 'CWC Schedule 1', regimes: ['CWC'], reasons: [], jurisdictions: [], cwcSchedule: '1',
  }),
  usOnly: (): EntryOpts => ({
    code: '9A515', title: 'Spacecraft', regimes: [], reasons: ['NS1', 'RS1', 'MT1', 'AT1'], jurisdictions: ['US'],
  }),
  atOnly: (): EntryOpts => ({
    code: '2A994', title: 'Portable electric generators', regimes: [], reasons: ['AT1'], jurisdictions: ['US'],
  }),
};

export function entry(o: EntryOpts): ClassificationResult {
  return { code: 'X', title: 'entry', regimes: [], reasons: [], jurisdictions: [], score: 1, matchedOn: 'code', ...o } as ClassificationResult;
}

export function classified(index: number, description: string, ...entries: EntryOpts[]): ItemClassification {
  const es = entries.map(entry);
  return { index, description, classified: true, entries: es, suggestions: [], cwcSchedule: es.find((e) => e.cwcSchedule)?.cwcSchedule, notes: [] };
}

export function unclassified(index: number, description: string): ItemClassification {
  return { index, description, classified: false, entries: [], suggestions: [], notes: [] };
}

export function hit(o: Partial<ScreeningHit> & { list: string }): ScreeningHit {
  return {
    source: 'us-csl', entityId: 'us-csl:1', name: 'LISTED PARTY', matchedName: 'LISTED PARTY', score: 0.95,
    type: 'organization', programs: [], countries: [], explanation: { tokens: [], notes: [], nameScore: 0.95, adjustments: [] },
    ...o,
  };
}

export interface EvalOpts {
  asOf?: string;
  items?: ItemClassification[];
  /** Hits per party, in party order. */
  hits?: ScreeningHit[][];
  extraRedFlags?: RedFlag[];
}

export async function evaluate(tx: Transaction, o: EvalOpts = {}): Promise<Assessment> {
  const items = o.items ?? tx.items.map((it, i) => unclassified(i, it.description));
  const screening: PartyScreening[] = tx.parties.map((p, i) => ({ role: p.role, name: p.name, country: p.country, hits: o.hits?.[i] ?? [] }));
  return evaluatePolicy(tx, {
    asOf: o.asOf ?? tx.date, rules: await rules(), items, screening,
    lists: [{ id: 'un', version: 1, date: '2026-02-27' }, { id: 'us-csl', version: 2, date: '2026-07-31' }],
    controlsVersion: 'test-controls', extraRedFlags: o.extraRedFlags,
  });
}

export function det(a: Assessment, j: string): Determination {
  const d = a.determinations.find((x) => x.jurisdiction === j);
  if (!d) throw new Error(`no determination for ${j}`);
  return d;
}

/** Rule ids that fired for a jurisdiction with the given effect (any effect when omitted). */
export function fired(a: Assessment, j: string, effect?: string): string[] {
  return det(a, j).reasons.filter((r) => !effect || r.effect === effect).map((r) => r.ruleId);
}

export const flags = (a: Assessment): string[] => a.redFlags.map((f) => f.code);

/** The day before a YYYY-MM-DD date. */
export function dayBefore(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** A reference scenario of test/fixtures/scenarios (a copy of ../shared/scenarios). */
export interface Scenario {
  id: string;
  asOf: string;
  transaction: Transaction;
  expect: Record<string, string[]>;
  applies?: Record<string, boolean>;
  mustCite?: string[];
  redFlags?: string[];
  divergent?: boolean;
}

/** The reference scenarios, sorted by file name; `sub` reads a subfolder instead (`own`: the project's own). */
export function loadScenarios(sub = ''): Scenario[] {
  const dir = join(import.meta.dirname, '../fixtures/scenarios', sub);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario);
}

let catalogLoad: Promise<ControlCatalog> | undefined;

/** The policy step on items classified by the real catalogue (and designations), parties unscreened. */
export async function assessClassified(tx: Transaction): Promise<Assessment> {
  const rs = await rules();
  const cat = await (catalogLoad ??= loadControlCatalog());
  const items = tx.items.map((it, i) => classifyDesignation(it, i, rs) ?? cat.classifyItem(it, i, tx.date));
  const screening = tx.parties.map((p) => ({ role: p.role, name: p.name, country: p.country, hits: [] }));
  return evaluatePolicy(tx, { asOf: tx.date, rules: rs, items, screening, lists: [], controlsVersion: cat.version });
}
