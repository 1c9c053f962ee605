// Item designations that are not entries of the dual-use lists: a military-list code ('ML5'),
// 'EAR99' (subject to the EAR, on no CCL entry), or a code of a regime's own annex. Each is a
// classification in its own right, so the dual-use catalogue never rejects them as malformed.
import type { Item, ItemClassification } from '../model/index.js';
import { classifyMilitaryListItem } from './military-list.js';
import type { RuleSet } from './rule-set.js';

export function classifyDesignation(item: Item, index: number, rules: RuleSet): ItemClassification | undefined {
  const ml = classifyMilitaryListItem(item, index);
  if (ml) return ml;
  const code = item.code?.trim().toUpperCase();
  if (!code) return undefined;
  if (code === 'EAR99') {
    return {
      index, description: item.description, classified: true, entries: [], suggestions: [], designation: 'EAR99',
      notes: ['EAR99: subject to the EAR but on no entry of the Commerce Control List (15 CFR 734.3(c)); list-based rules of other jurisdictions do not apply to it, and embargo and end-use rules still do.'],
    };
  }
  const annex = rules.regimes.flatMap((r) => r.annexes.map((a) => ({ r, a }))).find(({ a }) => a.entries.some((e) => e.code.toUpperCase() === code));
  if (annex) {
    const entry = annex.a.entries.find((e) => e.code.toUpperCase() === code)!;
    return {
      index, description: item.description, classified: true, entries: [], suggestions: [], designation: 'annex',
      notes: [`${entry.code}: ${entry.title} — an entry of ${annex.a.title} (${annex.a.citation}), not of the dual-use lists.`],
    };
  }
  return undefined;
}
