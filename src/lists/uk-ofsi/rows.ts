// What the ConList and the FCDO UK Sanctions List write alike, read once for both mappers.
import type { Address, EntityType, ListEntry, NameKind } from '../../model/index.js';
import type { CountryResolver } from '../countries.js';
import { cleanName, cleanText } from '../names.js';

interface Row { get(column: string): string | undefined }

export const TYPES: Record<string, EntityType> = { individual: 'person', entity: 'organization', ship: 'vessel' };

/** A row's name: Name 1 to Name 5 (given names) then Name 6 (the family name). */
export function rowName(warnings: string[], row: Row, where: string): string | undefined {
  const given = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5'].map((c) => row.get(c) ?? '');
  return cleanName(warnings, [...given, row.get('Name 6') ?? ''].join(' '), where);
}

/** Add a name once; the first primary name leads, a later one is an alias. */
export function addName(e: ListEntry, name: string, kind: NameKind): void {
  if (e.names.some((n) => n.name === name)) return;
  if (kind === 'primary' && !e.names.some((n) => n.kind === 'primary')) e.names.unshift({ name, kind });
  else e.names.push({ name, kind: kind === 'primary' ? 'aka' : kind });
}

/** The address of `columns` (lines, postcode, country) joined; its country from `countryColumn`. */
export function rowAddress(countries: CountryResolver, row: Row, columns: string[], countryColumn: string): Address | undefined {
  const text = columns.map((c) => cleanText(row.get(c))).filter(Boolean).join(', ');
  if (!text) return undefined;
  const country = countries.iso2(cleanText(row.get(countryColumn)));
  return { text, ...(country ? { country } : {}) };
}
