// Does a jurisdiction's law reach the transaction at all? Kept apart from the outcome, which says
// what its rules would require if it did (DESIGN: `applies`/`nexus` vs `outcome`).
import type { Transaction } from '../model/index.js';
import type { Geography } from './geography.js';
import type { JurisdictionFile, NexusTest } from './rule-schema.js';

export interface Nexus { applies: boolean; nexus: string }

export function nexusOf(j: JurisdictionFile, tx: Transaction, day: string, geo: Geography): Nexus {
  const exporter = `${geo.name(tx.exporter.country)} (${tx.exporter.country})`;
  const vars = { exporter, asOf: day };
  const found: string[] = [];
  for (const t of j.nexus) {
    const text = reaches(t, tx, day, geo);
    if (text !== undefined) found.push(fill(text, vars));
  }
  if (found.length) return { applies: true, nexus: found.join(' ') };
  return { applies: false, nexus: fill(j.notReached, vars) };
}

/** The nexus text (unfilled for shared variables) when the test holds. */
function reaches(t: NexusTest, tx: Transaction, day: string, geo: Geography): string | undefined {
  const inPlaces = (code: string, list: string[]) => list.some((p) => (geo.isCountry(p) ? p === code : geo.inGroup(p, code, day)));
  switch (t.test) {
    case 'always':
      return t.text;
    case 'exporterIn':
      return inPlaces(tx.exporter.country, t.countries) ? t.text : undefined;
    case 'usOrigin': {
      const i = tx.items.findIndex((it) => it.usOrigin === true);
      return i < 0 ? undefined : fill(t.text, { item: itemLabel(tx, i) });
    }
    case 'contentAbove': {
      const stricter = t.stricter.filter((s) => inPlaces(tx.destination, s.destinations)).map((s) => s.threshold);
      const threshold = Math.min(t.threshold, ...stricter);
      const i = tx.items.findIndex((it) => (it.usContent ?? 0) > threshold);
      if (i < 0) return undefined;
      return fill(t.text, { item: itemLabel(tx, i), share: pct(tx.items[i]!.usContent!), threshold: pct(threshold) });
    }
    case 'exporterFlag':
      return tx.exporter.usPerson === true ? t.text : undefined;
  }
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const itemLabel = (tx: Transaction, i: number) => `items[${i}] (${tx.items[i]!.description})`;

export function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}
