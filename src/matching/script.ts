// Which writing system a word is in, decided by its first letter (names rarely mix scripts inside
// one word).
export type Script = 'latin' | 'arabic' | 'hebrew' | 'cyrillic' | 'greek' | 'han' | 'hangul' | 'kana' | 'other';

export function scriptOf(word: string): Script {
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'latin';
      continue;
    }
    if (c <= 0x24f || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
    if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) return 'greek';
    if (c >= 0x400 && c <= 0x52f) return 'cyrillic';
    if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
    if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return 'arabic';
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return 'kana';
    if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return 'hangul';
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x2ffff) || (c >= 0xf900 && c <= 0xfaff)) return 'han';
    if (/\p{L}/u.test(ch)) return 'other';
  }
  return 'other';
}
