// Facts OFAC keeps only inside the free-text remarks of its legacy CSV: weak a.k.a.s
// (`a.k.a. 'X'` — OFAC's "low quality" aliases), dates of birth, nationality, citizenship and
// identifiers (`Passport A123 (Iran)`).
import type { Identifier } from '../../model/index.js';
import { toIso2, type CountryResolver } from '../countries.js';
import { ofacDates } from '../dates.js';
import { referenceData } from '../reference-data.js';

export interface RemarkFacts {
  weakAkas: string[];
  birthDates: string[];
  countries: string[];
  identifiers: Identifier[];
}

const WEAK_AKA = /a\.k\.a\.\s+(['"])(.+?)\1(?=\s*(?:[;.,)]|$))/g;

let labels: string[] | undefined;
function idLabels(): string[] {
  labels ??= referenceData<{ labels: string[] }>('lists/reference/ofac-id-types.json').labels.slice().sort((a, b) => b.length - a.length);
  return labels;
}

export function parseRemarks(remarks: string | undefined, countries: CountryResolver): RemarkFacts {
  const facts: RemarkFacts = { weakAkas: [], birthDates: [], countries: [], identifiers: [] };
  if (!remarks) return facts;
  for (const m of remarks.matchAll(WEAK_AKA)) facts.weakAkas.push(m[2]!.trim());
  for (const raw of remarks.split(';')) {
    const seg = raw.trim().replace(/^alt\.\s+/, '').replace(/\.$/, '');
    let m: RegExpExecArray | null;
    if ((m = /^DOB\s+(.+)$/.exec(seg))) facts.birthDates.push(...ofacDates(m[1]!));
    else if ((m = /^(?:nationality|citizen)\s+(?!of\s)(.+)$/i.exec(seg))) {
      const c = countries.iso2(m[1]!.trim());
      if (c) facts.countries.push(c);
    } else {
      const id = identifier(seg);
      if (id) facts.identifiers.push(id);
    }
  }
  return facts;
}

function identifier(seg: string): Identifier | undefined {
  const label = idLabels().find((l) => seg.startsWith(`${l} `));
  if (!label) return undefined;
  const rest = seg.slice(label.length).trim();
  // `A1234 (Iran) issued 10 Mar 2010 expires ...`: the value ends at the country or the dates.
  const value = rest.split(/\s+\(|\s+issued\s|\s+expires\s/)[0]!.trim();
  if (!value) return undefined;
  const id: Identifier = { type: label, value };
  const paren = /\(([^()]+)\)/.exec(rest);
  const country = paren ? toIso2(paren[1]) : undefined; // not every parenthesis names a country: no warning
  if (country) id.country = country;
  return id;
}
