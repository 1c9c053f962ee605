// Countries and country groups as of a date. ISO-2 codes come from data/countries.json; the US
// Country Chart and Country Group tables name countries in words, so each code is resolved to its
// row once, at load. Group membership is dated where the rule data says so (EU membership, arms
// embargoes, Libya in E:1 until 2006) and otherwise the 2026 text of the EAR tables.
import type { CountryChart, CountryGroups, EarNamesFile, GroupFile } from './rule-schema.js';
import { inPeriod, type Period } from './dates.js';

export type ChartRow = { kind: 'row'; name: string; marks: ReadonlySet<string> } | { kind: 'embargoed'; name: string; pointer: string };

export interface GroupUse {
  /** Groups whose undated (2026) EAR text decided a membership question. */
  earText: Set<string>;
}

export class Geography {
  readonly codes: ReadonlySet<string>;
  private readonly names = new Map<string, string>();
  private readonly dated = new Map<string, Map<string, (Period & { citation?: string })[]>>();
  private readonly labels = new Map<string, string>();
  private readonly earGroups = new Map<string, Set<string>>();
  private readonly chartRows = new Map<string, ChartRow>();

  constructor(
    countryNames: Record<string, string[]>,
    groupFiles: GroupFile[],
    readonly chart: CountryChart,
    readonly earGroupTable: CountryGroups,
    earNames: EarNamesFile,
  ) {
    this.codes = new Set(Object.keys(countryNames));
    for (const [code, names] of Object.entries(countryNames)) this.names.set(code, names[0] ?? code);

    for (const file of groupFiles) {
      for (const g of file.groups) {
        this.labels.set(g.id, g.label);
        const byCountry = this.dated.get(g.id) ?? new Map();
        for (const m of g.members) {
          const periods = byCountry.get(m.country) ?? [];
          periods.push({ from: m.from, to: m.to, citation: m.citation });
          byCountry.set(m.country, periods);
        }
        this.dated.set(g.id, byCountry);
      }
    }

    // EAR Country Group tables: resolve each listed name to ISO codes.
    const groupNameToCodes = new Map<string, string[]>();
    const addName = (name: string, code: string) => {
      const k = name.toLowerCase();
      groupNameToCodes.set(k, [...(groupNameToCodes.get(k) ?? []), code]);
    };
    const allGroupNames = new Set(Object.values(earGroupTable.groups).flat().map((n) => n.toLowerCase()));
    for (const [code, names] of Object.entries(countryNames)) {
      for (const n of names) {
        const k = n.toLowerCase();
        const viaAlias = earGroupTable.aliases[k]?.toLowerCase();
        if (allGroupNames.has(k)) addName(k, code);
        else if (viaAlias && allGroupNames.has(viaAlias)) addName(viaAlias, code);
      }
      for (const n of earNames.groups[code] ?? []) addName(n, code);
    }
    for (const [gid, members] of Object.entries(earGroupTable.groups)) {
      const id = `US:${gid}`;
      this.labels.set(id, earGroupTable.labels[gid] ?? gid);
      const set = new Set<string>();
      for (const name of members) for (const code of groupNameToCodes.get(name.toLowerCase()) ?? []) set.add(code);
      this.earGroups.set(id, set);
    }

    // Commerce Country Chart rows.
    const rowByLower = new Map<string, ChartRow>();
    for (const [name, row] of Object.entries(chart.countries)) {
      rowByLower.set(name.toLowerCase(), { kind: 'row', name, marks: new Set(row.marks.map(normaliseColumn)) });
    }
    for (const [name, row] of Object.entries(chart.embargoed)) rowByLower.set(name.toLowerCase(), { kind: 'embargoed', name, pointer: row.pointer });
    for (const [code, names] of Object.entries(countryNames)) {
      const override = earNames.chart[code];
      const candidates = override ? [override] : names;
      for (const n of candidates) {
        const k = n.toLowerCase();
        const row = rowByLower.get(k)
          ?? rowByLower.get(chart.aliases[k]?.toLowerCase() ?? '')
          ?? rowByLower.get(chart.territoryInheritance[k]?.row.toLowerCase() ?? '');
        if (row) { this.chartRows.set(code, row); break; }
      }
    }
  }

  isCountry(code: string): boolean {
    return this.codes.has(code);
  }

  isGroup(id: string): boolean {
    return this.dated.has(id) || this.earGroups.has(id);
  }

  groupIds(): string[] {
    return [...new Set([...this.dated.keys(), ...this.earGroups.keys()])].sort();
  }

  name(code: string): string {
    return this.names.get(code) ?? code;
  }

  /**
   * Is `code` in group `id` on `day`? Dated memberships for the pair win; otherwise the EAR text
   * (recorded in `use` so the output can say a 2026 text decided a past date).
   */
  inGroup(id: string, code: string, day: string, use?: GroupUse): boolean {
    const periods = this.dated.get(id)?.get(code);
    if (periods) return periods.some((p) => inPeriod(p, day));
    const ear = this.earGroups.get(id);
    if (ear) {
      use?.earText.add(id);
      return ear.has(code);
    }
    return false;
  }

  chartRow(code: string): ChartRow | undefined {
    return this.chartRows.get(code);
  }

  /** Chart column for a US reason: 'NS2' → 'NS2'; 'MT' → 'MT1' when the chart has one MT column. */
  columnForReason(reason: string): string | undefined {
    const r = normaliseColumn(reason);
    const cols = this.chart.columns.map(normaliseColumn);
    if (cols.includes(r)) return r;
    if (/^[A-Z]{2}$/.test(r)) {
      const family = cols.filter((c) => c.startsWith(r));
      if (family.length === 1) return family[0];
    }
    return undefined;
  }
}

/** 'NS 2' and 'NS2' are the same column. */
export function normaliseColumn(c: string): string {
  return c.replace(/\s+/g, '').toUpperCase();
}

/** 'NS2' → 'NS 2' for display, as the chart prints it. */
export function displayColumn(c: string): string {
  return c.replace(/^([A-Z]{2})(\d)$/, '$1 $2');
}
