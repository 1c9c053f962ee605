// The Arabic-aware consonant skeleton: the part of a name that survives writing it in Arabic
// script (which leaves short vowels out) and reading it back in any Latin spelling. Both sides map
// to one set of consonant classes (data/matching/scripts.json documents them): q/k/g/gh/j -> k,
// d/dh/z -> d, h/kh -> h, s/sh/ch/th -> s, f/v/ph -> f, b/p -> b; vowels, w, y and glottal stops drop.
// So QADHAFI, GADDAFI, KADHAFI, Каддафи (Kaddafi) and القذافي all give "kdf".
import { matchingData } from './data.js';
import { memoized } from './memo.js';

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
// Tokens repeat across names (given names, trade words): the skeleton was a tenth of tokenising a
// register of parties, so it is remembered.
export const latinSkeleton = memoized(computeLatinSkeleton);

function computeLatinSkeleton(token: string): string {
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

// ---- the vocalised skeleton: consonant classes plus the long vowels Arabic script does write ------
// Arabic script leaves short vowels out but writes long ones (alef, waw, yeh). A Latin spelling of
// the same name has a vowel (or w/v, y) where the Arabic word has a long vowel; two names whose
// consonants agree but whose long vowels fall elsewhere (پرهام Parham / IBRAHIM, تهرانی Tehrani /
// ATTARAN) are different names. Markers: A alef, W waw, Y yeh (each a vowel or its glide), E a
// final ta marbuta or heh (a, e, ah, eh or nothing), I a final yeh (Haqqani: i, e or y; another
// vowel half), M a final alef maqsura (Musa, Isa: a, i, e or y), L the l of an article inside a compound (Abd al-Rahman, ABDURRAHMAN: l or
// nothing), O an alef before that l (any vowel or nothing).

const ALEF = new Set(['ا', 'أ', 'آ', 'ٱ', 'ى']);
const WAW = new Set(['و', 'ؤ', 'ۆ']);
const YEH = new Set(['ي', 'ی', 'ئ', 'ې', 'ۍ', 'ے', 'إ', 'ێ']);
/**
 * What follows an article written inside one word: الله, الدين, الرحمن … (خيرالله, نورالدين, عبدالرحمن). The
 * word may hold an alef itself (عبدالجبار Abdul Jabbar, عبدالمنان Abdul Manan), just not first.
 */
const ARTICLE_SUFFIX = /^ال(?:له|لہ|دين|دین|رحمن|رحمان|رحیم|رحيم|حق|كريم|کریم|عزيز|عزیز|[^ا].{2,4})$/u;
const FINAL_E = new Set(['ة', 'ۀ', 'ۃ', 'ه', 'ہ', 'ھ']);

/** Vocalised skeleton of an Arabic-script word (article already stripped): consonant classes and A/W/Y/E markers. */
export function arabicVocalic(word: string): string {
  const table = matchingData().arabic;
  const chars = [...word];
  let out = '';
  let previous = '';
  const emit = (m: string): void => { if (!out.endsWith(m)) out += m; };
  chars.forEach((ch, i) => {
    if (ch === previous) return;
    previous = ch;
    const last = i === chars.length - 1;
    if (last && FINAL_E.has(ch)) { emit('E'); return; }
    // A final alef maqsura is read a as often as i (موسى Musa, مصطفى Mustafa, يحيى Yahya; على for Ali).
    if (last && ch === 'ى') { emit('M'); return; }
    if (last && YEH.has(ch)) { emit('I'); return; }
    if (i === 0 && (ALEF.has(ch) || ch === 'إ')) return; // a word-initial alef carries the first vowel, whatever it is
    // Ayn and hamza inside a word: a vowel, a glide or nothing in Latin (القاعدة AL-QAIDA, QAEDA).
    if (ch === 'ع' || ch === 'ء') { if (i > 0 && !last) out += 'O'; return; }
    // An article written inside a word (خيرالله Khairullah, نورالدين Nuruddin): optional vowel, optional l.
    if (ch === 'ا' && i >= 2 && ARTICLE_SUFFIX.test(chars.slice(i).join(''))) { out += 'OL'; previous = 'ل'; return; }
    if (ALEF.has(ch) || ch === 'ة') { emit('A'); return; }
    if (WAW.has(ch)) { emit('W'); return; }
    if (YEH.has(ch)) { emit('Y'); return; }
    const entry = table.get(ch);
    if (entry) out += entry.skeleton;
  });
  return out;
}

/** Two vocalised skeletons joined by an article into one compound: the article's l may be assimilated or dropped. */
export const joinVocalic = (head: string, article: boolean, next: string): string => head + (article ? 'L' : '') + next;

// As LATIN_DIGRAPHS, but sh, th, kh, gh, dh stay one symbol (S T K G D) that reads as one Arabic
// letter or as two (اسحاق ISHAQ is s + h).
const LATIN_VOCALIC_DIGRAPHS: [RegExp, string][] = [
  [/dzh|dj/g, 'k'],
  [/tch|sch/g, 's'],
  [/ch/g, 'C'],
  [/sh/g, 'S'],
  [/kh/g, 'K'],
  [/gh/g, 'G'],
  [/th/g, 'T'],
  [/dh/g, 'D'],
  [/ph/g, 'f'],
  [/ts|tz/g, 's'],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'X'],
  [/x/g, 'ks'],
];
/** Latin digraph symbol -> the Arabic consonant classes it reads as alone, and the class before an h when it reads as two letters. */
// th is ث or ت+ه, and in Iraqi and Gulf usage ذ and ظ too (كاظم KATHIM, البذالي AL-BATHALI); ch is چ, French
// ش (CHAUDHRY, CHERIF) or German خ (بريخ BARICH); a c before a, o, u is k, or French ç for ص/س (فيصل FAYCAL).
const DIGRAPH_ONE: Record<string, string> = { S: 's', T: 'std', K: 'h', G: 'k', D: 'd', C: 'sh', X: 'ks' };
const DIGRAPH_TWO: Record<string, string> = { S: 's', T: 't', K: 'k', G: 'k', D: 'd' };

/** Vocalised skeleton of an ASCII lower-case token: consonant classes as latinSkeleton, vowels a e i o u, glides y w, and v. */
export const latinVocalic = memoized(computeLatinVocalic);

function computeLatinVocalic(token: string): string {
  // A diphthong ai/ay/ei/ey is a vowel and a y: the y of حسين HUSAYN, HUSSEIN, which an Arabic word without it lacks (احسان is not HUSAIN).
  // Doubled consonants are one letter (shadda); a doubled vowel stays two (RABI'I, الربيعي: a yeh, then a final yeh).
  let s = token.replace(/([b-df-hj-np-tv-z])\1+/g, '$1').replace(/([ae])i(?![aeiou])/g, '$1y');
  for (const [re, to] of LATIN_VOCALIC_DIGRAPHS) s = s.replace(re, to);
  let out = '';
  for (const ch of s) {
    if ('aeiouywv'.includes(ch) || (ch >= 'A' && ch <= 'Z')) out += ch;
    else if (ch === 'v') out += 'v';
    else {
      const cls = LATIN_CLASS[ch];
      if (cls !== undefined) out += cls;
      else if (ch >= '0' && ch <= '9') out += ch;
    }
  }
  return out;
}

const LATIN_VOWEL = (c: string): boolean => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
const INF = 99;

function matchCost(a: string, l: string): number {
  const one = DIGRAPH_ONE[l];
  if (one !== undefined) return a.length === 1 && a >= 'a' && a <= 'z' ? (one.includes(a) ? 0 : 1) : INF;
  switch (a) {
    case 'I': return l === 'i' || l === 'e' || l === 'y' ? 0 : LATIN_VOWEL(l) ? 0.5 : INF;
    case 'M': return l === 'a' || l === 'i' || l === 'e' || l === 'y' ? 0 : LATIN_VOWEL(l) ? 0.5 : INF;
    case 'O': return LATIN_VOWEL(l) || l === 'y' || l === 'w' ? 0 : INF;
    case 'L': return l === 'l' ? 0 : INF;
    case 'A': return l === 'a' ? 0 : l === 'e' || l === 'o' ? 0.5 : l === 'i' || l === 'u' ? 1 : INF;
    case 'W': return l === 'o' || l === 'u' || l === 'w' || l === 'v' ? 0 : LATIN_VOWEL(l) || l === 'y' ? 1 : INF;
    case 'Y': return l === 'i' || l === 'e' || l === 'y' ? 0 : LATIN_VOWEL(l) || l === 'w' ? 1 : INF;
    case 'E': return LATIN_VOWEL(l) || l === 'h' ? 0 : INF;
    default:
      if (LATIN_VOWEL(l) || l === 'y' || l === 'w') return INF;
      return a === l || (a === 'f' && l === 'v') ? 0 : 1;
  }
}

// Cost tables by character code (every symbol of either skeleton is ASCII): the DP below is the
// hot path of a Latin query meeting Arabic-script list words (a quarter of a cold batch screening,
// measured with bench/screening-cached.ts), so matchCost is looked up, not recomputed per cell.
const MATCH = new Float64Array(128 * 128);
for (let a = 0; a < 128; a++) for (let l = 0; l < 128; l++) MATCH[a * 128 + l] = matchCost(String.fromCharCode(a), String.fromCharCode(l));
/** Latin symbol -> the Arabic consonant class it reads as when followed by an h read apart (DIGRAPH_TWO), or -1. */
const TWO = new Int32Array(128).fill(-1);
for (const [l, a] of Object.entries(DIGRAPH_TWO)) TWO[l.charCodeAt(0)] = a.charCodeAt(0);
const CODE_E = 69; // 'E'
const CODE_O = 79; // 'O'
const CODE_L = 76; // 'L'
const CODE_H = 104; // 'h'
const isLatinVowelCode = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117;

let DP = new Float64Array(512);
let INS = new Float64Array(64);
/**
 * Cost of reading Arabic vocalised skeleton `a` as Latin vocalised skeleton `l`: a consonant or a
 * long vowel missing, extra or different costs 1 (an alef read as e or o 0.5, a final yeh read as a
 * 0.5), Latin short vowels are free, a final h or the final E marker free.
 * `limit`: callers that only ask whether the cost is at most this get some value above it as soon as
 * two rows of the table in a row exceed it (a cell draws on the two rows above it, by the digraph
 * rule, and costs are never negative, so no later cell can come back under it).
 */
export function crossScriptCost(a: string, l: string, limit = Infinity): number {
  const n = a.length;
  const m = l.length;
  const w = m + 1;
  if (DP.length < (n + 1) * w) DP = new Float64Array((n + 1) * w * 2);
  if (INS.length < m) INS = new Float64Array(m * 2);
  const dp = DP;
  const ins = INS;
  for (let j = 0; j < m; j++) {
    const c = l.charCodeAt(j);
    ins[j] = isLatinVowelCode(c) || (c === CODE_H && j === m - 1) ? 0 : 1;
  }
  dp[0] = 0;
  for (let j = 1; j <= m; j++) dp[j] = dp[j - 1]! + ins[j - 1]!;
  let aboveMin = 0;
  for (let i = 1; i <= n; i++) {
    const ac = a.charCodeAt(i - 1);
    // A final yeh left unread costs as much as any long vowel: احمدی Ahmadi is not HAMID, حسنی Hasani not HASSAN.
    const del = ac === CODE_E || ac === CODE_O || ac === CODE_L ? 0 : 1;
    const row = i * w;
    const up = row - w;
    const prev = i >= 2 && ac === CODE_H ? a.charCodeAt(i - 2) : -2;
    const match = ac * 128;
    let rowMin = dp[row] = dp[up]! + del;
    for (let j = 1; j <= m; j++) {
      let best = dp[up + j]! + del;
      const insert = dp[row + j - 1]! + ins[j - 1]!;
      if (insert < best) best = insert;
      const lc = l.charCodeAt(j - 1);
      const sub = dp[up + j - 1]! + (ac < 128 && lc < 128 ? MATCH[match + lc]! : matchCost(a[i - 1]!, l[j - 1]!));
      if (sub < best) best = sub;
      // A Latin digraph read as two Arabic letters, the second an h (ISHAQ, اسحاق).
      if (prev >= 0 && lc < 128 && TWO[lc] === prev && dp[up - w + j - 1]! < best) best = dp[up - w + j - 1]!;
      dp[row + j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit && aboveMin > limit) return rowMin;
    aboveMin = rowMin;
  }
  return dp[n * w + m]!;
}

/** Consonants of a vocalised skeleton (its lower-case letters and digits). */
export const vocalicConsonants = (v: string): number => {
  let k = 0;
  for (const ch of v) if (ch >= 'a' && ch <= 'z') k++;
  return k;
};
