// UK ConList rows, grouped by Group ID → one ListEntry per target.
import { VigilInputError } from '../../model/errors.js';
import type { Address, Identifier, ListEntry, NameKind } from '../../model/index.js';
import { CountryResolver } from '../countries.js';
import { dmyDate } from '../dates.js';
import { at, cleanName, cleanText, uniq } from '../names.js';
import type { ParseContext } from '../types.js';
import type { UkRow } from './reader.js';
import { addName, rowAddress, rowName, TYPES } from './rows.js';

export const SOURCE = 'uk-ofsi';

/** Alias Type as OFSI writes it; 'Prime Alias' / 'Primary name' is the primary name. */
const KINDS: Record<string, NameKind> = {
  'prime alias': 'primary', 'primary name': 'primary', aka: 'aka', 'primary name variation': 'aka', fka: 'fka',
};

export class UkMapper {
  readonly countries = new CountryResolver();
  private readonly groups = new Map<string, ListEntry>();
  rows = 0;
  constructor(private readonly ctx: ParseContext) {}

  add(row: UkRow): void {
    this.rows++;
    const where = (field: string) => at(this.ctx.file, row.line, field);
    const f = (c: string) => cleanText(row.get(c));
    const groupId = f('Group ID');
    if (!groupId) throw new VigilInputError('empty Group ID', where('Group ID'));
    const name = rowName(this.ctx.warnings, row, where('Name 6'));
    if (!name) throw new VigilInputError('empty name (Name 1 to Name 6)', where('Name 6'));
    let e = this.groups.get(groupId);
    if (!e) {
      e = {
        id: `${SOURCE}:${groupId}`, source: SOURCE, list: 'UK Consolidated List', sourceId: groupId,
        type: TYPES[(f('Group Type') ?? '').toLowerCase()] ?? 'unknown',
        names: [], countries: [], programs: [], birthDates: [], identifiers: [], addresses: [],
      };
      this.groups.set(groupId, e);
    }
    addName(e, name, KINDS[(f('Alias Type') ?? '').toLowerCase()] ?? 'aka');
    const script = cleanName(this.ctx.warnings, row.get('Name Non-Latin Script'), where('Name Non-Latin Script'));
    if (script) addName(e, script, 'original-script');

    const dob = dmyDate(f('DOB'));
    if (dob) e.birthDates = uniq([...e.birthDates, dob]);
    const nationalities = (f('Nationality') ?? '').split(/(?:^|\s)\(?\d+\)\s*/).map((n) => this.countries.iso2(cleanText(n)));
    const regime = f('Regime');
    if (regime) e.programs = uniq([...e.programs, regime]);
    const address = this.address(row);
    if (address && !e.addresses.some((a) => a.text === address.text)) e.addresses.push(address);
    e.countries = uniq([...e.countries, ...nationalities, address?.country].filter((c): c is string => !!c));
    const ids: Identifier[] = [];
    // 2020 layout: 'Passport Details' / 'NI Number' hold everything; 2022+ layout: a number column
    // ('Passport Number', 'National Identification Number') beside its details.
    const id = (type: string, numberCol: string, detailsCol: string, oldCol?: string) => {
      const num = f(numberCol) ?? (oldCol ? f(oldCol) : undefined);
      const details = f(detailsCol);
      if (num) ids.push({ type, value: num, ...(details && details !== num ? { note: details } : {}) });
      else if (details) ids.push({ type, value: details });
    };
    id('Passport', 'Passport Number', 'Passport Details');
    id('National Identification Number', 'National Identification Number', 'National Identification Details', 'NI Number');
    for (const id of ids) if (!e.identifiers.some((x) => x.value === id.value)) e.identifiers.push(id);
    if (!e.remarks) {
      // The 2022+ layout repeats the statement of reasons on every name row (10.8 MB of the 15 MB
      // list of 2025-04-14): clean it once per target, not once per row.
      const position = f('Position');
      const remarks = [position && `Position: ${position}`, f('Other Information')].filter(Boolean).join('; ');
      if (remarks) e.remarks = remarks;
    }
    const listed = dmyDate(f('Listed On'));
    if (listed && !e.listedOn) e.listedOn = listed;
  }

  entries(): ListEntry[] {
    // A group whose rows carry no 'Prime Alias' keeps its first name as the primary one.
    for (const e of this.groups.values()) if (e.names[0] && e.names[0].kind !== 'primary') e.names[0] = { ...e.names[0], kind: 'primary' };
    return [...this.groups.values()];
  }

  private address(row: UkRow): Address | undefined {
    return rowAddress(this.countries, row, ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6', 'Post/Zip Code', 'Country'], 'Country');
  }

}
