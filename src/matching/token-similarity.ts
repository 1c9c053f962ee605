// How well one query token meets one list token, and how: exact, equivalent (same name in another
// spelling, from data), phonetic (same sound or the same Arabic-aware skeleton), fuzzy (string
// distance), initial. Below FUZZY_FLOOR a pair counts as unmatched: similarities fall off a cliff
// instead of adding up many weak resemblances.
import { customJaroWinkler, jaroWinkler } from './jaro-winkler.js';
import type { PreparedToken } from './prepared.js';

export type MatchHow = 'exact' | 'equivalent' | 'phonetic' | 'fuzzy' | 'initial' | 'unmatched';

export interface TokenSimilarity { sim: number; how: MatchHow }

export const FUZZY_FLOOR = 0.82;
export const EQUIVALENT_SIM = 0.95;
export const PHONETIC_SIM = 0.88;
export const SKELETON_SIM = 0.92;
export const INITIAL_SIM = 0.85;

const NONE: TokenSimilarity = Object.freeze({ sim: 0, how: 'unmatched' }) as TokenSimilarity;

const intersects = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => {
  for (const x of a) if (b.includes(x)) return true;
  return false;
};

// Two-letter metaphone codes are too coarse on their own (Maria and Mauro both give MR): they
// count only when the spellings are already close.
function soundsAlike(a: string[], b: string[], jw: number): boolean {
  for (const x of a) if (b.includes(x) && (x.length >= 3 || jw >= 0.75)) return true;
  return false;
}

function skeletonSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return a.length >= 2 ? SKELETON_SIM : 0;
  if (Math.min(a.length, b.length) < 3) return 0;
  const jw = jaroWinkler(a, b);
  return jw >= 0.88 ? SKELETON_SIM * jw : 0;
}

export function tokenSimilarity(q: PreparedToken, c: PreparedToken): TokenSimilarity {
  if (q.text === c.text && q.unvocalised === c.unvocalised) return { sim: 1, how: 'exact' };
  const qText = q.bare ?? q.text;
  const cText = c.bare ?? c.text;
  if (!q.unvocalised && !c.unvocalised && qText === cText) return { sim: 0.98, how: 'exact' };
  if (q.kind === 'initial' || c.kind === 'initial') {
    if (q.kind === c.kind) return NONE; // different initials
    return (q.kind === 'initial' ? c.text : q.text)[0] === (q.kind === 'initial' ? q.text : c.text) ? { sim: INITIAL_SIM, how: 'initial' } : NONE;
  }
  if (q.kind === 'number' || c.kind === 'number') return NONE;
  if (q.groups.length && c.groups.length && intersects(q.groups, c.groups)) return { sim: EQUIVALENT_SIM, how: 'equivalent' };
  if (q.unvocalised || c.unvocalised) {
    let best = skeletonSimilarity(q.skeleton, c.skeleton);
    // A Latin token with a glued article (ALQADHAFI) meets the bare Arabic word.
    if (q.bare && !q.unvocalised) best = Math.max(best, skeletonSimilarity(q.skeleton.replace(/^l/, ''), c.skeleton));
    if (c.bare && !c.unvocalised) best = Math.max(best, skeletonSimilarity(q.skeleton, c.skeleton.replace(/^l/, '')));
    return best > 0 ? { sim: best, how: 'phonetic' } : NONE;
  }
  const jw = customJaroWinkler(qText, cText);
  if (jw < PHONETIC_SIM && q.phonetic.length && c.phonetic.length && soundsAlike(q.phonetic, c.phonetic, jw)) {
    return { sim: PHONETIC_SIM, how: 'phonetic' };
  }
  return jw >= FUZZY_FLOOR ? { sim: jw, how: 'fuzzy' } : NONE;
}
