// Control-list codes: '1C350', '6A003.b.4', prefixes such as '6A0' or '1C35'. Shared by the EU
// dual-use list and the US CCL: category digit, product group A–E, three digits, then paragraphs.
import { VigilInputError } from '../model/errors.js';

export interface ParsedCode {
  /** The entry code, '6A003'. */
  code: string;
  /** The full paragraph reference, '6A003.b.4', when one was given. */
  paragraph?: string;
  /** Paragraph path below the entry, ['b', '4']. */
  path: string[];
}

const ENTRY = /^(\d)([A-E])(\d{3})$/;
const PARAGRAPH_PART = /^(?:[a-z]{1,2}|\d{1,3})$/;
const PREFIX = /^\d(?:[A-E]\d{0,2})?$/;

/** Something the user meant as a code: starts like one and has no spaces. */
export function looksLikeCode(text: string): boolean {
  return /^\d[a-z]\d/i.test(text) && !/\s/.test(text.trim()) && !/^\d+-/.test(text);
}

/** A code prefix ('6', '6A', '6A0', '1C35') to list entries by. */
export function asCodePrefix(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  return PREFIX.test(t) ? t : undefined;
}

/** Parse '6a003.b.4' → { code: '6A003', paragraph: '6A003.b.4', path: ['b','4'] }; throws when malformed. */
export function parseCode(text: string, where = 'code'): ParsedCode {
  const raw = text.trim().replace(/\.$/, '');
  const [head = '', ...rest] = raw.split('.');
  const m = ENTRY.exec(head.toUpperCase());
  const path = rest.map((p) => p.toLowerCase());
  if (!m || path.some((p) => !PARAGRAPH_PART.test(p))) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new VigilInputError(
      `malformed control code ${JSON.stringify(shown)}: expected a category digit, a letter A–E and three digits, ` +
        `then optional paragraphs, e.g. 1C350 or 6A003.b.4`,
      where,
    );
  }
  const code = head.toUpperCase();
  return { code, path, paragraph: path.length ? `${code}.${path.join('.')}` : undefined };
}

/** '6A003.b.4' covers '6A003.b.4.a' and is covered by '6A003.b' (either way = overlap). */
export function paragraphsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
