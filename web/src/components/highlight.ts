// Matching words for highlighting: the server explains a match with normalised tokens
// ('gadhafi'), the page shows the names as listed ('QADHAFI, Muammar'); compare folded forms.
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export interface Piece { text: string; mark: boolean }

/** Split `text` into words and separators, marking words whose folded form is in `tokens`. */
export function markWords(text: string, tokens: Iterable<string>): Piece[] {
  const wanted = new Set([...tokens].map(fold).filter(Boolean));
  const out: Piece[] = [];
  for (const part of text.split(/([\p{L}\p{N}'’-]+)/u)) {
    if (!part) continue;
    out.push({ text: part, mark: wanted.has(fold(part)) });
  }
  return out;
}

/** Mark every case-insensitive occurrence of the query's words (2+ characters) in `text`. */
export function markTerms(text: string, query: string): Piece[] {
  const terms = [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}.-]+/u).filter((t) => t.length >= 2))]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (terms.length === 0) return [{ text, mark: false }];
  // With one capturing group, split() puts the matches at the odd indices.
  return text.split(new RegExp(`(${terms.join('|')})`, 'iu'))
    .map((p, i) => ({ text: p, mark: i % 2 === 1 }))
    .filter((p) => p.text !== '');
}

/**
 * The classifier's snippets arrive with the words it matched wrapped in « » (the search engine's
 * own judgement, stems included); mark those. Without markers, fall back to the query's words.
 */
export function markSnippet(snippet: string, query: string): Piece[] {
  if (!snippet.includes('«')) return markTerms(snippet, query);
  return snippet.split(/«([^»]*)»/u).map((p, i) => ({ text: p, mark: i % 2 === 1 })).filter((p) => p.text !== '');
}
