// CSL row → ListEntry. Cells holding several values separate them with '; '.
import { createHash } from 'node:crypto';
import { VigilInputError } from '../../model/errors.js';
import type { Address, EntityType, EntryName, Identifier, ListEntry } from '../../model/index.js';
import { CountryResolver } from '../countries.js';
import { isoDate } from '../dates.js';
import { at, cleanName, cleanText, splitList, uniq } from '../names.js';
import { referenceData } from '../reference-data.js';
import type { ParseContext } from '../types.js';
import type { CslRow } from './reader.js';

export const SOURCE = 'us-csl';

const TYPES: Record<string, EntityType> = {
  individual: 'person', entity: 'organization', vessel: 'vessel', aircraft: 'aircraft',
};

export class CslMapper {
  private readonly subLists = referenceData<{ subLists: Record<string, string> }>('lists/reference/csl-sub-lists.json').subLists;
  private readonly unknownSources = new Set<string>();
  private readonly seen = new Map<string, number>();
  readonly countries = new CountryResolver();

  constructor(private readonly ctx: ParseContext) {}

  map(row: CslRow): ListEntry {
    const f = (c: Parameters<CslRow['get']>[0]) => cleanText(row.get(c));
    const file = this.ctx.file;
    const primary = cleanName(this.ctx.warnings, row.get('name'), at(file, row.line, 'name'));
    if (!primary) throw new VigilInputError('empty name', at(file, row.line, 'name'));
    const names: EntryName[] = [{ name: primary, kind: 'primary' }];
    for (const alt of (row.get('alt_names') ?? '').split(';')) {
      const n = cleanName(this.ctx.warnings, alt, at(file, row.line, 'alt_names'));
      if (n && n !== primary) names.push({ name: n, kind: 'aka' });
    }
    const addresses = splitList(row.get('addresses')).map((a) => this.address(a));
    const countries = uniq([
      ...addresses.map((a) => a.country),
      ...splitList(row.get('nationalities')).map((c) => this.countries.iso2(c)),
      ...splitList(row.get('citizenships')).map((c) => this.countries.iso2(c)),
    ].filter((c): c is string => !!c));
    const entry: ListEntry = {
      id: '', source: SOURCE, list: this.subList(f('source') ?? ''), sourceId: this.sourceId(row),
      type: TYPES[(f('type') ?? '').toLowerCase()] ?? 'unknown',
      names, countries,
      programs: splitList(row.get('programs')),
      birthDates: uniq(splitList(row.get('dates_of_birth')).map((d) => isoDate(d)).filter((d): d is string => !!d)),
      identifiers: splitList(row.get('ids')).map(identifier),
      addresses,
    };
    entry.id = `${SOURCE}:${entry.sourceId}`;
    const optional: [keyof ListEntry, string | undefined][] = [
      ['remarks', f('remarks')], ['licenseRequirement', f('license_requirement')], ['licensePolicy', f('license_policy')],
      ['listedOn', isoDate(f('start_date'))], ['federalRegisterNotice', f('federal_register_notice')], ['sourceUrl', f('source_list_url')],
    ];
    for (const [k, v] of optional) if (v) (entry as unknown as Record<string, unknown>)[k] = v;
    return entry;
  }

  warnings(): string[] {
    const w = this.countries.warnings(this.ctx.file);
    if (this.unknownSources.size > 0) {
      w.push(`${this.ctx.file}: source value(s) not in data/lists/reference/csl-sub-lists.json, kept as written: ${[...this.unknownSources].join('; ')}`);
    }
    return w;
  }

  private subList(source: string): string {
    const known = this.subLists[source];
    if (known) return known;
    this.unknownSources.add(source);
    return source.split(' - ')[0]!.trim() || 'unknown';
  }

  /**
   * `_id` where the file has it, else a hash of the row's identity. The same `_id` can occur on
   * several rows (one Denied Persons order, several addresses): later ones get `#2`, `#3`...
   */
  private sourceId(row: CslRow): string {
    const base = cleanText(row.get('_id')) ?? createHash('sha1')
      .update([row.get('source'), row.get('entity_number'), row.get('name'), row.get('addresses')].join('\u001f'))
      .digest('hex');
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }

  private address(text: string): Address {
    const parts = text.split(',').map((p) => p.trim());
    const last = parts[parts.length - 1] ?? '';
    const country = /^[A-Z]{2}$/.test(last) ? this.countries.iso2(last) : undefined;
    const a: Address = {};
    if (parts.length > 1 || !country) a.text = text;
    if (country) a.country = country;
    return a;
  }
}

/** 'Passport, 836238033, KP' → { type: 'Passport', value: '836238033', country: 'KP' }. */
function identifier(text: string): Identifier {
  const parts = text.split(',').map((p) => p.trim());
  const type = (parts.shift() ?? '').replace(/:$/, '');
  let country: string | undefined;
  if (parts.length > 1 && /^[A-Z]{2}$/.test(parts[parts.length - 1]!)) country = parts.pop();
  const id: Identifier = { type, value: parts.join(', ') };
  if (country) id.country = country;
  return id;
}
