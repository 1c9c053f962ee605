// Turning loose user input (CLI options, batch rows) into a ScreenQuery, with errors naming the
// field.
import type { EntityType, ScreenQuery } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import { validateQueryName } from './screener.js';
import { isKnownIso2 } from '../lists/countries.js';

const TYPES: readonly EntityType[] = ['person', 'organization', 'vessel', 'aircraft'];

export function parseEntityType(v: unknown, where = '--type'): EntityType | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const t = String(v).trim().toLowerCase();
  const alias: Record<string, EntityType> = { individual: 'person', entity: 'organization', org: 'organization', company: 'organization' };
  const type = (alias[t] ?? t) as EntityType;
  if (!TYPES.includes(type)) throw new VigilInputError(`unknown type "${String(v).slice(0, 40)}"; use one of ${TYPES.join(', ')}`, where);
  return type;
}

export function parseCountry(v: unknown, where = '--country'): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const c = String(v).trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw new VigilInputError(`country must be an ISO 3166 alpha-2 code such as LY, got "${String(v).slice(0, 40)}"`, where);
  if (!isKnownIso2(c)) throw new VigilInputError(`unknown country code "${c}" (expected an ISO 3166-1 alpha-2 code such as LY, IT, US)`, where);
  return c;
}

export function parseBirthYear(v: unknown, where = '--birth-year'): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const s = String(v).trim();
  if (!/^\d{4}$/.test(s) || Number(s) < 1800 || Number(s) > 2100) throw new VigilInputError(`birth year must be YYYY (1800-2100), got "${s.slice(0, 40)}"`, where);
  return Number(s);
}

export function parseThreshold(v: unknown, where = '--threshold'): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new VigilInputError(`threshold must be a number between 0 and 1, got "${String(v).slice(0, 40)}"`, where);
  return n;
}

export function parseLimit(v: unknown, where = '--limit'): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const s = String(v).trim();
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 1000) throw new VigilInputError(`limit must be a whole number from 1 to 1000, got "${s.slice(0, 40)}"`, where);
  return Number(s);
}

/** A batch row's fields (name, type, country, birth_year / birthYear) as a query. */
export function queryFromFields(f: Record<string, unknown>, where: string): ScreenQuery {
  if (typeof f.__error === 'string') throw new VigilInputError(f.__error, where);
  const name = validateQueryName(f.name === undefined || f.name === null ? '' : typeof f.name === 'string' ? f.name : String(f.name), `${where} field name`);
  const q: ScreenQuery = { name };
  const type = parseEntityType(f.type, `${where} field type`);
  if (type) q.type = type;
  const country = parseCountry(f.country, `${where} field country`);
  if (country) q.country = country;
  const birthYear = parseBirthYear(f.birth_year ?? f.birthYear, `${where} field birth_year`);
  if (birthYear !== undefined) q.birthYear = birthYear;
  return q;
}
