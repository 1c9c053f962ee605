// The Arabic-aware consonant skeleton: the part of a name that survives writing it in Arabic
// script (which leaves short vowels out) and reading it back in any Latin spelling. Both sides map
// to one set of consonant classes (data/matching/scripts.json documents them): q/k/g/gh/j -> k,
// d/dh/z -> d, h/kh -> h, s/sh/ch/th -> s, f/v/ph -> f, b/p -> b; vowels, w, y and glottal stops drop.
// So QADHAFI, GADDAFI, KADHAFI, Каддафи (Kaddafi) and القذافي all give "kdf".
import { matchingData } from './data.js';

const LATIN_DIGRAPHS: [RegExp, string][] = [
  // (zh is left alone: al-Azhar is z + h; Russian ж reaches Arabic-script names too rarely to matter.)
  [/dzh|dj/g, 'k'],
  [/tch|sch|sh|ch/g, 's'],
  [/kh/g, 'h'],
  [/gh/g, 'k'],
  [/th/g, 's'],
  [/dh/g, 'd'],
  [/ph/g, 'f'],
  [/ts|tz/g, 's'],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/x/g, 'ks'],
];

const LATIN_CLASS: Record<string, string> = {
  b: 'b', p: 'b', c: 'k', k: 'k', q: 'k', g: 'k', d: 'd', z: 'd', t: 't', f: 'f', v: 'f',
  h: 'h', j: 'k', l: 'l', m: 'm', n: 'n', r: 'r', s: 's',
};

/** Skeleton of an ASCII lower-case token. */
export function latinSkeleton(token: string): string {
  // Doubled letters are written once in Arabic script (shadda): collapse them first.
  let s = token.replace(/([a-z])\1+/g, '$1');
  for (const [re, to] of LATIN_DIGRAPHS) s = s.replace(re, to);
  let out = '';
  for (const ch of s) {
    const cls = LATIN_CLASS[ch];
    if (cls !== undefined) out += cls;
    else if (ch >= '0' && ch <= '9') out += ch;
  }
  return dropFinalH(out);
}

// A final h is unreliable on both sides (ta marbuta written -a or -ah, Salah/Sala, Hamza/Hamzah).
const dropFinalH = (s: string): string => (s.length >= 3 && s.endsWith('h') ? s.slice(0, -1) : s);

/** Skeleton of an Arabic-script word (article already stripped), from the letter table. */
export function arabicSkeleton(word: string): string {
  const table = matchingData().arabic;
  let out = '';
  let previous = '';
  for (const ch of word) {
    if (ch === previous) continue; // a doubled letter is one consonant
    previous = ch;
    const entry = table.get(ch);
    if (entry) out += entry.skeleton;
  }
  return dropFinalH(out);
}
