// EU FSF sanctionEntity (XML or CSV 1.1) → ListEntry. Regulations are kept as the listing's legal
// basis: programme codes (LBY, PRK, UKR…) become `programs`; the regulation numbers and their
// publication address go into `remarks` / `sourceUrl`, so a hit cites the listing's regulation.
import { VigilInputError } from '../../model/errors.js';
import type { Address, EntityType, EntryName, Identifier, ListEntry } from '../../model/index.js';
import { CountryResolver } from '../countries.js';
import { dmyDate, isoDate } from '../dates.js';
import { at, cleanName, cleanText, uniq } from '../names.js';
import type { ParseContext } from '../types.js';
import type { EuBirth, EuName, EuRecord } from './reader.js';

export const SOURCE = 'eu';
export const LIST_NAME = 'EU Consolidated Financial Sanctions List';

const TYPES: Record<string, EntityType> = { person: 'person', p: 'person', enterprise: 'organization', e: 'organization', entity: 'organization' };
/** A letter outside the Latin blocks: the name is written in its original (non-Latin) script. */
const NON_LATIN = /[\u0370-\u03FF\u0400-\u052F\u0530-\u058F\u0590-\u05FF\u0600-\u06FF\u0E00-\u0E7F\u10A0-\u10FF\u1100-\u11FF\u3040-\u30FF\u3130-\u318F\u4E00-\u9FFF\uAC00-\uD7AF]/;

export class EuMapper {
  readonly countries = new CountryResolver();
  constructor(private readonly ctx: ParseContext) {}

  map(r: EuRecord): ListEntry {
    const where = (field: string) => at(this.ctx.file, r.line, field);
    const names: EntryName[] = [];
    for (const n of r.names) {
      const name = cleanName(this.ctx.warnings, wholeName(n), where('nameAlias wholeName'));
      if (!name || names.some((x) => x.name === name)) continue;
      const kind: EntryName['kind'] = NON_LATIN.test(name) ? 'original-script' : names.length === 0 ? 'primary' : n.strong === 'false' ? 'weak-aka' : 'aka';
      names.push({ name, kind });
    }
    // The first Latin-script name is the primary one.
    const p = names.findIndex((n) => n.kind !== 'original-script');
    if (p < 0) throw new VigilInputError(`sanctionEntity ${r.logicalId} has no name in Latin script`, where('nameAlias'));
    if (p > 0) { const [first] = names.splice(p, 1); names.unshift({ ...first!, kind: 'primary' }); }
    else names[0] = { ...names[0]!, kind: 'primary' };

    const type = TYPES[(r.subjectCode ?? r.classificationCode ?? '').toLowerCase()] ?? 'unknown';
    const addresses: Address[] = r.addresses.map((a) => {
      const country = a.countryIso2Code && a.countryIso2Code !== '00' ? a.countryIso2Code : this.countries.iso2(a.countryDescription);
      const text = [a.street, a.place, a.city, a.zipCode, a.region, a.countryDescription].filter(Boolean).join(', ');
      return { ...(text ? { text } : {}), ...(a.city ? { city: a.city } : {}), ...(country ? { country } : {}) };
    }).filter((a) => a.text || a.country);
    const citizenships = r.citizenships.map((c) => (c.countryIso2Code && c.countryIso2Code !== '00' ? c.countryIso2Code : this.countries.iso2(c.countryDescription)));
    const identifiers: Identifier[] = [];
    if (r.euReferenceNumber) identifiers.push({ type: 'EU Reference Number', value: r.euReferenceNumber });
    if (r.unitedNationId) identifiers.push({ type: 'UN Reference Number', value: r.unitedNationId });
    for (const d of r.identifications) {
      if (!d.number) continue;
      const country = d.countryIso2Code && d.countryIso2Code !== '00' ? d.countryIso2Code : undefined;
      identifiers.push({ type: d.typeDescription ?? d.typeCode ?? 'Identification', value: d.number, ...(country ? { country } : {}) });
    }
    const regulations = uniq(r.regulations.map((g) => g.numberTitle).filter((t): t is string => !!t));
    const remarks = [
      regulations.length ? `EU regulation(s): ${regulations.join('; ')}` : undefined,
      ...r.remarks.map((x) => cleanText(x)),
    ].filter(Boolean).join('; ');
    const entry: ListEntry = {
      id: `${SOURCE}:${r.logicalId}`, source: SOURCE, list: LIST_NAME, sourceId: r.logicalId, type, names,
      countries: uniq([...citizenships, ...addresses.map((a) => a.country)].filter((c): c is string => !!c)),
      programs: uniq(r.regulations.map((g) => g.programme).filter((x): x is string => !!x)),
      birthDates: uniq(r.births.map(birthDate).filter((d): d is string => !!d)),
      identifiers, addresses,
    };
    if (remarks) entry.remarks = remarks;
    const listed = isoDate(r.designationDate) ?? dmyDate(r.designationDate)
      ?? r.regulations.map((g) => isoDate(g.publicationDate)).filter((d): d is string => !!d).sort()[0];
    if (listed) entry.listedOn = listed;
    const url = r.regulations.find((g) => g.publicationUrl)?.publicationUrl;
    if (url) entry.sourceUrl = url;
    return entry;
  }
}

function wholeName(n: EuName): string | undefined {
  return n.wholeName ?? ([n.firstName, n.middleName, n.lastName].filter(Boolean).join(' ') || undefined);
}

function birthDate(b: EuBirth): string | undefined {
  const full = isoDate(b.birthdate) ?? dmyDate(b.birthdate);
  if (full) return full;
  if (b.year && /^\d{4}$/.test(b.year)) {
    if (b.month && /^\d{1,2}$/.test(b.month) && +b.month >= 1 && +b.month <= 12) return `${b.year}-${b.month.padStart(2, '0')}`;
    return b.year;
  }
  return undefined;
}
