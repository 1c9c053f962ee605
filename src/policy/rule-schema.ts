// The shape of the files under data/rules/, checked with zod when the rule set loads. Objects are
// strict so that a misspelt key ("destinaton") is an error rather than a silently ignored condition.
import { z } from 'zod';
import { END_USE_CATEGORIES, ITEM_CATEGORIES, KNOWLEDGE_TOPICS, OUTCOMES, PARTY_SECTORS } from '../model/index.js';
import { isValidDate } from './dates.js';

const day = z.string().refine(isValidDate, { message: 'expected a real date YYYY-MM-DD' });
const dayOrOpen = day.nullable();
const nonEmpty = z.string().min(1);

const provenance = z.looseObject({ date: z.string().optional(), sources: z.array(z.string()).optional() });

export const ItemConditionSchema = z.strictObject({
  /** Entry codes: '1C350', paragraph prefixes ('6A003' matches '6A003.b.4'), wildcards '?' and '*' ('ML*', '?A6??'). */
  code: z.array(nonEmpty).min(1).optional(),
  regime: z.array(z.enum(['WA', 'NSG', 'MTCR', 'AG', 'CWC'])).min(1).optional(),
  /** US reasons for control: an exact reason ('NS2') or its family ('NS'). */
  reason: z.array(nonEmpty).min(1).optional(),
  /** Jurisdictions whose list carries the entry ('EU', 'US'). */
  listedIn: z.array(nonEmpty).min(1).optional(),
  cwcSchedule: z.array(z.enum(['1', '2', '3'])).min(1).optional(),
  /** true: resolved by code or CAS; false: described only. */
  classified: z.boolean().optional(),
  usOrigin: z.boolean().optional(),
  /** true: designated EAR99 (subject to the EAR, on no CCL entry). */
  ear99: z.boolean().optional(),
  /** An annex of a regime, by id ('UN-LY-883-annex'): its codes, or its keywords in the description. */
  annex: nonEmpty.optional(),
  /** The item is none of these kinds ('food', 'medicine'): the "all goods except …" of a measure. */
  notCategory: z.array(z.enum(ITEM_CATEGORIES)).min(1).optional(),
  /**
   * The calibre the item's description states is above this many mm ('7.62x39 mm' is 7.62): ammunition
   * for heavy weapons rather than small arms. A description that states no calibre is assumed above
   * it (the stricter reading), and the determination says so.
   */
  calibre: z.strictObject({ aboveMm: z.number().positive() }).optional(),
});
export type ItemCondition = z.infer<typeof ItemConditionSchema>;

export const PartyConditionSchema = z.strictObject({
  /** Sub-list names ('SDN', 'Entity List', 'UN List'); matched on the whole name or its acronym. */
  list: z.array(nonEmpty).min(1).optional(),
  source: z.array(nonEmpty).min(1).optional(),
  /** Programme names or prefixes ('Libya', 'LYi'), case-insensitive. */
  program: z.array(nonEmpty).min(1).optional(),
  /** Case-insensitive regular expression on the listing's licence review policy. */
  licensePolicy: nonEmpty.optional(),
  role: z.array(nonEmpty).min(1).optional(),
});
export type PartyCondition = z.infer<typeof PartyConditionSchema>;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { destination: string[] }
  | { exporterCountry: string[] }
  | { endUse: string[] }
  | { item: ItemCondition }
  | { party: PartyCondition }
  | { countryChart: { columns?: string[] } }
  | { knowledge: { informed?: string[]; aware?: string[] } }
  | { endUser: string[] };

const CONDITION_KEYS = ['all', 'any', 'not', 'destination', 'exporterCountry', 'endUse', 'item', 'party', 'countryChart', 'knowledge', 'endUser'] as const;

// One strict object with every operator optional and exactly one present: validates as fast as a
// discriminated union and names the offending key, where a plain union would try every branch.
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(ConditionSchema).min(1).optional(),
      any: z.array(ConditionSchema).min(1).optional(),
      not: ConditionSchema.optional(),
      destination: z.array(nonEmpty).min(1).optional(),
      exporterCountry: z.array(nonEmpty).min(1).optional(),
      endUse: z.array(z.enum(END_USE_CATEGORIES)).min(1).optional(),
      item: ItemConditionSchema.optional(),
      party: PartyConditionSchema.optional(),
      countryChart: z.strictObject({ columns: z.array(nonEmpty).optional() }).optional(),
      /** The exporter was informed by the authority of / is aware of (a declared end use counts) one of these. */
      knowledge: z
        .strictObject({ informed: z.array(z.enum(KNOWLEDGE_TOPICS)).min(1).optional(), aware: z.array(z.enum(KNOWLEDGE_TOPICS)).min(1).optional() })
        .refine((k) => k.informed || k.aware, { message: 'knowledge needs `informed` or `aware`' })
        .optional(),
      /** The end user (or consignee) is one of these sectors; a party whose sector is not given is assumed within scope. */
      endUser: z.array(z.enum(PARTY_SECTORS)).min(1).optional(),
    })
    .refine((c) => Object.keys(c).length === 1, { message: `a condition has exactly one of: ${CONDITION_KEYS.join(', ')}` }),
) as unknown as z.ZodType<Condition>;

export const RequirementSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a requirement id is kebab-case: "cwc-end-use-certificate"'),
  text: nonEmpty,
  citation: nonEmpty,
});
export type RequirementDef = z.infer<typeof RequirementSchema>;

export const RuleSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]{2}[A-Za-z0-9._:-]*$/, 'rule ids start with the jurisdiction: "US-EO12543-embargo"'),
    citation: nonEmpty,
    summary: nonEmpty,
    from: dayOrOpen,
    to: dayOrOpen,
    suspensions: z.array(z.strictObject({ from: day, to: dayOrOpen, citation: nonEmpty })).optional(),
    /** One reason per transaction (default), per matching item, or per matching screening hit. */
    per: z.enum(['transaction', 'item', 'party']).default('transaction'),
    when: ConditionSchema,
    effect: z.enum([...OUTCOMES, 'red-flag', 'info']),
    /** Red-flag code raised when effect is 'red-flag'. */
    redFlag: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
    /** Procedures the rule demands beside its effect. */
    requirements: z.array(RequirementSchema).optional(),
    sources: z.array(z.string()).optional(),
    verify: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((r) => r.from === null || r.to === null || r.from < r.to, { message: '`from` must be before `to`', path: ['to'] })
  .refine((r) => (r.effect === 'red-flag') === (r.redFlag !== undefined), {
    message: 'a rule has `redFlag` exactly when its effect is "red-flag"',
    path: ['redFlag'],
  });
export type Rule = z.infer<typeof RuleSchema>;

export const RuleFileSchema = z.strictObject({
  kind: z.literal('rules'),
  jurisdiction: nonEmpty,
  topic: nonEmpty,
  provenance,
  rules: z.array(z.unknown()), // each rule is validated on its own so errors can name its id
});

const NexusTestSchema = z.discriminatedUnion('test', [
  z.strictObject({ test: z.literal('always'), text: nonEmpty }),
  z.strictObject({ test: z.literal('exporterIn'), countries: z.array(nonEmpty).min(1), text: nonEmpty }),
  z.strictObject({ test: z.literal('usOrigin'), text: nonEmpty }),
  z.strictObject({
    test: z.literal('contentAbove'),
    threshold: z.number().min(0).max(1),
    stricter: z.array(z.strictObject({ destinations: z.array(nonEmpty).min(1), threshold: z.number().min(0).max(1) })).default([]),
    text: nonEmpty,
  }),
  z.strictObject({ test: z.literal('exporterFlag'), flag: z.literal('usPerson'), text: nonEmpty }),
]);
export type NexusTest = z.infer<typeof NexusTestSchema>;

export const JurisdictionFileSchema = z.strictObject({
  kind: z.literal('jurisdiction'),
  id: z.string().regex(/^[A-Z]{2}$/),
  name: nonEmpty,
  inherits: z.array(z.string()).default([]),
  /** Evaluated only when a transaction names it in `jurisdictions` (not among the defaults). */
  onRequest: z.boolean().default(false),
  nexus: z.array(NexusTestSchema).min(1),
  notReached: nonEmpty,
  notModelled: z.array(nonEmpty).default([]),
  instruments: z.array(z.strictObject({ id: nonEmpty, from: dayOrOpen, to: dayOrOpen })).default([]),
  appliedVia: z.string().optional(),
  provenance,
});
export type JurisdictionFile = z.infer<typeof JurisdictionFileSchema>;

export const GroupFileSchema = z.strictObject({
  kind: z.literal('groups'),
  provenance,
  groups: z.array(
    z.strictObject({
      id: z.string().regex(/^[A-Z]{2,3}:[A-Za-z0-9:-]+$/),
      label: nonEmpty,
      members: z.array(
        z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/), from: dayOrOpen, to: dayOrOpen, citation: z.string().optional() }),
      ),
    }),
  ),
});
export type GroupFile = z.infer<typeof GroupFileSchema>;

const RedFlagDefSchema = z.discriminatedUnion('test', [
  z.strictObject({ code: nonEmpty, test: z.literal('screeningHit'), message: nonEmpty }),
  z.strictObject({ code: nonEmpty, test: z.literal('partyCountryDiffers'), roles: z.array(nonEmpty).min(1), message: nonEmpty }),
  z.strictObject({ code: nonEmpty, test: z.literal('endUse'), categories: z.array(z.enum(END_USE_CATEGORIES)).min(1), message: nonEmpty }),
  z.strictObject({
    code: nonEmpty,
    test: z.literal('securityForce'),
    categories: z.array(z.enum(END_USE_CATEGORIES)),
    roles: z.array(nonEmpty),
    keywords: z.array(nonEmpty),
    message: nonEmpty,
  }),
  z.strictObject({
    code: nonEmpty,
    test: z.literal('vagueEndUse'),
    categories: z.array(z.enum(END_USE_CATEGORIES)),
    minStatementLength: z.number().int().min(0),
    phrases: z.array(nonEmpty),
    message: nonEmpty,
  }),
  z.strictObject({ code: nonEmpty, test: z.literal('unclassifiedItem'), message: nonEmpty }),
]);
export type RedFlagDef = z.infer<typeof RedFlagDefSchema>;

export const RedFlagFileSchema = z.strictObject({ kind: z.literal('red-flags'), provenance, flags: z.array(RedFlagDefSchema).min(1) });

export const EarNamesFileSchema = z.strictObject({
  kind: z.literal('ear-names'),
  provenance,
  chart: z.record(z.string(), nonEmpty),
  groups: z.record(z.string(), z.array(nonEmpty)),
});
export type EarNamesFile = z.infer<typeof EarNamesFileSchema>;

/** The parts of data/controls/us-ear/country-chart.json the evaluator reads. */
export const CountryChartSchema = z.looseObject({
  citation: nonEmpty,
  ecfrIssueDate: day,
  columns: z.array(nonEmpty),
  countries: z.record(z.string(), z.looseObject({ marks: z.array(nonEmpty) })),
  embargoed: z.record(z.string(), z.looseObject({ pointer: nonEmpty })),
  aliases: z.record(z.string(), nonEmpty),
  territoryInheritance: z.record(z.string(), z.looseObject({ row: nonEmpty })).default({}),
});
export type CountryChart = z.infer<typeof CountryChartSchema>;

/** The parts of data/controls/us-ear/country-groups.json the evaluator reads. */
export const CountryGroupsSchema = z.looseObject({
  citation: nonEmpty,
  ecfrIssueDate: day,
  aliases: z.record(z.string(), nonEmpty),
  labels: z.record(z.string(), nonEmpty),
  groups: z.record(z.string(), z.array(nonEmpty)),
});
export type CountryGroups = z.infer<typeof CountryGroupsSchema>;

/** data/countries.json (shared with the list mappers): ISO-2 → names. */
export const CountryNamesSchema = z.looseObject({ countries: z.record(z.string().regex(/^[A-Z]{2}$/), z.array(nonEmpty)) });
