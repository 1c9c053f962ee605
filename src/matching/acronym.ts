// Lists often end an organisation's name with its acronym: "AL-ITIHAAD AL-ISLAMIYA / AIAI",
// "JAMAAT-UL-AHRAR (JuA)", "HAQQANI NETWORK (HQN)". A query seldom carries it (and one written in
// another script never does), so the acronym would count as a listed word the query failed to meet.
// The index keeps such a name also without it (name-index.ts).

/** Acronym length in letters. */
const MIN_LETTERS = 2;
const MAX_LETTERS = 6;
const TRAILING = /^(.*?\S)\s*(?:\(\s*([\p{L}.]+)\s*\)|\/\s*([\p{L}.]+))\s*$/u;

/**
 * The name without its trailing acronym, or undefined when it has none. Only a word in capitals (at
 * least two, JuA) whose letters appear in order in the name before it, the first one opening that
 * name: so "(BRANCH)" or "/ ALI" (a second name, not an acronym of the first) stay.
 */
export function withoutTrailingAcronym(text: string): string | undefined {
  const m = TRAILING.exec(text);
  if (!m) return undefined;
  const head = m[1]!;
  const word = (m[2] ?? m[3]!).replace(/\./g, '');
  const letters = [...word];
  if (letters.length < MIN_LETTERS || letters.length > MAX_LETTERS) return undefined;
  if (letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length < 2) return undefined;
  const name = head.toLowerCase().replace(/[^\p{L}]/gu, '');
  const acr = word.toLowerCase();
  if (name.length <= acr.length * 2 || name[0] !== acr[0]) return undefined;
  let at = 0;
  for (const c of acr) {
    at = name.indexOf(c, at);
    if (at < 0) return undefined;
    at++;
  }
  return head.replace(/[\s/(-]+$/u, '');
}
