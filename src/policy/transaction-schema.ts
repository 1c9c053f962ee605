// The transaction document (`vigil assess FILE.json`, POST /assess): one zod schema for the CLI and
// the HTTP API. Errors name the field (`items[0].quantity`) and nothing is assessed from a document
// that fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dataDir } from '../app/paths.js';
import { END_USE_CATEGORIES, ITEM_CATEGORIES, JURISDICTIONS, KNOWLEDGE_TOPICS, PARTY_SECTORS, VigilInputError, type Transaction } from '../model/index.js';
import { isValidDate } from './dates.js';
import { formatPath } from './rule-set.js';

let countryCodes: ReadonlySet<string> | undefined;

/** ISO 3166-1 alpha-2 codes known to Vigil (data/countries.json). */
export function knownCountryCodes(): ReadonlySet<string> {
  if (!countryCodes) {
    const doc = JSON.parse(readFileSync(join(dataDir(), 'countries.json'), 'utf8')) as { countries: Record<string, unknown> };
    countryCodes = new Set(Object.keys(doc.countries));
  }
  return countryCodes;
}

const date = z.string().refine(isValidDate, { message: 'not a real date (expected YYYY-MM-DD)' });
const country = z
  .string()
  .refine((c) => knownCountryCodes().has(c), { message: 'unknown country code (expected an ISO 3166-1 alpha-2 code such as IT, LY, US)' });
const text = z.string().trim().min(1, 'must not be empty');

function casOk(cas: string): boolean {
  const m = /^(\d{2,7})-(\d{2})-(\d)$/.exec(cas.trim());
  if (!m) return false;
  const digits = (m[1]! + m[2]!).split('').reverse();
  return digits.reduce((s, d, i) => s + Number(d) * (i + 1), 0) % 10 === Number(m[3]);
}

export const PartySchema = z.strictObject({
  role: text,
  name: text,
  country: country.optional(),
  type: z.enum(['person', 'organization', 'vessel', 'aircraft', 'unknown']).optional(),
  birthYear: z.number().int().min(1850).max(2100).optional(),
  sector: z.enum(PARTY_SECTORS, { message: `unknown sector; expected one of ${PARTY_SECTORS.join(', ')}` }).optional(),
});

export const ItemSchema = z.strictObject({
  description: text,
  code: text.optional(),
  cas: z.string().refine(casOk, { message: 'not a valid CAS number (shape 2–7 digits, 2 digits, check digit; e.g. 111-48-8)' }).optional(),
  quantity: z.number().positive('must be greater than 0').optional(),
  unit: text.optional(),
  value: z.number().nonnegative('must not be negative').optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR').optional(),
  usOrigin: z.boolean().optional(),
  usContent: z.number().min(0).max(1, 'is a share between 0 and 1').optional(),
  category: z.enum(ITEM_CATEGORIES, { message: `unknown item category; expected one of ${ITEM_CATEGORIES.join(', ')}` }).optional(),
});

const topics = z.array(z.enum(KNOWLEDGE_TOPICS, { message: `unknown topic; expected one of ${KNOWLEDGE_TOPICS.join(', ')}` }));

export const TransactionSchema = z.strictObject({
  date,
  exporter: z.strictObject({ name: text, country, usPerson: z.boolean().optional() }),
  destination: country,
  parties: z.array(PartySchema).default([]),
  items: z.array(ItemSchema).min(1, 'at least one item is required'),
  endUse: z.strictObject({
    statement: z.string().optional(),
    categories: z.array(z.enum(END_USE_CATEGORIES, { message: `unknown end-use category; expected one of ${END_USE_CATEGORIES.join(', ')}` })).min(1, "at least one category ('unknown' if not known)"),
  }),
  jurisdictions: z.array(z.string()).default([...JURISDICTIONS]),
  knowledge: z.strictObject({ informedByAuthority: topics.optional(), awareOf: topics.optional() }).optional(),
  exemptions: z.array(text).optional(),
});

/**
 * Validate a transaction document. `jurisdictions` lists those the rule set knows; an unknown one
 * is an error naming its index.
 */
export function parseTransaction(raw: unknown, opts: { jurisdictions?: readonly string[]; where?: string } = {}): Transaction {
  const r = TransactionSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues;
    const first = issues[0]!;
    const rest = issues.slice(1, 5).map((i) => `${formatPath(i.path) || '(document)'}: ${i.message}`);
    const where = [opts.where, formatPath(first.path) || '(document)'].filter(Boolean).join(' ');
    throw new VigilInputError(first.message + (rest.length ? `; also ${rest.join('; ')}` : ''), where, issues);
  }
  const known = opts.jurisdictions ?? JURISDICTIONS;
  r.data.jurisdictions.forEach((j, i) => {
    if (r.data.jurisdictions.indexOf(j) !== i) {
      throw new VigilInputError(`jurisdiction ${JSON.stringify(j)} is listed twice`, [opts.where, `jurisdictions[${i}]`].filter(Boolean).join(' '));
    }
    if (!known.includes(j)) {
      const where = [opts.where, `jurisdictions[${i}]`].filter(Boolean).join(' ');
      throw new VigilInputError(`unknown jurisdiction ${JSON.stringify(j)}; known: ${known.join(', ')}`, where);
    }
  });
  return r.data as Transaction;
}
