// Text folding shared by every name: Unicode NFKC, lower case, diacritics and vowel points
// removed, apostrophes joined, other punctuation turned into spaces.
import { memoized } from './memo.js';

// Combining marks to drop: Latin/Greek/Cyrillic diacritics, Hebrew points, Arabic harakat,
// superscript alef and tatweel. Marks of Indic scripts are kept: they carry vowels there.
const STRIP_MARKS = /[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
// Apostrophe-like characters (and the ayn/hamza half rings) join the letters around them:
// Mu'ammar -> muammar, O'Brien -> obrien.
const APOSTROPHES = /['`\u00b4\u2018\u2019\u02bb\u02bc\u02be\u02bf\u055a\u05f3]/g;

/**
 * Unicode default-ignorable code points (BOM U+FEFF, ZWSP U+200B, ZWNJ/ZWJ, word joiner U+2060,
 * bidi controls, soft hyphen, variation selectors, Mongolian free variation selectors, Hangul
 * fillers, tag characters U+E0000–E0FFF …): invisible, so they must never change what a name says.
 * They are removed before anything else reads the name (a ZWSP between two words glues them:
 * the screener splits glued words against the vocabulary).
 */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const HAS_DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/** The string without default-ignorable code points (NFKC first: it maps some characters onto them, e.g. U+FFA0 to U+1160). */
export const stripIgnorable = (s: string): string => {
  const n = s.normalize('NFKC');
  return HAS_DEFAULT_IGNORABLE.test(n) ? n.replace(DEFAULT_IGNORABLE, '') : n;
};

// The tokenizer folds every word of every name, and words repeat across a register or a list (three
// normalisations each): remembered.
/** NFKC, lower-cased, marks stripped; punctuation kept (the tokenizer needs commas and hyphens). */
export const foldCase = memoized((s: string): string =>
  stripIgnorable(s).normalize('NFD').replace(STRIP_MARKS, '').normalize('NFC').toLowerCase().replace(APOSTROPHES, ''));

/** Whether a string holds characters that must never reach a name: C0/C1 controls (not tab). */
export const hasControlCharacters = (s: string): boolean => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(s);
