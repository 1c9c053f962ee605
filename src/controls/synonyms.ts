// The curated table of trade names (data/controls/synonyms.json): each synonym points to an entry
// or paragraph. Used twice: as documents in the text index, and to spot multi-word trade names in
// a query so that they are searched as phrases.
import type { ControlSources } from './sources.js';
import { words } from './text-query.js';

export interface SynonymRecord {
  /** Entry code or paragraph reference: '6A003.b.4', '1C350', 'CWC-S1'. */
  ref: string;
  terms: string[];
  /** Our own one-line description of the paragraph. */
  summary?: string;
}

export class SynonymTable {
  /** Multi-word synonyms as normalised word sequences ('thermal camera'). */
  readonly phrases: Set<string>;
  private readonly longest: number;

  private constructor(readonly records: SynonymRecord[]) {
    this.phrases = new Set();
    let longest = 1;
    for (const r of records) {
      for (const t of r.terms) {
        const w = words(t).map(singular);
        if (w.length > 1) {
          this.phrases.add(w.join(' '));
          longest = Math.max(longest, w.length);
        }
      }
    }
    this.longest = longest;
  }

  static load(src: ControlSources): SynonymTable {
    return new SynonymTable(src.json<{ synonyms: SynonymRecord[] }>('synonyms.json').synonyms);
  }

  /** Trade-name phrases that occur in the query's words, longest first. */
  phrasesIn(queryWords: string[]): string[][] {
    const w = queryWords.map(singular);
    const found: string[][] = [];
    for (let n = Math.min(this.longest, w.length); n >= 2; n--) {
      for (let i = 0; i + n <= w.length; i++) {
        if (this.phrases.has(w.slice(i, i + n).join(' '))) found.push(queryWords.slice(i, i + n));
      }
    }
    return found;
  }
}

/** Crude plural folding, for phrase spotting only (the index itself stems with Porter). */
function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}
