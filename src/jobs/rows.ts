// The rows a batch screening job takes: parsed from a CSV body (a `name` column plus optional
// type/country/birth_year) or from JSON rows, validated up front so that a bad row is refused
// with its line and field before anything is queued.
import { parse } from 'csv-parse/sync';
import type { EntityType } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import { validateQueryName } from '../screening/screener.js';

/** One party to screen. */
export interface ScreenRow {
  name: string;
  type?: EntityType;
  country?: string;
  birthYear?: number;
}

const TYPES: readonly string[] = ['person', 'organization', 'vessel', 'aircraft', 'unknown'];

/** Validate one row's raw fields; `where` names the line (CSV) or index (JSON) for the error. */
export function toScreenRow(raw: Record<string, unknown>, where: string): ScreenRow {
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) throw new VigilInputError('name is missing or empty', `${where}, field "name"`);
  // The screener's own rules (length, control characters): refuse now rather than fail a chunk later.
  validateQueryName(name, `${where}, field "name"`);
  const row: ScreenRow = { name };
  const type = text(raw.type);
  if (type) {
    if (!TYPES.includes(type)) throw new VigilInputError(`type "${type}" is not one of ${TYPES.join(', ')}`, `${where}, field "type"`);
    row.type = type as EntityType;
  }
  const country = text(raw.country);
  if (country) {
    if (!/^[A-Za-z]{2}$/.test(country)) throw new VigilInputError(`country "${country}" is not an ISO 3166 two-letter code`, `${where}, field "country"`);
    row.country = country.toUpperCase();
  }
  const by = raw.birthYear ?? raw.birth_year;
  const year = typeof by === 'number' ? String(by) : text(by);
  if (year) {
    if (!/^\d{4}$/.test(year)) throw new VigilInputError(`birth year "${year}" is not a four-digit year`, `${where}, field "birth_year"`);
    row.birthYear = Number(year);
  }
  return row;
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') return String(v).trim();
  return v.trim();
}

/** Parse a CSV document with a header line. Line numbers in errors count the header as line 1. */
export function parseCsvRows(csv: string, source = 'CSV body'): ScreenRow[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new VigilInputError(e.message, e.lines ? `${source}, line ${e.lines}` : source);
  }
  if (records.length === 0) throw new VigilInputError('is empty (expected a header line with a "name" column)', source);
  const header = records[0]!.map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  if (!header.includes('name')) {
    throw new VigilInputError(`has no "name" column (columns: ${header.join(', ')})`, `${source}, line 1`);
  }
  const rows: ScreenRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec: Record<string, unknown> = {};
    header.forEach((h, c) => { rec[h] = records[i]![c]; });
    rows.push(toScreenRow(rec, `${source}, line ${i + 1}`));
  }
  if (rows.length === 0) throw new VigilInputError('has a header but no rows', source);
  return rows;
}

/** Validate JSON rows (an array of objects with at least `name`). */
export function parseJsonRows(value: unknown, source = 'JSON body'): ScreenRow[] {
  if (!Array.isArray(value)) throw new VigilInputError('expected an array of rows', `${source}, field "rows"`);
  if (value.length === 0) throw new VigilInputError('has no rows', `${source}, field "rows"`);
  return value.map((r, i) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw new VigilInputError('is not an object', `${source}, rows[${i}]`);
    return toScreenRow(r as Record<string, unknown>, `${source}, rows[${i}]`);
  });
}
