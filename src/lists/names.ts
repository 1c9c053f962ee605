// Cleaning the text of list fields. Policy (explicit, tested):
// - names: TAB/CR/LF fold to a space (publishers wrap long names). C0 control characters and DEL,
//   or a name longer than MAX_NAME_CHARS, reject the whole file, naming line and field.
//   C1 characters (U+0080-U+009F) are mis-encoded text that real publisher files do contain (the
//   CSL of 2026-07-31 has 'B\u0081key', the 2019 CSL 'HA\u0092Assif'): each is replaced by its
//   Windows-1252 character where one exists (U+0092 -> ’), else dropped, with a warning naming line
//   and field.
// - other free text (remarks, addresses): control characters become spaces.
import { VigilInputError } from '../model/errors.js';
import { cp1252ForC1 } from './cp1252.js';
import { MAX_NAME_CHARS } from './settings.js';

const C0_OR_DEL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const C1 = /[\u0080-\u009F]/g;
const HAS_C1 = /[\u0080-\u009F]/;
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Where a value came from, for messages: `file:line (field X)`. */
export function at(file: string, line: number | undefined, field: string): string {
  return `${file}${line ? `:${line}` : ''} (field ${field})`;
}

export function cleanName(warnings: string[], raw: string | undefined, where: string): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.length > MAX_NAME_CHARS) {
    throw new VigilInputError(`name is ${raw.length} characters long; the limit is ${MAX_NAME_CHARS}`, where);
  }
  const m = C0_OR_DEL.exec(raw);
  if (m) {
    const cp = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new VigilInputError(`name contains control character U+${cp} at position ${m.index + 1}`, where);
  }
  let text = raw;
  if (HAS_C1.test(raw)) {
    text = raw.replace(C1, (ch) => cp1252ForC1(ch.charCodeAt(0)));
    warnings.push(`${where}: C1 control character(s) in name ${visible(raw)} read as Windows-1252: ${JSON.stringify(text)}`);
  }
  const s = text.replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
}

export function cleanText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const s = raw.replace(CONTROL_ALL, ' ').replace(/[ \t]+/g, ' ').trim();
  return s === '' ? undefined : s;
}

/** Split a `; `-separated cell into clean, non-empty parts. */
export function splitList(raw: string | undefined, sep: string | RegExp = ';'): string[] {
  if (!raw) return [];
  return raw.split(sep).map((s) => cleanText(s)).filter((s): s is string => s !== undefined);
}

export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** A string with its control characters written as \uXXXX, for messages. */
function visible(s: string): string {
  return JSON.stringify(s).replace(/[\u0080-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
