// FCDO UK Sanctions List rows → ListEntry, in the shape the ConList gave, so that the UK rules and
// reviewed hits carry over: designations are grouped on their OFSI Group ID (the ConList's Group ID,
// so `uk-ofsi:14212` stays Roman Abramovich; one person designated under two regimes, e.g. AQD0194
// and SOM0003, stays one target with both regimes), a designation without one is keyed on its Unique
// ID. `programs` holds the ConList regime name (data/lists/reference/uk-regimes.json).
// Designations that impose no asset freeze (travel-ban-, trade- or shipping-only, which the FCDO list
// carries and the ConList did not) are left out, with a warning: the UK rules read every hit on this
// source as an asset-freeze target (data/rules/UK/asset-freeze.json, UK-listed-asset-freeze), so
// keeping them would turn a port ban into a 'prohibited' asset-freeze determination.
import { VigilInputError } from '../../model/errors.js';
import type { Address, Identifier, ListEntry, NameKind } from '../../model/index.js';
import { CountryResolver } from '../countries.js';
import { dmyDate } from '../dates.js';
import { at, cleanName, cleanText, uniq } from '../names.js';
import { referenceData } from '../reference-data.js';
import type { ParseContext } from '../types.js';
import type { FcdoRow } from './fcdo-reader.js';
import { SOURCE } from './mapper.js';
import { addName, rowAddress, rowName, TYPES } from './rows.js';

export const FCDO_LIST = 'UK Sanctions List';

interface RegimeTable { assetFreezeMeasure: string; regimes: Record<string, string> }

const regimeKey = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').replace(/^the /, '').trim();

/** '(1) Russia (2) Israel' or 'Russia|Israel' → its parts; the FCDO cell format for several values is unconfirmed (verify). */
function parts(raw: string | undefined): string[] {
  return (raw ?? '').split(/\s*\|\s*|(?:^|\s)\(\d+\)\s*/).map((p) => cleanText(p)).filter((p): p is string => !!p);
}

/** FCDO writes an unknown day or month as 'dd' / 'mm' ('dd/mm/1984'); the ConList wrote '00'. */
const birthDate = (raw: string): string | undefined => dmyDate(raw.replace(/\b(dd|mm)\//gi, '00/'));

export class FcdoMapper {
  readonly countries = new CountryResolver();
  private readonly groups = new Map<string, ListEntry>();
  private readonly designations = new Map<string, { line: number; group: string; assetFreeze: boolean }>();
  private readonly table = referenceData<RegimeTable>('lists/reference/uk-regimes.json');
  private readonly regimes = new Map([
    ...Object.entries(this.table.regimes).map(([title, name]) => [regimeKey(title), name] as const),
    ...Object.values(this.table.regimes).map((name) => [regimeKey(name), name] as const),
  ]);
  private readonly unknownRegimes = new Map<string, number>();
  rows = 0;
  namelessRows = 0;
  constructor(private readonly ctx: ParseContext) {}

  add(row: FcdoRow): void {
    this.rows++;
    const where = (field: string) => at(this.ctx.file, row.line, field);
    const f = (c: string) => cleanText(row.get(c));
    const uid = f('Unique ID');
    if (!uid) throw new VigilInputError('empty Unique ID', where('Unique ID'));
    const key = f('OFSI Group ID') ?? uid;
    let e = this.groups.get(key);
    if (!e) {
      e = {
        id: `${SOURCE}:${key}`, source: SOURCE, list: FCDO_LIST, sourceId: key,
        type: TYPES[(f('Designation Type') ?? '').toLowerCase()] ?? 'unknown',
        names: [], countries: [], programs: [], birthDates: [], identifiers: [], addresses: [],
      };
      this.groups.set(key, e);
    }
    this.addRowName(e, row, where);
    const script = cleanName(this.ctx.warnings, row.get('Name non-latin script'), where('Name non-latin script'));
    if (script) addName(e, script, 'original-script');
    e.birthDates = uniq([...e.birthDates, ...parts(row.get('D.O.B')).map(birthDate).filter((d): d is string => !!d)]);
    const nationalities = parts(row.get('Nationality(/ies)')).map((n) => this.countries.iso2(n));
    const address = this.address(row);
    if (address && !e.addresses.some((a) => a.text === address.text)) e.addresses.push(address);
    e.countries = uniq([...e.countries, ...nationalities, address?.country].filter((c): c is string => !!c));
    const ids: Identifier[] = [{ type: 'UK Sanctions List Ref', value: uid }];
    const un = f('UN Reference Number');
    if (un) ids.push({ type: 'UN Reference Number', value: un });
    const id = (type: string, numberCol: string, detailsCol?: string) => {
      const num = f(numberCol);
      const note = detailsCol ? f(detailsCol) : undefined;
      if (num) ids.push({ type, value: num, ...(note && note !== num ? { note } : {}) });
    };
    id('Passport', 'Passport number', 'Passport additional information');
    id('National Identification Number', 'National Identifier number', 'National Identifier additional information');
    id('Business Registration Number', 'Business registration number (s)');
    id('IMO Number', 'IMO number');
    for (const x of ids) if (!e.identifiers.some((y) => y.type === x.type && y.value === x.value)) e.identifiers.push(x);
    const designated = dmyDate(f('Date Designated'));
    if (designated && (!e.listedOn || designated < e.listedOn)) e.listedOn = designated;
    if (!this.designations.has(uid)) this.firstRowOf(e, key, uid, row);
    // Every row, not only the first: one regime per designation is what the file shows, not a rule it states.
    const title = f('Regime Name');
    if (title && this.designations.get(uid)!.assetFreeze) e.programs = uniq([...e.programs, this.regime(title)]);
  }

  entries(): ListEntry[] {
    const frozen = new Set([...this.designations.values()].filter((d) => d.assetFreeze).map((d) => d.group));
    for (const e of this.groups.values()) {
      if (e.names.length === 0 || e.names.every((n) => n.kind === 'original-script')) {
        const uid = e.identifiers.find((i) => i.type === 'UK Sanctions List Ref')?.value ?? e.sourceId;
        throw new VigilInputError(`designation ${uid} has no name in Name 1 to Name 6`, at(this.ctx.file, this.designations.get(uid)?.line, 'Name 6'));
      }
      // A designation whose rows carry no 'Primary name' keeps its first Latin name as the primary one.
      const p = e.names.findIndex((n) => n.kind !== 'original-script');
      if (e.names[p]!.kind !== 'primary') {
        const [first] = e.names.splice(p, 1);
        e.names.unshift({ ...first!, kind: 'primary' });
      }
    }
    return [...this.groups.values()].filter((e) => frozen.has(e.sourceId));
  }

  stats(): Record<string, number> {
    return {
      rows: this.rows, designations: this.designations.size, groups: this.groups.size,
      withoutAssetFreeze: [...this.designations.values()].filter((d) => !d.assetFreeze).length, namelessRows: this.namelessRows,
    };
  }

  warnings(): string[] {
    const out = this.countries.warnings(this.ctx.file);
    const left = [...this.designations].filter(([, d]) => !d.assetFreeze).map(([uid]) => uid);
    if (left.length > 0) {
      out.push(`${this.ctx.file}: ${left.length} designation(s) impose no asset freeze (travel-ban-, trade- or shipping-only) and are left out, as the ConList left them out: ${left.slice(0, 10).join(', ')}${left.length > 10 ? ', …' : ''}`);
    }
    if (this.unknownRegimes.size > 0) {
      const shown = [...this.unknownRegimes].map(([r, n]) => `"${r}" (${n})`).join(', ');
      out.push(`${this.ctx.file}: Regime Name value(s) not in data/lists/reference/uk-regimes.json, kept as written (no UK rule names them): ${shown}`);
    }
    return out;
  }

  private addRowName(e: ListEntry, row: FcdoRow, where: (f: string) => string): void {
    const name = rowName(this.ctx.warnings, row, where('Name 6'));
    // Real files have rows without a name (repeated rows of a designation with several birth dates).
    if (!name) { this.namelessRows++; return; }
    const type = (cleanText(row.get('Name type')) ?? '').toLowerCase();
    const weak = /low/i.test(row.get('Alias strength') ?? '');
    const kind: NameKind = type === 'primary name' ? 'primary' : type === 'alias' && weak ? 'weak-aka' : 'aka';
    addName(e, name, kind);
  }

  /** What a designation states once (its regime, measures, reasons), from its first row. */
  private firstRowOf(e: ListEntry, group: string, uid: string, row: FcdoRow): void {
    const f = (c: string) => cleanText(row.get(c));
    const title = f('Regime Name');
    const measures = (row.get('Sanctions Imposed') ?? '').split('|').map((m) => cleanText(m)).filter((m): m is string => !!m);
    // Matched loosely ('Asset freeze (see …)' still counts), and no measures stated is taken as an asset
    // freeze, the ConList's only measure: a false hit is reviewed, a missed freeze is not.
    const assetFreeze = measures.length === 0 || measures.some((m) => m.toLowerCase().includes(this.table.assetFreezeMeasure.toLowerCase()));
    this.designations.set(uid, { line: row.line, group, assetFreeze });
    if (title && !this.regimes.has(regimeKey(title))) this.unknownRegimes.set(title, (this.unknownRegimes.get(title) ?? 0) + 1);
    const position = f('Position');
    const text = [
      `${uid}${title ? ` (${title})` : ''}${measures.length ? `: ${uniq(measures).join('; ')}` : ''}`,
      position && `Position: ${position}`, f('Other Information'), f('UK Statement of Reasons'),
    ].filter(Boolean).join('; ');
    e.remarks = e.remarks ? `${e.remarks} | ${text}` : text;
  }

  /** The ConList name of a regulation title; an unknown title is kept as written (and warned about). */
  private regime(title: string): string {
    return this.regimes.get(regimeKey(title)) ?? title;
  }

  private address(row: FcdoRow): Address | undefined {
    const cols = ['Address Line 1', 'Address Line 2', 'Address Line 3', 'Address Line 4', 'Address Line 5', 'Address Line 6', 'Address Postal Code', 'Address Country'];
    return rowAddress(this.countries, row, cols, 'Address Country');
  }

}
