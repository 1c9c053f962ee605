// How many people in a large population carry a name (data/matching/name-frequency.json): a name
// whose given name and surname are both common there (Michael Johnson, Juan Garcia) is shared by
// thousands, so meeting it inside a longer list name, or one letter off a listed name, is weak
// evidence. Names absent from the tables are unknown, not rare: they count as nobody's (no adjustment).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../app/paths.js';
import type { NameToken } from './tokenize.js';

interface FrequencyFile { population: number; surnames: Record<string, number>; givenNames: Record<string, number> }

interface Tables { population: number; surnames: Map<string, number>; givenNames: Map<string, number> }
let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const f = JSON.parse(readFileSync(join(dataDir(), 'matching', 'name-frequency.json'), 'utf8')) as FrequencyFile;
  tables = { population: f.population, surnames: new Map(Object.entries(f.surnames)), givenNames: new Map(Object.entries(f.givenNames)) };
  return tables;
}

/** Whether a Latin word is a given name or surname of the population tables. */
export function populationName(text: string): boolean {
  const t = load();
  return t.givenNames.has(text) || t.surnames.has(text);
}

/** Whether a Latin word is a given name of the population tables. */
export function populationGivenName(text: string): boolean {
  return load().givenNames.has(text);
}

/**
 * Expected number of people in the population named like these tokens: the name parts (Latin,
 * distinctive) as given names, one of them as the surname, whichever reading is likeliest.
 * 0 when a part is not in the tables, or when there are fewer than two parts.
 */
export function populationCount(tokens: readonly Pick<NameToken, 'text' | 'kind' | 'unvocalised' | 'syllabic'>[]): number {
  const t = load();
  const parts = tokens.filter((x) => x.kind === 'name' && !x.unvocalised && !x.syllabic);
  if (parts.length < 2) return 0;
  let best = 0;
  for (let s = 0; s < parts.length; s++) {
    let share = (t.surnames.get(parts[s]!.text) ?? 0) / 1e5;
    for (let g = 0; g < parts.length && share > 0; g++) if (g !== s) share *= (t.givenNames.get(parts[g]!.text) ?? 0) / 1e5;
    if (share > best) best = share;
  }
  return best * t.population;
}
