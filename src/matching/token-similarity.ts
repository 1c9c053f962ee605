// How well one query token meets one list token, and how: exact, equivalent (same name in another
// spelling, from data), phonetic (same sound or the same Arabic-aware skeleton), fuzzy (string
// distance), initial. Below FUZZY_FLOOR a pair counts as unmatched: similarities fall off a cliff
// instead of adding up many weak resemblances.
import { customJaroWinkler, jaroWinkler } from './jaro-winkler.js';
import type { PreparedToken } from './prepared.js';
import { matchingData } from './data.js';
import { crossScriptCost, latinVocalic, vocalicConsonants } from './skeleton.js';
import { oneEditApart } from './edit.js';
import { memoized } from './memo.js';
import { populationGivenName } from './population.js';

export type MatchHow = 'exact' | 'equivalent' | 'phonetic' | 'fuzzy' | 'initial' | 'unmatched';

export interface TokenSimilarity { sim: number; how: MatchHow }

export const FUZZY_FLOOR = 0.82;
export const EQUIVALENT_SIM = 0.95;
export const PHONETIC_SIM = 0.8;
/** Metaphone codes are coarse (Thomas and DMZ share TMS): a shared code counts only for spellings this close. */
export const PHONETIC_MIN_JW = 0.78;
/**
 * A fuzzy pair's similarity is stretched below 1 so that scores fall off quickly away from a
 * near-identical spelling: 0.97 -> 0.955, 0.9 -> 0.85, 0.82 -> 0.73.
 */
export const FUZZY_STRETCH = 1.5;
export const GENDER_PAIR_SIM = 0.75;
/** Two words one edit apart (edit.ts) from this length on count as this close by Jaro-Winkler at least. */
export const ONE_EDIT_MIN_LENGTH = 5;
export const ONE_EDIT_JW = 0.9;
/** A three-letter token with its last two letters swapped: weak alone, enough when the rest of the name holds. */
export const SHORT_TRANSPOSITION_SIM = 0.75;

/** Two words that read the same in other Latin orthographies (data/matching/scripts.json, latinSpellings)... */
export const SPELLING_SIM = 0.92;
/** ...compared only when already this close (the rules change a letter or two)... */
export const SPELLING_MIN_JW = 0.7;
/** ...and not so close that the fuzzy similarity is SPELLING_SIM or more anyway (1 - (1 - jw) * FUZZY_STRETCH). */
export const SPELLING_MAX_JW = 1 - (1 - SPELLING_SIM) / FUZZY_STRETCH;

const spelling = memoized((text: string): string => {
  let out = text;
  for (const [re, to] of matchingData().latinSpellings) out = out.replace(re, to);
  return out;
});
const sameSpelling = (a: string, b: string): boolean => spelling(a) === spelling(b);

const VOWEL_END = /[aeio]$/;
function genderPair(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  const stemA = a.replace(VOWEL_END, '');
  const stemB = b.replace(VOWEL_END, '');
  return stemA === stemB && a !== b && (VOWEL_END.test(a) || VOWEL_END.test(b));
}
export const SKELETON_SIM = 0.95;
export const SKELETON_SIM_3 = 0.92;
export const SKELETON_SIM_SHORT = 0.85;
export const INITIAL_SIM = 0.85;
/** A full query token against a list initial. */
export const LIST_INITIAL_SIM = 0.6;

const NONE: TokenSimilarity = Object.freeze({ sim: 0, how: 'unmatched' }) as TokenSimilarity;

const intersects = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => {
  for (const x of a) if (b.includes(x)) return true;
  return false;
};

/**
 * Skeletons of an unvocalised and a Latin token. One-consonant skeletons (Ali, Uday, Agha) count
 * only when equal and the Latin word is short; near-equal skeletons only from four consonants on.
 */
function skeletonSimilarity(a: string, b: string, shortWord: boolean): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Fewer consonants in common is weaker evidence (Kian/Cano share only "kn").
  if (a === b) return a.length >= 4 ? SKELETON_SIM : a.length === 3 ? SKELETON_SIM_3 : a.length === 2 || shortWord ? SKELETON_SIM_SHORT : 0;
  if (Math.min(a.length, b.length) < 3 || Math.max(a.length, b.length) < 4) return 0;
  const jw = jaroWinkler(a, b);
  return jw >= 0.88 ? SKELETON_SIM * jw : 0;
}

/** Two Arabic-script words of four consonants or more whose long vowels differ (ضرغامی Zarghami, درغام Dirgham): a near spelling at most. */
export const ARABIC_VOWELS_APART_FACTOR = 0.9;

/** An alef read as e or o costs this much: such a pair is a little less similar than an exact reading. */
export const CROSS_SCRIPT_NEAR = 0.04;
/** One consonant or long vowel off: only for words of this many consonants or more... */
export const CROSS_SCRIPT_ONE_OFF_MIN = 4;
/** ...and then this similarity. */
export const CROSS_SCRIPT_ONE_OFF_SIM = 0.84;

/** The Latin reading of a token's text or bare form, remembered on the token (prepared.ts). */
function readingOf(t: PreparedToken, bare: boolean): string {
  if (bare) return (t.bareReading ??= latinVocalic(t.bare!));
  return (t.reading ??= latinVocalic(t.text));
}

/**
 * An Arabic-script word (its vocalised skeleton) against a Latin token (its reading, latinVocalic):
 * by how well the Latin spelling reads as the Arabic letters (skeleton.ts, crossScriptCost). Fewer
 * consonants agreeing is weaker evidence, as for skeletons.
 */
export function crossScript(vocalic: string, reading: string, shortWord: boolean): number {
  const k = vocalicConsonants(vocalic);
  if (k === 0) return 0;
  const base = k >= 4 ? SKELETON_SIM : k === 3 ? SKELETON_SIM_3 : k === 2 || shortWord ? SKELETON_SIM_SHORT : 0;
  if (base === 0) return 0;
  // Any cost above what the answer depends on is the same answer: the DP may stop there.
  const cost = crossScriptCost(vocalic, reading, k >= CROSS_SCRIPT_ONE_OFF_MIN ? 1 : 0.5);
  if (cost === 0) return base;
  if (cost <= 0.5) return base - CROSS_SCRIPT_NEAR;
  if (cost <= 1) return k >= CROSS_SCRIPT_ONE_OFF_MIN ? CROSS_SCRIPT_ONE_OFF_SIM : 0;
  return 0;
}

let readings: [string, number[]][] | undefined;
/** The Latin reading (latinVocalic) of every equivalence-group spelling of three letters or more, with its groups. */
function equivalentReadings(): [string, number[]][] {
  readings ??= [...matchingData().equivalents].filter(([spelling]) => spelling.length >= 3).map(([spelling, groups]) => [latinVocalic(spelling), groups]);
  return readings;
}

/** Equivalence groups with a spelling the Arabic vocalised skeleton reads exactly (cost 0). */
const exactGroups = memoized((vocalic: string): number[] => {
  const out: number[] = [];
  for (const [reading, groups] of equivalentReadings()) {
    if (crossScriptCost(vocalic, reading, 0) !== 0) continue;
    for (const g of groups) if (!out.includes(g)) out.push(g);
  }
  return out;
}, 20_000);

export function tokenSimilarity(q: PreparedToken, c: PreparedToken): TokenSimilarity {
  if (q.text === c.text && q.unvocalised === c.unvocalised) return { sim: 1, how: 'exact' };
  const latin = !q.unvocalised && !c.unvocalised;
  // A glued article (ALQADHAFI, ELKADDAFI) may be on either side; either form may be the right one.
  if (latin && (q.bare === c.text || q.text === c.bare || (q.bare !== undefined && q.bare === c.bare))) return { sim: 0.98, how: 'exact' };
  if (q.kind === 'initial' || c.kind === 'initial') {
    if (q.kind === c.kind) return NONE; // different initials
    if (q.kind === 'initial') return c.text[0] === q.text ? { sim: INITIAL_SIM, how: 'initial' } : NONE;
    // The query spells out what the list only abbreviates: the initial agrees, the rest is unknown.
    return q.text[0] === c.text ? { sim: LIST_INITIAL_SIM, how: 'initial' } : NONE;
  }
  if (q.kind === 'number' || c.kind === 'number') return NONE;
  // Name equivalents are Latin spellings: an Arabic-script rendering (موحد "muhd") is read by crossScript below instead.
  if (q.unvocalised === c.unvocalised && q.groups.length && c.groups.length && intersects(q.groups, c.groups)) return { sim: EQUIVALENT_SIM, how: 'equivalent' };
  if (!latin) {
    // Arabic script against Latin: the consonants and the long vowels must agree (crossScript).
    if (q.unvocalised !== c.unvocalised) {
      const arabic = q.unvocalised ? q : c;
      const other = q.unvocalised ? c : q;
      if (arabic.vocalic !== undefined) {
        let best = crossScript(arabic.vocalic, readingOf(other, false), Math.min(q.text.length, c.text.length) <= 6);
        if (other.bare) best = Math.max(best, crossScript(arabic.vocalic, readingOf(other, true), false));
        // One letter off a Latin name of one equivalence group, while the Arabic word reads exactly as
        // a name of another group (محمد, MUHAMMAD, against MEHDI): another name, not a near spelling.
        if (best > 0 && best <= CROSS_SCRIPT_ONE_OFF_SIM) {
          const reads = exactGroups(arabic.vocalic);
          if (reads.length && !intersects(reads, other.groups)) return NONE;
        }
        return best > 0 ? { sim: best, how: 'phonetic' } : NONE;
      }
    }
    const shortWord = Math.min(q.text.length, c.text.length) <= 6;
    // Both in Arabic script: the long vowels each writes must agree too (حسنا Hasna is not حسن Hasan,
    // شاکری Shakeri not عسگری Asgari), and only spellings of four consonants or more may differ.
    if (q.unvocalised && c.unvocalised && q.vocalic !== undefined && c.vocalic !== undefined) {
      if (q.vocalic === c.vocalic) {
        const best = skeletonSimilarity(q.skeleton, c.skeleton, shortWord);
        return best > 0 ? { sim: best, how: 'phonetic' } : NONE;
      }
      if (Math.min(q.skeleton.length, c.skeleton.length) < 4) return NONE;
      const near = skeletonSimilarity(q.skeleton, c.skeleton, shortWord) * ARABIC_VOWELS_APART_FACTOR;
      return near > 0 ? { sim: near, how: 'phonetic' } : NONE;
    }
    let best = skeletonSimilarity(q.skeleton, c.skeleton, shortWord);
    // A Latin token with a glued article (ALQADHAFI) meets the bare Arabic word.
    if (q.bare && !q.unvocalised) best = Math.max(best, skeletonSimilarity(q.skeleton.replace(/^l/, ''), c.skeleton, false));
    if (c.bare && !c.unvocalised) best = Math.max(best, skeletonSimilarity(q.skeleton, c.skeleton.replace(/^l/, ''), false));
    return best > 0 ? { sim: best, how: 'phonetic' } : NONE;
  }
  if (q.syllabic || c.syllabic) return NONE;
  let jw = customJaroWinkler(q.text, c.text);
  if (q.bare) jw = Math.max(jw, customJaroWinkler(q.bare, c.text));
  if (c.bare) jw = Math.max(jw, customJaroWinkler(q.text, c.bare));
  // The same name in another language's Latin orthography (Poutine, Poetin, Vlagyimir Putyin, Wladimir).
  if (jw >= SPELLING_MIN_JW && jw < SPELLING_MAX_JW && q.text.length >= 4 && c.text.length >= 4 && Math.abs(q.text.length - c.text.length) <= 2 && sameSpelling(q.text, c.text)) {
    return { sim: SPELLING_SIM, how: 'phonetic' };
  }
  if (jw < PHONETIC_SIM && jw >= PHONETIC_MIN_JW && q.phonetic.length && c.phonetic.length && intersects(q.phonetic, c.phonetic)) {
    return { sim: PHONETIC_SIM, how: 'phonetic' };
  }
  // A transposition in a three-letter syllable (Jo Yno Jun for JO YON JUN): same first letter, same letters.
  if (q.text.length === 3 && c.text.length === 3 && q.text[0] === c.text[0] && q.text[1] === c.text[2] && q.text[2] === c.text[1]) {
    return { sim: SHORT_TRANSPOSITION_SIM, how: 'fuzzy' };
  }
  // One letter left out, added, changed or swapped near the start of a longer word (Ntaliya for
  // NATALIYA, CRKEZ for CERKEZ): Jaro-Winkler loses its prefix bonus and aligns the rest badly there,
  // though the words are one keystroke apart. Same first letter only (Mario is not DARIO).
  if (jw < ONE_EDIT_JW && q.text.length >= ONE_EDIT_MIN_LENGTH && c.text.length >= ONE_EDIT_MIN_LENGTH && q.text[0] === c.text[0] && oneEditApart(q.text, c.text)) jw = ONE_EDIT_JW;
  // String distance says little about very short tokens (Li/Lim, Ri/Rim, Wei/Wu): those need a rule above.
  if (jw < FUZZY_FLOOR || Math.min(q.text.length, c.text.length) < 3 || Math.max(q.text.length, c.text.length) < 4) return NONE;
  let sim = 1 - (1 - jw) * FUZZY_STRETCH;
  // Antonio/Antonia, Joaquin/Joaquina: a different final vowel makes another given name. Only given
  // names: ASGARO is a typo of the surname ASGARI, not its feminine.
  if (genderPair(q.text, c.text) && (populationGivenName(q.text) || populationGivenName(c.text))) sim = Math.min(sim, GENDER_PAIR_SIM);
  return { sim, how: 'fuzzy' };
}
