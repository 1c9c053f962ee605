// Two names scored against each other, outside any list: name b plays the list name.
import type { EntityType, Explanation } from '../model/index.js';
import { prepareName, type PreparedToken } from './prepared.js';
import { matchingData } from './data.js';
import { alternativeReadings } from './readings.js';
import { withoutTrailingAcronym } from './acronym.js';
import { round, scoreTokens } from './scorer.js';
import { populationCount, populationName } from './population.js';
import { tokenSimilarity } from './token-similarity.js';
import { KIND_WEIGHT, SURNAME_BOOST, rarity, UNIFORM_STATS, type TokenStats } from './weights.js';

export function tokenWeight(t: PreparedToken, stats: TokenStats, person: boolean): number {
  // An article (al, el, ad-, ash- ...) is optional in every romanisation: written or left out, it is no
  // evidence either way (الطيب nayil is TAYEB NAIL; ESSAADI is al-Saadi).
  if (t.kind === 'particle' && matchingData().latinArticles.has(t.text)) return 0;
  const base = KIND_WEIGHT[t.kind] * (t.kind === 'name' || t.kind === 'number' ? rarity(stats.df(t.key), stats.names) : 1);
  return person && t.surname && t.kind === 'name' ? base * SURNAME_BOOST : base;
}

/** A person's name with no surname mark (all capitals, no comma): its last name part is the surname (as in the index). */
export function withSurname(c: PreparedToken[]): PreparedToken[] {
  if (c.some((t) => t.surname)) return c;
  let last = -1;
  c.forEach((t, k) => { if (t.kind === 'name') last = k; });
  return last < 0 ? c : c.map((t, k) => (k === last ? { ...t, surname: true } : t));
}

export interface ComparedNames { score: number; explanation: Explanation }

export function compareTokens(q: PreparedToken[], c: PreparedToken[], type: EntityType | undefined, stats: TokenStats = UNIFORM_STATS): ComparedNames {
  const person = type !== 'organization' && type !== 'vessel' && type !== 'aircraft';
  c = person ? withSurname(c) : c.map((t) => (t.surname ? { ...t, surname: false } : t));
  const qw = q.map((t) => tokenWeight(t, stats, false));
  const cw = c.map((t) => tokenWeight(t, stats, person));
  const known = q.map((t) => (t.kind === 'name' && !t.unvocalised && populationName(t.text) ? 1 : 0));
  const r = scoreTokens(q, qw, c, cw, (i, j) => tokenSimilarity(q[i]!, c[j]!), true, undefined, undefined, known, populationCount(q));
  const score = round(r.score);
  return { score, explanation: { tokens: r.tokens, notes: r.notes, nameScore: score, adjustments: r.adjustments } };
}

/**
 * Name `a` against name `b` as a screening would score it against list name `b`: the index also
 * holds a list name without its trailing acronym (acronym.ts), so that form is compared too.
 */
export function compareNameStrings(a: string, b: string, type?: EntityType, stats?: TokenStats): ComparedNames {
  const qa = prepareName(a);
  const best = compareWritten(qa, b, type, stats);
  const bare = withoutTrailingAcronym(b);
  if (bare === undefined) return best;
  const other = compareWritten(qa, bare, type, stats);
  if (other.score <= best.score) return best;
  return { ...other, explanation: { ...other.explanation, notes: [...other.explanation.notes, `compared with "${bare}": the second name without its trailing acronym`] } };
}

function compareWritten(qa: PreparedToken[], b: string, type?: EntityType, stats?: TokenStats): ComparedNames {
  const cb = prepareName(b);
  let best = compareTokens(qa, cb, type, stats);
  // Other readings of the first name (readings.ts), with the second name's tokens as what is known.
  const eq = matchingData().equivalents;
  const known = new Set(cb.flatMap((t) => (t.bare ? [t.text, t.bare] : [t.text])));
  const meets = (t: PreparedToken): boolean => cb.some((c) => tokenSimilarity(t, c).sim > 0);
  for (const tokens of alternativeReadings(qa, (text) => known.has(text) || eq.has(text), meets)) {
    const r = compareTokens(tokens, cb, type, stats);
    if (r.score > best.score) best = r;
  }
  return best;
}
