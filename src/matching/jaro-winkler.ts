// Jaro and Jaro-Winkler similarity over UTF-16 code units, plus the "best pairs" token alignment
// that moov-io/watchman popularised. The best-pairs function is kept byte-compatible with
// watchman's published golden scores (test/fixtures/matching/bestpairs_jarowinkler_golden.csv),
// which is why it compares UTF-8 bytes (one code unit per byte); the product's own scorer
// (scorer.ts) calls jaroWinkler on ASCII tokens, where bytes and characters coincide.

/** Jaro-Winkler of two strings by UTF-16 code unit, without allocating (the scorer's hot path). */
export function jaroWinklerString(a: string, b: string, boostThreshold = 0.7, prefixSize = 4): number {
  const jaro = jaroString(a, b);
  if (jaro <= boostThreshold) return jaro;
  const n = Math.min(a.length, b.length, prefixSize);
  let prefix = 0;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + 0.1 * prefix * (1 - jaro);
}

function jaroString(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const ca = a.charCodeAt(i);
    const end = Math.min(lb - 1, i + range);
    for (let j = Math.max(0, i - range); j <= end; j++) {
      if (flagsB[j] || ca !== b.charCodeAt(j)) continue;
      flagsA[i] = 1;
      flagsB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (!flagsA[i]) continue;
    while (!flagsB[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  transpositions /= 2;
  return (matches / la + matches / lb + (matches - transpositions) / matches) / 3;
}

// Scratch buffers reused across calls: the scorer calls jaro() hundreds of thousands of times.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export const jaroWinkler = jaroWinklerString;

// ---- watchman-compatible best pairs ------------------------------------------------------------

const LENGTH_CUTOFF = 0.9;
const LENGTH_PENALTY_WEIGHT = 0.3;
const DIFFERENT_FIRST_LETTER_WEIGHT = 0.9;
const UNMATCHED_INDEX_WEIGHT = 0.15;

/** 1 - (1 - metric) * weight: a metric of 0.5 with weight 0.1 scales a score by 0.95. */
export const scalingFactor = (metric: number, weight: number): number => 1 - (1 - metric) * weight;

// Coarse sound classes of a first letter: only token pairs whose first letters fall in one class
// are compared at all (watchman's "first character soundex" filter).
const FIRST_SOUND: Record<string, string> = {
  A: 'A', E: 'A', I: 'A', O: 'A', U: 'A', Y: 'A', B: 'B', F: 'B', P: 'B', V: 'B',
  C: 'C', G: 'C', J: 'C', K: 'C', Q: 'C', S: 'C', X: 'C', Z: 'C', D: 'D', T: 'D',
  L: 'L', M: 'M', N: 'M', R: 'R', H: 'H', W: 'H',
};

export function firstSound(s: string): string {
  if (!s) return ' ';
  const first = String.fromCodePoint(s.codePointAt(0)!).toUpperCase();
  return FIRST_SOUND[first] ?? first;
}

const firstSoundOfUnit = (u: number): string => FIRST_SOUND[String.fromCharCode(u).toUpperCase()] ?? String.fromCharCode(u).toUpperCase();

/**
 * Jaro-Winkler made stricter where it is known to be lenient: very different lengths, and first
 * letters that sound different (q/k/g or d/t may differ; m/r may not). Without allocating.
 */
export function customJaroWinkler(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let score = jaroWinklerString(a, b);
  const lengthRatio = Math.min(a.length, b.length) / Math.max(a.length, b.length);
  if (lengthRatio < LENGTH_CUTOFF) score *= scalingFactor(lengthRatio, LENGTH_PENALTY_WEIGHT);
  if (a.charCodeAt(0) !== b.charCodeAt(0) && firstSoundOfUnit(a.charCodeAt(0)) !== firstSoundOfUnit(b.charCodeAt(0))) score *= DIFFERENT_FIRST_LETTER_WEIGHT;
  return score;
}

/**
 * A token's UTF-8 bytes as a string of one code unit per byte: the string functions above then
 * compare bytes, as the golden scores require.
 */
const utf8Bytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

/**
 * Best-pairs Jaro-Winkler of two token lists: every search token against every indexed token
 * (when their first sounds agree), best pairs first, each token used once; the pair scores are
 * averaged weighted by length, then scaled down by the share of the indexed name left unmatched.
 */
export function bestPairsJaroWinkler(searchTokens: string[], indexedTokens: string[]): number {
  const search = searchTokens.map(utf8Bytes);
  const indexed = indexedTokens.map(utf8Bytes);
  const searchLength = search.reduce((n, t) => n + t.length, 0);
  const indexLength = indexed.reduce((n, t) => n + t.length, 0);
  const scores: { score: number; s: number; i: number }[] = [];
  for (let s = 0; s < search.length; s++) {
    for (let i = 0; i < indexed.length; i++) {
      if (!searchTokens[s] || !indexedTokens[i] || firstSound(searchTokens[s]!) !== firstSound(indexedTokens[i]!)) continue;
      scores.push({ score: customJaroWinkler(indexed[i]!, search[s]!), s, i });
    }
  }
  // Stable sort, descending, like the reference implementation's sort of the outer product.
  scores.sort((x, y) => y.score - x.score);
  const usedS = new Array<boolean>(search.length).fill(false);
  const usedI = new Array<boolean>(indexed.length).fill(false);
  let weighted = 0;
  let matchedIndexLength = 0;
  for (const p of scores) {
    if (usedS[p.s] || usedI[p.i]) continue;
    weighted += p.score * (search[p.s]!.length + indexed[p.i]!.length);
    usedS[p.s] = true;
    usedI[p.i] = true;
    matchedIndexLength += indexed[p.i]!.length;
  }
  const denominator = searchLength + matchedIndexLength;
  if (denominator === 0 || indexLength === 0) return 0;
  const average = weighted / denominator;
  return average * scalingFactor(matchedIndexLength / indexLength, UNMATCHED_INDEX_WEIGHT);
}

/** The golden set's preparation: punctuation to spaces, lower-case, accents stripped, spaces collapsed. */
export function lowerAndRemovePunctuation(s: string): string {
  const replaced = s.replace(/[^\p{L}\p{N}\s]/gu, ' ');
  return replaced.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}
