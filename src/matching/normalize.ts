// Text folding shared by every name: Unicode NFKC, lower case, diacritics and vowel points
// removed, apostrophes joined, other punctuation turned into spaces.

// Combining marks to drop: Latin/Greek/Cyrillic diacritics, Hebrew points, Arabic harakat,
// superscript alef and tatweel. Marks of Indic scripts are kept: they carry vowels there.
const STRIP_MARKS = /[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
// Apostrophe-like characters (and the ayn/hamza half rings) join the letters around them:
// Mu'ammar -> muammar, O'Brien -> obrien.
const APOSTROPHES = /['`\u00b4\u2018\u2019\u02bb\u02bc\u02be\u02bf\u055a\u05f3]/g;

/** NFKC, lower-cased, marks stripped; punctuation kept (the tokenizer needs commas and hyphens). */
export function foldCase(s: string): string {
  return s.normalize('NFKC').normalize('NFD').replace(STRIP_MARKS, '').normalize('NFC').toLowerCase().replace(APOSTROPHES, '');
}

/** Whether a string holds characters that must never reach a name: C0/C1 controls (not tab). */
export const hasControlCharacters = (s: string): boolean => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(s);
