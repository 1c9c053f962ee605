// Windows-1252 for bytes 0x80-0x9F (the only range where it differs from ISO-8859-1). Written out
// because Node 20's TextDecoder('windows-1252') decodes these bytes as C1 controls in some paths.
const HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/** The Windows-1252 character for a C1 code point (U+0080-U+009F), or '' where 1252 has none. */
export function cp1252ForC1(codePoint: number): string {
  return HIGH[codePoint] ?? '';
}

/** Decode Windows-1252 bytes. */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += b >= 0x80 && b <= 0x9f ? (HIGH[b] ?? '\ufffd') : String.fromCharCode(b);
  }
  return out;
}
