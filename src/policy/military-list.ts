// Military-list codes (EU Common Military List / Wassenaar Munitions List: ML1–ML22) are not in the
// dual-use catalogue, but the arms-embargo rules key on them. They are recognised here so that an
// item declared as 'ML5' is classified as a military item instead of being rejected as a malformed
// dual-use code.
import type { Item, ItemClassification } from '../model/index.js';

const ML = /^ML\s?(\d{1,2})((?:\.[a-z0-9]+)*)$/i;

export function classifyMilitaryListItem(item: Item, index: number): ItemClassification | undefined {
  const m = item.code ? ML.exec(item.code.trim()) : null;
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 22) return undefined;
  const code = `ML${Number(m[1])}`;
  const paragraph = `${code}${(m[2] ?? '').toLowerCase()}`;
  return {
    index,
    description: item.description,
    classified: true,
    entries: [{
      code,
      title: `Common Military List / Wassenaar Munitions List entry ${code}`,
      regimes: ['WA'],
      reasons: [],
      jurisdictions: [],
      score: 1,
      matchedOn: 'code',
      ...(paragraph !== code ? { paragraph } : {}),
    }],
    suggestions: [],
    notes: [`${paragraph} is a military-list entry: arms-embargo rules apply; dual-use rules do not.`],
  };
}
