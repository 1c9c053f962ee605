// A token ready for comparison: its text and skeleton plus the keys that let two spellings meet
// without string distance (double-metaphone codes, name-equivalence groups).
import { doubleMetaphone } from 'double-metaphone';
import { matchingData } from './data.js';
import { tokenizeName, type NameToken } from './tokenize.js';
import { memoized } from './memo.js';

export interface PreparedToken extends NameToken {
  /** Double-metaphone primary and alternate codes (deduplicated; empty for unvocalised tokens). */
  phonetic: string[];
  /** Name-equivalence groups (data/matching/name-equivalents.json) the token or its bare form is in. */
  groups: number[];
  /** Key of the token in a vocabulary: unvocalised tokens are kept apart from Latin ones. */
  key: string;
  /**
   * The Latin reading (skeleton.ts, latinVocalic) of text and of bare, filled in on first use by
   * token-similarity.ts (readingOf): a Latin list word meets every Arabic-script query word through
   * it. Derived from text and bare only, so copies that keep those may keep it.
   */
  reading: string | undefined;
  bareReading: string | undefined;
}

export const tokenKey = (t: Pick<NameToken, 'text' | 'unvocalised'>): string => (t.unvocalised ? `~${t.text}` : t.text);

/** Everything token comparison (token-similarity.ts) reads of a query token: tokens with one key meet alike. */
export const similarityKey = (t: PreparedToken): string =>
  `${t.key}|${t.kind}|${t.syllabic ? 's' : ''}|${t.bare ?? ''}|${t.skeleton}|${t.vocalic ?? ''}|${t.groups.join(',')}`;

// Double metaphone is the slowest step of preparing a query; names repeat, so codes are remembered.
export const phoneticCodes = memoized(computeCodes);

function computeCodes(text: string): string[] {
  if (!/[a-z]/.test(text)) return [];
  const [a, b] = doubleMetaphone(text);
  const codes = a && a.length >= 2 ? [a] : [];
  if (b && b !== a && b.length >= 2) codes.push(b);
  return codes;
}

/**
 * The equivalence groups of a patronymic's stem, as negative ids (-1 - group): Wladimirowicz and
 * Vladimirovich meet as equivalents, while neither meets the given name Vladimir itself.
 */
export function patronymicGroups(text: string): number[] {
  const d = matchingData();
  for (const e of d.patronymicEndings) {
    if (text.length < e.length + 3 || !text.endsWith(e)) continue;
    const stem = text.slice(0, -e.length);
    const g = d.equivalents.get(stem);
    if (g) return g.map((id) => -1 - id);
  }
  return [];
}

export function prepareToken(t: NameToken): PreparedToken {
  const eq = matchingData().equivalents;
  const groups = [...(eq.get(t.text) ?? []), ...(t.bare ? (eq.get(t.bare) ?? []) : [])];
  if (groups.length === 0 && !t.unvocalised && t.kind === 'name') groups.push(...patronymicGroups(t.text));
  return preparedToken(t, t.unvocalised || t.kind === 'number' || t.kind === 'initial' ? [] : phoneticCodes(t.bare ?? t.text), [...new Set(groups)]);
}

/**
 * Every prepared token as an object of one shape: the same properties in the same order, optional
 * ones present as undefined. Token comparison reads query and vocabulary tokens at the same sites
 * millions of times; tokens of several shapes (with or without bare, syllabic; spread or built
 * field by field) made those reads polymorphic, which measurably slowed cold lookups.
 */
export function preparedToken(t: NameToken, phonetic: string[], groups: number[]): PreparedToken {
  return {
    text: t.text, kind: t.kind, surname: t.surname, unvocalised: t.unvocalised, skeleton: t.skeleton,
    bare: t.bare, syllabic: t.syllabic, joined: t.joined, vocalic: t.vocalic, splits: t.splits, phonetic, groups, key: tokenKey(t),
    reading: undefined, bareReading: undefined,
  };
}

export const prepareName = (name: string): PreparedToken[] => tokenizeName(name).map(prepareToken);
