// Loads data/rules/** (plus the US Country Chart, Country Groups and ISO code table they depend on)
// into a validated RuleSet. The set's identity is the SHA-256 of one canonical JSON document holding
// every file, so a case can store that document and replay a decision with exactly the same rules.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { dataDir } from '../app/paths.js';
import { VigilInputError } from '../model/errors.js';
import { inPeriod } from './dates.js';
import { Geography } from './geography.js';
import { compileRule, referencedPlaces, type AnnexLookup, type CompiledRule } from './conditions.js';
import { annexMatcher, derivedGroups, measureRule, parseRegime, regimeSpan, type Regime } from './regimes.js';
import {
  CountryChartSchema, CountryGroupsSchema, CountryNamesSchema, EarNamesFileSchema, GroupFileSchema,
  JurisdictionFileSchema, RedFlagFileSchema, RuleFileSchema, RuleSchema,
  type GroupFile, type JurisdictionFile, type RedFlagDef, type EarNamesFile,
} from './rule-schema.js';

/** The files a rule set is made of, by path relative to data/. */
export interface RuleBundle {
  format: 'vigil-rules/1';
  files: Record<string, unknown>;
}

const built = new Map<string, RuleSet>();

const DEPENDENCIES = ['controls/us-ear/country-chart.json', 'controls/us-ear/country-groups.json', 'countries.json'];

export class RuleSet {
  readonly version: string;
  readonly sha256: string;
  readonly jurisdictions: ReadonlyMap<string, JurisdictionFile>;
  readonly geography: Geography;
  readonly redFlags: readonly RedFlagDef[];
  readonly regimes: readonly Regime[];
  private readonly rules: ReadonlyMap<string, CompiledRule[]>;
  private readonly canonical: string;
  private readonly byId: ReadonlyMap<string, CompiledRule>;

  private constructor(bundle: RuleBundle) {
    this.canonical = canonicalJson(bundle);
    this.sha256 = createHash('sha256').update(this.canonical).digest('hex');
    this.version = `rules-${this.sha256.slice(0, 12)}`;
    const parsed = parseBundle(bundle);
    this.jurisdictions = parsed.jurisdictions;
    this.geography = parsed.geography;
    this.redFlags = parsed.redFlags;
    this.regimes = parsed.regimes;
    this.rules = parsed.rules;
    this.byId = new Map(this.allRules().map((r) => [r.id, r]));
  }

  /** Validating and compiling takes a few hundred ms; the same content is built once per process. */
  static fromBundle(bundle: RuleBundle): RuleSet {
    const sha = createHash('sha256').update(canonicalJson(bundle)).digest('hex');
    const cached = built.get(sha);
    if (cached) return cached;
    const set = new RuleSet(bundle);
    built.set(sha, set);
    return set;
  }

  /** Rebuild from `serialize()` output; `sha256`, when given, must match (a stored set was not altered). */
  static fromJSON(json: string, sha256?: string): RuleSet {
    let bundle: RuleBundle;
    try {
      bundle = JSON.parse(json) as RuleBundle;
    } catch (e) {
      throw new VigilInputError(`stored rule set is not JSON: ${(e as Error).message}`, 'rule set');
    }
    if (bundle?.format !== 'vigil-rules/1' || typeof bundle.files !== 'object') {
      throw new VigilInputError('stored rule set has an unknown format', 'rule set');
    }
    const set = RuleSet.fromBundle(bundle);
    if (sha256 && set.sha256 !== sha256) {
      throw new VigilInputError(`stored rule set hashes to ${set.sha256}, not ${sha256}`, 'rule set');
    }
    return set;
  }

  /** The canonical document (what the hash covers), for store.putRuleSet(sha256, version, json). */
  serialize(): string {
    return this.canonical;
  }

  /** So that JSON.stringify(ruleSet) gives the same canonical text as serialize(). */
  toJSON(): unknown {
    return JSON.parse(this.canonical);
  }

  jurisdictionIds(): string[] {
    return [...this.jurisdictions.keys()];
  }

  /** The jurisdictions assessed when a transaction names none (those marked `onRequest` are left out). */
  defaultJurisdictionIds(): string[] {
    return [...this.jurisdictions.values()].filter((j) => !j.onRequest).map((j) => j.id);
  }

  /** Rules written for the jurisdiction itself, not the inherited ones. */
  rulesOf(jurisdiction: string): readonly CompiledRule[] {
    return this.rules.get(jurisdiction) ?? [];
  }

  /** The jurisdiction's own rules and, first, those of the jurisdictions it applies (IT applies EU). */
  applicableRules(jurisdiction: string): readonly CompiledRule[] {
    const j = this.jurisdictions.get(jurisdiction);
    return [...(j?.inherits ?? []).flatMap((p) => this.rulesOf(p)), ...this.rulesOf(jurisdiction)];
  }

  allRules(): CompiledRule[] {
    return [...this.rules.values()].flat();
  }

  rule(id: string): CompiledRule | undefined {
    return this.byId.get(id);
  }

  /** Regimes of a jurisdiction (and those it applies: IT applies EU) that target a destination. */
  regimesFor(jurisdiction: string, destination?: string): Regime[] {
    const j = this.jurisdictions.get(jurisdiction);
    const owners = new Set([jurisdiction, ...(j?.inherits ?? [])]);
    return this.regimes.filter((r) => owners.has(r.jurisdiction) && (!destination || r.target.destinations.includes(destination)));
  }

  /** What the partial regimes for this destination and day leave out, one line per regime. */
  coverageGaps(jurisdiction: string, destination: string, day: string): string[] {
    return this.regimesFor(jurisdiction, destination)
      .filter((r) => r.coverage === 'partial' && inPeriod(regimeSpan(r), day))
      .map((r) => `${r.title} is modelled in part; not modelled: ${r.notModelled.join('; ')}`);
  }

  /** The instrument of a jurisdiction in force on a day (the EU dual-use regulation). */
  instrumentOn(jurisdiction: string, day: string): string | undefined {
    return this.jurisdictions.get(jurisdiction)?.instruments.find((i) => inPeriod(i, day))?.id;
  }
}

/** Read data/rules/** and its dependencies from a data directory (default: the package's data/). */
export function readRuleBundle(root: string = dataDir()): RuleBundle {
  const files: Record<string, unknown> = {};
  const rulesDir = join(root, 'rules');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) files[relative(root, p).split(sep).join('/')] = readJson(p, relative(root, p));
    }
  };
  try {
    walk(rulesDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new VigilInputError('rule directory not found', rulesDir);
    throw e;
  }
  for (const dep of DEPENDENCIES) files[dep] = readJson(join(root, dep), dep);
  return { format: 'vigil-rules/1', files };
}

function readJson(path: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new VigilInputError(`cannot read: ${(e as Error).message}`, `data/${shown}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new VigilInputError(`not valid JSON: ${(e as Error).message}`, `data/${shown}`);
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.length ? ` (${formatPath(issue.path)})` : '';
  throw new VigilInputError(`${issue.message}${path}`, where);
}

export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

function parseBundle(bundle: RuleBundle) {
  const f = bundle.files;
  const need = (p: string) => {
    if (!(p in f)) throw new VigilInputError('missing from the rule set', `data/${p}`);
    return f[p];
  };
  const chart = check(CountryChartSchema, need(DEPENDENCIES[0]!), `data/${DEPENDENCIES[0]}`);
  const earGroups = check(CountryGroupsSchema, need(DEPENDENCIES[1]!), `data/${DEPENDENCIES[1]}`);
  const countries = check(CountryNamesSchema, need(DEPENDENCIES[2]!), `data/${DEPENDENCIES[2]}`).countries;

  const jurisdictions = new Map<string, JurisdictionFile>();
  const ruleFiles: { path: string; jurisdiction: string; rules: unknown[] }[] = [];
  const groupFiles: GroupFile[] = [];
  const regimes: Regime[] = [];
  let redFlags: RedFlagDef[] | undefined;
  let earNames: EarNamesFile = { kind: 'ear-names', provenance: {}, chart: {}, groups: {} };

  for (const [path, content] of Object.entries(f)) {
    if (!path.startsWith('rules/')) continue;
    const where = `data/${path}`;
    const kind = (content as { kind?: unknown })?.kind;
    const parts = path.split('/');
    const folder = parts.length === 3 || (parts.length === 4 && parts[2] === 'regimes') ? parts[1]! : undefined;
    switch (kind) {
      case 'jurisdiction': {
        const j = check(JurisdictionFileSchema, content, where);
        if (folder !== j.id) throw new VigilInputError(`jurisdiction ${j.id} must live in data/rules/${j.id}/`, where);
        jurisdictions.set(j.id, j);
        break;
      }
      case 'rules': {
        const file = check(RuleFileSchema, content, where);
        if (folder !== file.jurisdiction) {
          throw new VigilInputError(`rules of ${file.jurisdiction} must live in data/rules/${file.jurisdiction}/`, where);
        }
        ruleFiles.push({ path: where, jurisdiction: file.jurisdiction, rules: file.rules });
        break;
      }
      case 'regime': {
        const r = parseRegime(content, where, check);
        if (folder !== r.jurisdiction || parts[2] !== 'regimes') {
          throw new VigilInputError(`regimes of ${r.jurisdiction} must live in data/rules/${r.jurisdiction}/regimes/`, where);
        }
        regimes.push(r);
        break;
      }
      case 'groups': groupFiles.push(check(GroupFileSchema, content, where)); break;
      case 'red-flags': redFlags = check(RedFlagFileSchema, content, where).flags; break;
      case 'ear-names': earNames = check(EarNamesFileSchema, content, where); break;
      default: throw new VigilInputError(`unknown "kind" ${JSON.stringify(kind)}: expected jurisdiction, rules, regime, groups, red-flags or ear-names`, where);
    }
  }
  if (!redFlags) throw new VigilInputError('missing', 'data/rules/red-flags.json');

  const geography = new Geography(countries, [...groupFiles, derivedGroups(regimes)], chart, earGroups, earNames);
  const annexes: AnnexLookup = new Map(regimes.flatMap((r) => r.annexes.map((a) => [a.id, annexMatcher(a)] as const)));
  const annexIds = new Set<string>();
  for (const r of regimes) for (const a of r.annexes) {
    if (annexIds.has(a.id)) throw new VigilInputError(`duplicate annex id ${a.id}`, r.path);
    annexIds.add(a.id);
  }
  const ctx = { geo: geography, annexes };
  for (const gf of groupFiles) for (const g of gf.groups) for (const m of g.members) {
    if (!geography.isCountry(m.country)) throw new VigilInputError(`unknown country code ${m.country} in group ${g.id}`, 'data/rules groups');
  }

  const rules = new Map<string, CompiledRule[]>();
  const seen = new Map<string, string>();
  for (const file of ruleFiles) {
    if (!jurisdictions.has(file.jurisdiction)) {
      throw new VigilInputError(`no data/rules/${file.jurisdiction}/jurisdiction.json for these rules`, file.path);
    }
    file.rules.forEach((raw, i) => {
      const id = (raw as { id?: unknown })?.id;
      const where = `${file.path} rule ${typeof id === 'string' ? id : `#${i}`}`;
      const rule = check(RuleSchema, raw, where);
      if (!rule.id.startsWith(`${file.jurisdiction}-`)) throw new VigilInputError(`rule id must start with "${file.jurisdiction}-"`, where);
      const dup = seen.get(rule.id);
      if (dup) throw new VigilInputError(`duplicate rule id (also in ${dup})`, where);
      seen.set(rule.id, file.path);
      for (const place of referencedPlaces(rule.when)) {
        if (!geography.isCountry(place) && !geography.isGroup(place)) {
          throw new VigilInputError(`unknown country code or group "${place}"`, where);
        }
      }
      const list = rules.get(file.jurisdiction) ?? [];
      list.push(compileRule(rule, file.jurisdiction, ctx));
      rules.set(file.jurisdiction, list);
    });
  }
  for (const r of regimes) {
    if (!jurisdictions.has(r.jurisdiction)) throw new VigilInputError(`no data/rules/${r.jurisdiction}/jurisdiction.json for this regime`, r.path);
    for (const d of r.target.destinations) if (!geography.isCountry(d)) throw new VigilInputError(`unknown country code "${d}" in target`, r.path);
    for (const m of r.measures) {
      const where = `${r.path} measure ${m.id}`;
      const dup = seen.get(m.id);
      if (dup) throw new VigilInputError(`duplicate rule id (also in ${dup})`, where);
      seen.set(m.id, r.path);
      const rule = measureRule(r, m);
      for (const place of referencedPlaces(rule.when)) {
        if (!geography.isCountry(place) && !geography.isGroup(place)) throw new VigilInputError(`unknown country code or group "${place}"`, where);
      }
      const list = rules.get(r.jurisdiction) ?? [];
      list.push(compileRule(rule, r.jurisdiction, ctx));
      rules.set(r.jurisdiction, list);
    }
  }
  for (const j of jurisdictions.values()) {
    for (const parent of j.inherits) {
      if (!jurisdictions.has(parent)) throw new VigilInputError(`inherits unknown jurisdiction ${parent}`, `data/rules/${j.id}/jurisdiction.json`);
    }
    for (const t of j.nexus) {
      const places = t.test === 'exporterIn' ? t.countries : t.test === 'contentAbove' ? t.stricter.flatMap((s) => s.destinations) : [];
      for (const p of places) {
        if (!geography.isCountry(p) && !geography.isGroup(p)) {
          throw new VigilInputError(`unknown country code or group "${p}" in nexus`, `data/rules/${j.id}/jurisdiction.json`);
        }
      }
    }
  }
  return { jurisdictions, geography, redFlags, rules, regimes };
}

/** JSON with object keys sorted at every level and no whitespace: one text per content. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}
