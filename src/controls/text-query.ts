// Turning user text into search words. Only letters and digits survive, so quotes, stars, NEAR,
// minus signs and parentheses in what a user types can never become FTS5 syntax.
import { VigilInputError } from '../model/errors.js';

/** Longest query `classify` accepts: a trade description, not a document. */
export const MAX_QUERY_CHARS = 1000;
/** Words searched at most (the first ones; descriptions put the noun early). */
export const MAX_SEARCH_WORDS = 24;

const STOPWORDS = new Set([
  'a', 'an', 'and', 'or', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'without', 'by', 'from', 'as', 'at',
  'is', 'are', 'be', 'its', 'it', 'this', 'that', 'used', 'use', 'using', 'type', 'new', 'pcs', 'qty', 'each',
  'per', 'x', 'e', 'g', 'eg', 'ie', 'etc', 'not', 'no',
]);

/** Lower-case words of letters and digits. */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, 64));
}

/** The words worth searching: no stopwords, no lone letters or bare numbers, no repeats. */
export function searchWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2 || /^\d+$/.test(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length >= MAX_SEARCH_WORDS) break;
  }
  return out;
}

/** Reject what cannot be a query: empty, too long, or nothing searchable. */
export function checkQuery(query: unknown, where = 'query'): string {
  if (typeof query !== 'string') throw new VigilInputError('the query must be text', where);
  const q = query.trim();
  if (q === '') throw new VigilInputError('the query is empty: give a control code (6A003.b.4), a CAS number (111-48-8) or a description', where);
  if (q.length > MAX_QUERY_CHARS) {
    throw new VigilInputError(`the query is ${q.length} characters long; at most ${MAX_QUERY_CHARS} are accepted`, where);
  }
  return q;
}
