// DPL row → ListEntry. The list has no record number: the id is a hash of the row's identity.
import { createHash } from 'node:crypto';
import { VigilInputError } from '../../model/errors.js';
import type { Address, ListEntry } from '../../model/index.js';
import { CountryResolver } from '../countries.js';
import { mdyDate } from '../dates.js';
import { at, cleanName, cleanText } from '../names.js';
import type { ParseContext } from '../types.js';
import type { DplRow } from './reader.js';

export const SOURCE = 'bis-dpl';

export class DplMapper {
  readonly countries = new CountryResolver();
  private readonly seen = new Map<string, number>();
  constructor(private readonly ctx: ParseContext) {}

  map(row: DplRow): ListEntry {
    const f = (c: Parameters<DplRow['get']>[0]) => cleanText(row.get(c));
    const name = cleanName(this.ctx.warnings, row.get('Name'), at(this.ctx.file, row.line, 'Name'));
    if (!name) throw new VigilInputError('empty name', at(this.ctx.file, row.line, 'Name'));
    const address: Address = {};
    const text = [f('Street_Address'), f('City'), f('State'), f('Postal_Code'), f('Country')].filter(Boolean).join(', ');
    if (text) address.text = text;
    const city = f('City');
    if (city) address.city = city;
    const country = this.countries.iso2(f('Country'));
    if (country) address.country = country;
    const base = createHash('sha1').update([name, f('Street_Address'), f('City'), f('Effective_Date')].join('\u001f')).digest('hex').slice(0, 20);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    const sourceId = n === 1 ? base : `${base}#${n}`;
    const expires = mdyDate(f('Expiration_Date'));
    const remarks = [f('Action'), expires && `order expires ${expires}`, f('Standard_Order') === 'N' && 'non-standard order']
      .filter(Boolean).join('; ');
    const entry: ListEntry = {
      id: `${SOURCE}:${sourceId}`, source: SOURCE, list: 'Denied Persons List', sourceId, type: 'unknown',
      names: [{ name, kind: 'primary' }], countries: country ? [country] : [], programs: [], birthDates: [],
      identifiers: [], addresses: text ? [address] : [],
    };
    if (remarks) entry.remarks = remarks;
    const listed = mdyDate(f('Effective_Date'));
    if (listed) entry.listedOn = listed;
    const fr = f('FR_Citation');
    if (fr) entry.federalRegisterNotice = fr;
    return entry;
  }
}
