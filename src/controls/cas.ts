// CAS Registry Numbers: shape and check digit. A CAS number is 2–7 digits, 2 digits and one check
// digit; the check digit is the sum of each other digit times its position counted from the right,
// modulo 10. A typo in a CAS number must never silently resolve to nothing.
import { VigilInputError } from '../model/errors.js';

const CAS_SHAPE = /^(\d{2,7})-(\d{2})-(\d)$/;

/** True when the text is meant as a CAS number (digits and hyphens only, two hyphens). */
export function looksLikeCas(text: string): boolean {
  return /^\d[\d\s]*-[\d\s]*-[\d\s]*$/.test(text.trim());
}

export function casCheckDigit(body: string): number {
  let sum = 0;
  const digits = body.replace(/-/g, '');
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i + 1);
  return sum % 10;
}

/** Validate and normalise ('0111-48-8' → '111-48-8'); throws VigilInputError naming `where`. */
export function parseCas(text: string, where = 'cas'): string {
  const compact = text.trim().replace(/\s+/g, '');
  const m = CAS_SHAPE.exec(compact);
  if (!m) {
    throw new VigilInputError(
      `malformed CAS number ${JSON.stringify(truncate(text))}: expected 2–7 digits, 2 digits and a check digit, e.g. 111-48-8`,
      where,
    );
  }
  const first = m[1]!.replace(/^0+(?=\d{2})/, '');
  const expected = casCheckDigit(first + m[2]!);
  if (expected !== Number(m[3])) {
    throw new VigilInputError(
      `invalid CAS number ${compact}: the check digit is ${m[3]} but should be ${expected} — check for a typo`,
      where,
    );
  }
  return `${first}-${m[2]}-${m[3]}`;
}

/** Same as parseCas but returns undefined instead of throwing (for data files we trust less). */
export function tryParseCas(text: string): string | undefined {
  try {
    return parseCas(text);
  } catch {
    return undefined;
  }
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
