// Joins an OFAC legacy file set on ent_num (column 0) into ListEntries. Aliases, addresses and
// comments that name an ent_num missing from the main file are counted and reported, not fatal
// (OFAC has published alias files from a later date than the main file).
import { join } from 'node:path';
import { VigilInputError } from '../../model/errors.js';
import type { Address, EntityType, EntryName, Identifier, ListEntry, NameKind } from '../../model/index.js';
import { CountryResolver } from '../countries.js';
import { at, cleanName, cleanText, uniq } from '../names.js';
import type { ParseContext, ParsedEntries, ResolvedInput } from '../types.js';
import { parseRemarks } from './remarks.js';
import { COLUMNS, readLegacy } from './reader.js';

export interface LegacySet {
  source: string;
  /** Canonical member names: main file (e.g. sdn.csv), aliases, addresses, remark continuations. */
  files: { main: string; alt: string; add: string; comments: string };
  /** Sub-list of an entry, from its programs. */
  listOf(programs: string[]): string;
}

const TYPES: Record<string, EntityType> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };
const ALT_KINDS: Record<string, NameKind> = { aka: 'aka', fka: 'fka', nka: 'nka' };

interface Draft { entry: ListEntry; remarks: string }

export async function parseLegacySet(set: LegacySet, input: ResolvedInput, ctx: ParseContext): Promise<ParsedEntries> {
  const countries = new CountryResolver();
  const shown = (name: string) => (input.files[name] ? join(ctx.file, name) : name);
  const drafts = new Map<string, Draft>();
  const stats: Record<string, number> = {};
  const count = (k: string, n = 1) => { stats[k] = (stats[k] ?? 0) + n; };

  const main = shown(set.files.main);
  for await (const row of readLegacy(input.files[set.files.main]!, main, COLUMNS.main, ctx)) {
    const [ent, rawName, type, program, , callSign, vesselType, , , vesselFlag, , remarks] = row.fields;
    if (!ent) throw new VigilInputError('empty ent_num', at(main, row.line, 'ent_num'));
    if (drafts.has(ent)) throw new VigilInputError(`duplicate ent_num ${ent}`, at(main, row.line, 'ent_num'));
    const name = cleanName(ctx.warnings, rawName, at(main, row.line, 'SDN_Name'));
    if (!name) throw new VigilInputError('empty name', at(main, row.line, 'SDN_Name'));
    const programs = (program ?? '').split(/\]\s*\[/).map((p) => p.replace(/[[\]]/g, '').trim()).filter(Boolean);
    const identifiers: Identifier[] = [];
    if (callSign) identifiers.push({ type: 'Call Sign', value: callSign });
    if (vesselType) identifiers.push({ type: 'Vessel Type', value: vesselType });
    if (vesselFlag) {
      const flag: Identifier = { type: 'Vessel Flag', value: vesselFlag };
      const c = countries.iso2(vesselFlag);
      if (c) flag.country = c;
      identifiers.push(flag);
    }
    drafts.set(ent, {
      remarks: remarks ?? '',
      entry: {
        id: `${set.source}:${ent}`, source: set.source, list: set.listOf(programs), sourceId: ent,
        type: TYPES[(type ?? '').toLowerCase()] ?? 'organization',
        names: [{ name, kind: 'primary' }], countries: [], programs, birthDates: [], identifiers, addresses: [],
      },
    });
  }
  stats.entries = drafts.size;

  const unjoined = new Map<string, string[]>();
  const missing = (file: string, ent: string) => { const l = unjoined.get(file) ?? []; l.push(ent); unjoined.set(file, l); };

  if (input.files[set.files.comments]) {
    const file = shown(set.files.comments);
    for await (const row of readLegacy(input.files[set.files.comments]!, file, COLUMNS.comments, ctx)) {
      const [ent, more] = row.fields;
      count('comments');
      const d = ent ? drafts.get(ent) : undefined;
      if (!d) { missing(set.files.comments, ent ?? '?'); continue; }
      // The comments file continues a remark cut at the main file's field limit, mid-word.
      d.remarks += more ?? '';
      count('commentsJoined');
    }
  }

  if (input.files[set.files.alt]) {
    const file = shown(set.files.alt);
    for await (const row of readLegacy(input.files[set.files.alt]!, file, COLUMNS.alt, ctx)) {
      const [ent, , altType, altName] = row.fields;
      count('aliases');
      const name = cleanName(ctx.warnings, altName, at(file, row.line, 'alt_name'));
      const d = ent ? drafts.get(ent) : undefined;
      if (!d) { missing(set.files.alt, ent ?? '?'); continue; }
      count('aliasesJoined');
      if (name) d.entry.names.push({ name, kind: ALT_KINDS[(altType ?? '').toLowerCase().replace(/\./g, '')] ?? 'aka' });
    }
  } else ctx.warnings.push(`${ctx.file}: no ${set.files.alt} in the set: entries carry their primary names and remark a.k.a.s only`);

  if (input.files[set.files.add]) {
    const file = shown(set.files.add);
    for await (const row of readLegacy(input.files[set.files.add]!, file, COLUMNS.add, ctx)) {
      const [ent, , street, cityLine, country] = row.fields;
      count('addresses');
      const d = ent ? drafts.get(ent) : undefined;
      if (!d) { missing(set.files.add, ent ?? '?'); continue; }
      count('addressesJoined');
      const a: Address = {};
      const text = [street, cityLine, country].map((x) => cleanText(x)).filter(Boolean).join(', ');
      if (text) a.text = text;
      if (cityLine) a.city = cleanText(cityLine)!;
      const iso = countries.iso2(country);
      if (iso) a.country = iso;
      if (a.text || a.country) d.entry.addresses.push(a);
    }
  } else ctx.warnings.push(`${ctx.file}: no ${set.files.add} in the set: entries carry no addresses`);

  for (const [file, ents] of unjoined) {
    stats[`unjoined:${file}`] = ents.length;
    ctx.warnings.push(`${join(ctx.file, file)}: ${ents.length} row(s) name an ent_num missing from ${set.files.main} and were left out (e.g. ${uniq(ents).slice(0, 5).join(', ')})`);
  }

  const entries: ListEntry[] = [];
  for (const { entry, remarks } of drafts.values()) {
    const text = cleanText(remarks);
    const facts = parseRemarks(text, countries);
    const known = new Set(entry.names.map((n) => n.name));
    for (const weak of facts.weakAkas) {
      const name = cleanName(ctx.warnings, weak, at(main, undefined, `remarks of ent_num ${entry.sourceId}`));
      if (name && !known.has(name)) { entry.names.push({ name, kind: 'weak-aka' } satisfies EntryName); known.add(name); count('weakAkas'); }
    }
    entry.birthDates = uniq(facts.birthDates);
    entry.identifiers.push(...facts.identifiers);
    entry.countries = uniq([...facts.countries, ...entry.addresses.map((a) => a.country).filter((c): c is string => !!c)]);
    if (text) entry.remarks = text;
    entries.push(entry);
  }
  ctx.warnings.push(...countries.warnings(ctx.file));
  return { entries, stats };
}
