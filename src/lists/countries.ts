// Country name (or ISO-2/ISO-3 code) → ISO 3166-1 alpha-2, from the one shared table data/countries.json.
import { referenceData } from './reference-data.js';

interface CountryTable { countries: Record<string, string[]>; unresolvable: string[] }

let index: Map<string, string | null> | undefined;

function key(s: string): string {
  // A trailing remark in parentheses ('Afghanistan (since 2009)') does not change the country.
  return s.replace(/\s*\([^()]*\)\s*$/, '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’'`]/g, '').replace(/[^a-z0-9]+/g, ' ').replace(/^the /, '').trim();
}

function build(): Map<string, string | null> {
  const t = referenceData<CountryTable>('countries.json');
  const m = new Map<string, string | null>();
  for (const [iso2, names] of Object.entries(t.countries)) {
    m.set(key(iso2), iso2);
    for (const n of names) if (!m.has(key(n))) m.set(key(n), iso2);
  }
  for (const n of t.unresolvable) m.set(key(n), null);
  return m;
}

/**
 * ISO-2 code for a country as lists spell it; undefined when unknown. Names the table marks
 * unresolvable on purpose ('undetermined', 'former Soviet Union') give undefined too.
 */
export function toIso2(name: string | undefined): string | undefined {
  if (!name) return undefined;
  index ??= build();
  const k = key(name);
  if (!k) return undefined;
  const hit = index.get(k);
  return hit === null ? undefined : hit;
}

/** True when the name is known (resolvable or deliberately unresolvable): unknown names get a warning. */
export function isKnownCountryName(name: string): boolean {
  index ??= build();
  return index.has(key(name));
}

/** Resolve names, collecting the ones the table does not know for one summary warning. */
export class CountryResolver {
  readonly unknown = new Map<string, number>();

  iso2(name: string | undefined): string | undefined {
    if (!name) return undefined;
    const code = toIso2(name);
    if (code === undefined && !isKnownCountryName(name)) this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
    return code;
  }

  warnings(file: string): string[] {
    if (this.unknown.size === 0) return [];
    const shown = [...this.unknown.entries()].slice(0, 10).map(([n, c]) => `"${n}" (${c})`).join(', ');
    return [`${file}: ${this.unknown.size} country name(s) not in data/countries.json, left unresolved: ${shown}`];
  }
}

/** True for an ISO 3166-1 alpha-2 code the shared table knows (upper case: `LY`, `IT`). */
export function isKnownIso2(code: string): boolean {
  const t = referenceData<CountryTable>('countries.json');
  return Object.prototype.hasOwnProperty.call(t.countries, code);
}
