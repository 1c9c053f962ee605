// How much evidence a token carries. Rare tokens (in the lists being screened) carry more than
// common ones (Muhammad, Ali, Trading); generic words, legal forms, titles and particles carry a
// small fixed fraction so that they never drive a match; a list surname counts more than a
// given name.
import type { TokenKind } from './tokenize.js';

/** Document frequencies of token keys over the names being screened. */
export interface TokenStats {
  /** Number of names. */
  readonly names: number;
  df(key: string): number;
}

export const KIND_WEIGHT: Record<TokenKind, number> = {
  name: 1,
  number: 0.6,
  initial: 0.25,
  generic: 0.12,
  legal: 0.05,
  title: 0.05,
  particle: 0.05,
};

export const SURNAME_BOOST = 1.3;

/** A token seen in this many names or fewer carries full weight. */
const RARE_DF = 5;
/** The weight a name token keeps however common it is. */
const COMMON_FLOOR = 0.3;

export function rarity(df: number, names: number): number {
  if (names <= RARE_DF || df <= RARE_DF) return 1;
  const idf = Math.log(names / df);
  const full = Math.log(names / RARE_DF);
  return COMMON_FLOOR + (1 - COMMON_FLOOR) * Math.max(0, Math.min(1, idf / full));
}

/** Document frequencies of no list: every token is rare (used when comparing two names alone). */
export const UNIFORM_STATS: TokenStats = { names: 0, df: () => 0 };
