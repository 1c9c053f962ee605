// The shape of a regime file (data/rules/<J>/regimes/<TARGET>.json): one jurisdiction's sanctions
// regime for one target, as a dated bundle of measures. Each measure keeps what the instrument says:
// its citation and operative words, its periods (a suspension is a gap, recorded with its own
// citation), its item scope, its end-user scope, its effect and the procedures it demands.
import { z } from 'zod';
import { ITEM_CATEGORIES, OUTCOMES, PARTY_SECTORS } from '../model/index.js';
import { isValidDate } from './dates.js';
import { ConditionSchema, RequirementSchema } from './rule-schema.js';

const day = z.string().refine(isValidDate, { message: 'expected a real date YYYY-MM-DD' });
const nonEmpty = z.string().min(1);

export const MEASURE_TYPES = [
  'arms-embargo', 'dual-use-ban', 'annex-items', 'luxury-goods', 'internal-repression', 'wmd-goods',
  'comprehensive', 'catch-all', 'licence-requirement', 'sectoral', 'technology', 'other',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

const period = z
  .strictObject({ from: day, to: day.nullable(), citation: nonEmpty.optional() })
  .refine((p) => p.to === null || p.from < p.to, { message: '`from` must be before `to`', path: ['to'] });

export const ItemScopeSchema = z
  .strictObject({
    /** Arms and related materiel: the Common Military List (ML1–ML22). */
    militaryList: z.boolean().optional(),
    /** Dual-use items on the list of these jurisdictions (EU Annex I, the US CCL). */
    dualUse: z.array(z.enum(['EU', 'US'])).min(1).optional(),
    /** Entry codes or patterns ('3A001', 'ML*', '?A6??'). */
    codes: z.array(nonEmpty).min(1).optional(),
    /** US reasons for control ('NS', 'AT1'): narrows `dualUse` to entries with these reasons. */
    reasons: z.array(nonEmpty).min(1).optional(),
    /** An annex of this regime, by id. */
    annex: nonEmpty.optional(),
    cwcSchedule: z.array(z.enum(['1', '2', '3'])).min(1).optional(),
    /** Items designated EAR99. */
    ear99: z.boolean().optional(),
    /** Every item, whether listed or not (a comprehensive measure). */
    all: z.boolean().optional(),
    /** Item kinds left out of `all` ('food', 'medicine'). */
    except: z.array(z.enum(ITEM_CATEGORIES)).min(1).optional(),
  })
  .refine((s) => s.militaryList || s.dualUse || s.codes || s.reasons || s.annex || s.cwcSchedule || s.ear99 || s.all, {
    message: 'an item scope names at least one of militaryList, dualUse, codes, reasons, annex, cwcSchedule, ear99, all',
  })
  .refine((s) => !s.except || s.all, { message: '`except` narrows `all` only', path: ['except'] });
export type ItemScope = z.infer<typeof ItemScopeSchema>;

export const ExemptionSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{2}[A-Za-z0-9._:-]*$/),
  text: nonEmpty,
  citation: nonEmpty,
  /** The outcome when a transaction relies on this exemption (it replaces the measure's effect). */
  effect: z.enum([...OUTCOMES, 'info']),
  requirements: z.array(RequirementSchema).default([]),
});

export const MeasureSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]{2}[A-Za-z0-9._:-]*$/, 'measure ids start with the jurisdiction: "UN-KP-arms"'),
    type: z.enum(MEASURE_TYPES),
    citation: nonEmpty,
    /** The operative words, verbatim and short. */
    quote: nonEmpty,
    /** What the measure does, in a sentence ({code} is replaced by the items that matched). */
    summary: nonEmpty,
    periods: z.array(period).min(1),
    /** Gaps inside a period during which the measure was suspended (not lifted). */
    suspensions: z.array(z.strictObject({ from: day, to: day.nullable(), citation: nonEmpty })).default([]),
    items: ItemScopeSchema,
    /** Whose end use the measure reaches: any person in the target, or only these sectors. */
    endUsers: z.union([z.literal('any'), z.array(z.enum(PARTY_SECTORS)).min(1)]).default('any'),
    /** Further conditions (end use, knowledge, listed parties). */
    when: ConditionSchema.optional(),
    effect: z.enum([...OUTCOMES, 'info']),
    requirements: z.array(RequirementSchema).default([]),
    exemptions: z.array(ExemptionSchema).default([]),
    sources: z.array(nonEmpty).default([]),
    verify: nonEmpty.optional(),
    note: nonEmpty.optional(),
  })
  .refine((m) => m.periods.every((p, i) => i === 0 || (m.periods[i - 1]!.to !== null && m.periods[i - 1]!.to! <= p.from)), {
    message: 'periods are in order and do not overlap',
    path: ['periods'],
  });
export type Measure = z.infer<typeof MeasureSchema>;

export const AnnexSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{2}[A-Za-z0-9._:-]*$/),
  title: nonEmpty,
  citation: nonEmpty,
  entries: z.array(z.strictObject({ code: nonEmpty, title: nonEmpty, keywords: z.array(nonEmpty).default([]) })).min(1),
});
export type Annex = z.infer<typeof AnnexSchema>;

export const RegimeFileSchema = z.strictObject({
  kind: z.literal('regime'),
  jurisdiction: z.string().regex(/^[A-Z]{2}$/),
  id: z.string().regex(/^[A-Z]{2}-[A-Za-z0-9._:-]+$/),
  title: nonEmpty,
  /** ISO-2 codes of the destinations the regime targets. */
  target: z.strictObject({ destinations: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1), note: nonEmpty.optional() }),
  /** 'partial': parts of the regime are not modelled; every determination for the target says which. */
  coverage: z.enum(['full', 'partial']),
  notModelled: z.array(nonEmpty).default([]),
  provenance: z.looseObject({ sources: z.array(nonEmpty).min(1), date: nonEmpty.optional(), verify: nonEmpty.optional() }),
  annexes: z.array(AnnexSchema).default([]),
  measures: z.array(z.unknown()).min(1), // each measure is validated on its own so errors can name its id
}).refine((r) => r.coverage === 'full' || r.notModelled.length > 0, { message: 'a partial regime says what it does not model', path: ['notModelled'] });
export type RegimeFile = z.infer<typeof RegimeFileSchema>;
