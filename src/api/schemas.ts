// Request schemas (zod). The same objects validate requests and generate /openapi.json.
import { z } from 'zod';
import { TransactionSchema } from '../policy/transaction-schema.js';

export { TransactionSchema };
import { choose } from './validation.js';
import { safeLabel } from './text.js';

const ENTITY_TYPES = ['person', 'organization', 'vessel', 'aircraft', 'unknown'] as const;

const countryCode = z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code')
  .transform((s) => s.toUpperCase());
export const isoDate = z.iso.date('expected a date as YYYY-MM-DD');

// ---- screening ----------------------------------------------------------------------------------

const party = {
  name: z.string().trim().min(1, 'name is required').max(500),
  type: z.enum(ENTITY_TYPES).optional(),
  country: countryCode.optional(),
  birthYear: z.number().int().min(1800).max(2100).optional(),
};
const tuning = {
  threshold: z.number().min(0).max(1).optional(),
  limit: z.number().int().min(1).max(100).optional(),
};

export const MAX_BATCH = 1000;

export const ScreenOne = z.object({
  ...party, ...tuning,
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').optional().meta({ description: 'Screen against the list snapshots active on this day.' }),
}).meta({ description: 'Screen one party.' });
export const ScreenParty = z.object(party);
export const ScreenBatch = z.object({
  parties: z.array(ScreenParty).min(1).max(MAX_BATCH, `at most ${MAX_BATCH} parties per request`),
  ...tuning,
}).meta({ description: `Screen up to ${MAX_BATCH} parties; the answer is one record per party, in input order.` });

/** One party, or a batch when the body has `parties`. */
export const ScreenBody = choose(z.union([ScreenOne, ScreenBatch]),
  (body) => (body && typeof body === 'object' && 'parties' in body ? ScreenBatch : ScreenOne));

export const CompareBody = z.object({
  a: z.string().trim().min(1).max(500),
  b: z.string().trim().min(1).max(500),
  type: z.enum(ENTITY_TYPES).optional(),
});

// ---- classification -----------------------------------------------------------------------------

export const ClassifyQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(300),
  asOf: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const MeasuresQuery = z.object({
  destination: z.string().trim().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code').optional(),
  asOf: isoDate.optional(),
  jurisdiction: z.string().trim().regex(/^[A-Za-z]{2}$/, 'a jurisdiction id such as UN, EU, IT, US').optional(),
});

// ---- assessment ---------------------------------------------------------------------------------
// The transaction schema is the policy work's, shared with `vigil assess`.

/** The transaction itself with an optional `asOf`, or a scenario-file shape `{ transaction, asOf }`. */
export const AssessFlat = TransactionSchema.extend({ asOf: isoDate.optional() });
export const AssessWrapped = z.object({ transaction: TransactionSchema, asOf: isoDate.optional() });
export const AssessBody = choose(z.union([AssessFlat, AssessWrapped]),
  (body) => (body && typeof body === 'object' && 'transaction' in body ? AssessWrapped : AssessFlat));
export const AssessQuery = z.object({ asOf: isoDate.optional() });

// ---- lists --------------------------------------------------------------------------------------

export const ListsQuery = z.object({ maxAgeDays: z.coerce.number().int().min(1).max(100_000).optional() });
export const ListsUpdateBody = z.object({
  sources: z.array(z.string().min(1)).min(1).optional(),
  force: z.boolean().optional(),
});
export const ListsImportQuery = z.object({
  format: z.string().min(1),
  // A plain name: no directories, not '.' or '..', no control characters (a%00b is a NUL).
  fileName: z.string().regex(/^[^/\\\u0000-\u001f\u007f]{1,200}$/, 'a plain file name, no directories or control characters')
    .refine((n) => n !== '.' && n !== '..', 'a plain file name, not . or ..').optional(),
  listDate: isoDate.optional(),
  force: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

// ---- keys ---------------------------------------------------------------------------------------

export const ROLES = ['reader', 'officer', 'admin'] as const;
export const CreateKeyBody = z.object({
  role: z.enum(ROLES),
  label: safeLabel(z.string().trim().min(1).max(200)).optional(),
});
export const KeyParams = z.object({ id: z.string().min(1).max(100) });

// ---- shared responses (documentation only; handlers return the CLI's --json shapes) -------------

export const ErrorResponse = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ in: z.string(), path: z.string(), message: z.string() })).optional(),
  limit: z.object({ name: z.string(), max: z.number(), actual: z.number().optional() }).optional()
    .describe('413/422/503: the budget the request went over (README "Security")'),
}).meta({ description: 'Every error answer.' });
