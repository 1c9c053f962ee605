// An Arabic-script entity name read with its organisation words in English (شبکه حقانی: network
// HAQQANI), as lists write such names: the words are translated, the names in them transliterated.
// The words and their provenance: data/matching/organisation-words.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../app/paths.js';
import { prepareName, prepareToken, type PreparedToken } from './prepared.js';
import { latinToken } from './tokenize.js';

interface OrganisationWordsFile { words: Record<string, string[]> }

let table: Map<string, string[]> | undefined;
/** Romanised token text (as the tokenizer writes the Arabic-script word) -> English words. */
function translations(): Map<string, string[]> {
  if (table) return table;
  const file = JSON.parse(readFileSync(join(dataDir(), 'matching', 'organisation-words.json'), 'utf8')) as OrganisationWordsFile;
  table = new Map();
  for (const [word, english] of Object.entries(file.words)) {
    const tokens = prepareName(word);
    // A key the tokenizer does not read as one Arabic-script word could never be met: a data error.
    if (tokens.length !== 1 || tokens[0]!.vocalic === undefined) throw new Error(`data/matching/organisation-words.json: "${word}" is not one Arabic-script word`);
    table.set(tokens[0]!.text, english);
  }
  return table;
}

/**
 * The query with every Arabic-script organisation word in English (an article before it dropped: the
 * list's English has none), or undefined when it has none. A name of such words only (الجماعة
 * الاسلامية المسلحة, ARMED ISLAMIC GROUP) is read too: generic words in it weigh little (weights.ts),
 * so they do not make a hit alone. A single word is not read (شبکه alone is no name: network alone
 * would meet every listed network).
 */
export function translatedReading(tokens: readonly PreparedToken[]): PreparedToken[] | undefined {
  if (!tokens.some((t) => t.vocalic !== undefined) || tokens.filter((t) => t.kind !== 'particle').length < 2) return undefined;
  const t8 = translations();
  const out: PreparedToken[] = [];
  let changed = 0;
  tokens.forEach((t, i) => {
    const english = t.vocalic !== undefined ? t8.get(t.text) : undefined;
    if (!english) {
      if (t.kind === 'particle' && t.text === 'al' && tokens[i + 1]?.vocalic !== undefined && t8.has(tokens[i + 1]!.text)) return;
      out.push(t);
      return;
    }
    changed++;
    for (const w of english) out.push(prepareToken(latinToken(w, false)));
  });
  return changed > 0 ? out : undefined;
}
