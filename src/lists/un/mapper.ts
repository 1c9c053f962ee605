// UN consolidated list INDIVIDUAL / ENTITY → ListEntry.
import { VigilInputError } from '../../model/errors.js';
import type { Address, EntryName, Identifier, ListEntry, NameKind } from '../../model/index.js';
import { CountryResolver } from '../countries.js';
import { isoDate, yearRange } from '../dates.js';
import { at, cleanName, cleanText, uniq } from '../names.js';
import type { ParseContext } from '../types.js';
import { kid, kids, textOf, values, type UnRecord, type XNode } from './reader.js';

export const SOURCE = 'un';

/** Alias QUALITY as the UN writes it → name kind. 'Low' quality aliases are the UN's weak aliases. */
const ALIAS_KINDS: Record<string, NameKind> = { good: 'aka', 'a.k.a.': 'aka', low: 'weak-aka', 'f.k.a.': 'fka', 'n.k.a.': 'nka' };

export class UnMapper {
  readonly countries = new CountryResolver();
  constructor(private readonly ctx: ParseContext) {}

  map(r: UnRecord): ListEntry {
    const n = r.node;
    const where = (field: string) => at(this.ctx.file, r.line, field);
    const sourceId = textOf(n, 'DATAID');
    if (!sourceId) throw new VigilInputError(`${r.kind} without DATAID`, where('DATAID'));
    const primary = cleanName(this.ctx.warnings, ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((f) => textOf(n, f)).filter(Boolean).join(' '), where('FIRST_NAME'));
    if (!primary) throw new VigilInputError('empty name', where('FIRST_NAME'));
    const names: EntryName[] = [{ name: primary, kind: 'primary' }];
    const prefix = r.kind === 'individual' ? 'INDIVIDUAL' : 'ENTITY';
    for (const a of kids(n, `${prefix}_ALIAS`)) {
      const name = cleanName(this.ctx.warnings, textOf(a, 'ALIAS_NAME'), where('ALIAS_NAME'));
      if (!name) continue;
      const quality = textOf(a, 'QUALITY');
      const e: EntryName = { name, kind: ALIAS_KINDS[(quality ?? '').toLowerCase()] ?? 'aka' };
      if (quality) e.quality = quality;
      names.push(e);
    }
    const original = cleanName(this.ctx.warnings, textOf(n, 'NAME_ORIGINAL_SCRIPT'), where('NAME_ORIGINAL_SCRIPT'));
    if (original) names.push({ name: original, kind: 'original-script' });

    const addresses = kids(n, `${prefix}_ADDRESS`).map((a) => this.address(a)).filter((a) => a.text || a.city || a.country);
    const nationalities = values(n, 'NATIONALITY').map((c) => this.countries.iso2(c));
    const reference = textOf(n, 'REFERENCE_NUMBER');
    const identifiers: Identifier[] = reference ? [{ type: 'UN Reference Number', value: reference }] : [];
    identifiers.push(...kids(n, 'INDIVIDUAL_DOCUMENT').map((d) => this.document(d)).filter((d): d is Identifier => !!d));
    const birthDates = uniq([
      ...kids(n, 'INDIVIDUAL_DATE_OF_BIRTH').flatMap(birthDate),
      ...kids(n, 'INDIVIDUAL_ALIAS').map((a) => isoDate(textOf(a, 'DATE_OF_BIRTH'))).filter((d): d is string => !!d),
    ]);
    const entry: ListEntry = {
      id: `${SOURCE}:${sourceId}`, source: SOURCE, list: values(n, 'LIST_TYPE')[0] ?? 'UN List', sourceId,
      type: r.kind === 'individual' ? 'person' : 'organization',
      names,
      countries: uniq([...nationalities, ...addresses.map((a) => a.country)].filter((c): c is string => !!c)),
      programs: [textOf(n, 'UN_LIST_TYPE')].filter((p): p is string => !!p),
      birthDates, identifiers, addresses,
    };
    const remarks = cleanText(textOf(n, 'COMMENTS1'));
    if (remarks) entry.remarks = remarks;
    const listedOn = isoDate(textOf(n, 'LISTED_ON'));
    if (listedOn) entry.listedOn = listedOn;
    return entry;
  }

  private address(a: XNode): Address {
    const out: Address = {};
    const text = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY'].map((f) => cleanText(textOf(a, f))).filter(Boolean).join(', ');
    if (text) out.text = text;
    const city = cleanText(textOf(a, 'CITY'));
    if (city) out.city = city;
    const country = this.countries.iso2(cleanText(textOf(a, 'COUNTRY')));
    if (country) out.country = country;
    return out;
  }

  private document(d: XNode): Identifier | undefined {
    const value = cleanText(textOf(d, 'NUMBER'));
    if (!value) return undefined;
    const id: Identifier = { type: cleanText(textOf(d, 'TYPE_OF_DOCUMENT')) ?? 'Document', value };
    const country = this.countries.iso2(cleanText(textOf(d, 'ISSUING_COUNTRY') ?? textOf(d, 'COUNTRY_OF_ISSUE')));
    if (country) id.country = country;
    const note = cleanText([textOf(d, 'TYPE_OF_DOCUMENT2'), textOf(d, 'NOTE')].filter(Boolean).join('; '));
    if (note) id.note = note;
    return id;
  }
}

/** EXACT / APPROXIMATELY give their DATE or YEAR; BETWEEN gives each year of the range. */
function birthDate(d: XNode): string[] {
  const date = isoDate(textOf(d, 'DATE'));
  if (date) return [date];
  const year = isoDate(textOf(d, 'YEAR'));
  if (year) return [year];
  if (kid(d, 'FROM_YEAR')) return yearRange(textOf(d, 'FROM_YEAR'), textOf(d, 'TO_YEAR'));
  return [];
}
