// Free-text classification: the catalogue's headings, paragraphs, chemical names and curated trade
// names in an FTS5 index (src/store/control-search/), searched with BM25, hits folded per entry.
import { ControlSearchIndex, type SearchDoc, type SearchHit, type SearchTerm } from '../store/control-search/fts-index.js';
import type { CatalogEntry } from './ccl.js';
import type { ChemicalListing, ChemicalRegistry } from './chemicals.js';
import type { SynonymTable } from './synonyms.js';
import { searchWords, words } from './text-query.js';

export interface TextMatch {
  code: string;
  paragraph?: string;
  /** 0..1, monotonic in BM25 relevance; comparable between queries only roughly. */
  score: number;
  snippet: string;
  chemical?: ChemicalListing;
}

/** How many index hits are folded into entries. */
const HIT_POOL = 80;
/** relevance → score: r / (r + HALF) gives 0.5 at a middling BM25 relevance. */
const HALF = 8;
/** Weight of an entry's further hits relative to its best one. */
const SUPPORT = 0.15;

export class TextSearch {
  private constructor(
    private readonly index: ControlSearchIndex,
    private readonly synonyms: SynonymTable,
    private readonly chemicalsByDoc: Map<string, ChemicalListing>,
  ) {}

  static build(entries: Map<string, CatalogEntry>, chemicals: ChemicalRegistry, synonyms: SynonymTable): TextSearch {
    const docs: SearchDoc[] = [];
    const chemicalsByDoc = new Map<string, ChemicalListing>();
    for (const e of entries.values()) {
      docs.push({ code: e.code, kind: 'heading', heading: e.title });
      for (const [ref, text] of e.paragraphText) docs.push({ code: e.code, ref, kind: 'paragraph', body: text });
    }
    for (const listing of chemicals.listings) {
      const found = chemicals.lookup(listing.cas)!;
      // A scheduled chemical that an ECCN lists is found through that ECCN; the CWC-S entries
      // stand only for chemicals no ECCN lists.
      if (!listing.code && found.entries.length > 0) continue;
      const l = found.entries.find((e) => e.paragraph === listing.paragraph) ?? listing;
      const code = l.code ?? (l.cwcSchedule ? `CWC-S${l.cwcSchedule}` : undefined);
      if (!code || !entries.has(code)) continue;
      const ref = l.paragraph ?? `${code}#${l.cas}`;
      chemicalsByDoc.set(ref, l);
      docs.push({ code, ref, kind: 'chemical', body: `${l.name} (CAS ${l.cas})`, terms: chemicalAliases(l.name) });
    }
    for (const s of synonyms.records) {
      const code = s.ref.split('.')[0]!;
      if (!entries.has(code)) throw new Error(`vigil: data/controls/synonyms.json names unknown entry ${s.ref}`);
      docs.push({ code, ref: s.ref === code ? undefined : s.ref, kind: 'synonym', body: s.summary, terms: s.terms.join('; ') });
    }
    return new TextSearch(ControlSearchIndex.build(docs), synonyms, chemicalsByDoc);
  }

  search(text: string, limit: number): TextMatch[] {
    const single = searchWords(text);
    if (single.length === 0) return [];
    const phrases: SearchTerm[] = this.synonyms.phrasesIn(words(text));
    const hits = this.index.search([...phrases, ...single], HIT_POOL);
    return fold(hits, this.chemicalsByDoc).slice(0, limit);
  }

  close(): void {
    this.index.close();
  }
}

function fold(hits: SearchHit[], chemicals: Map<string, ChemicalListing>): TextMatch[] {
  const byCode = new Map<string, { best: SearchHit; support: number }>();
  for (const h of hits) {
    const slot = byCode.get(h.code);
    if (!slot) byCode.set(h.code, { best: h, support: 0 });
    else slot.support += h.relevance;
  }
  const out: TextMatch[] = [];
  for (const [code, { best, support }] of byCode) {
    const relevance = best.relevance + SUPPORT * Math.min(support, best.relevance);
    const ref = best.ref && !best.ref.includes('#') ? best.ref : undefined;
    out.push({
      code,
      paragraph: ref,
      score: relevance / (relevance + HALF),
      snippet: best.kind === 'synonym' ? `trade names: ${best.snippet}` : best.snippet,
      chemical: best.kind === 'chemical' && best.ref ? chemicals.get(best.ref) : undefined,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

/** 'Thiodiglycol: Bis(2-hydroxyethyl)sulfide' → 'Thiodiglycol' as an alias worth extra weight. */
function chemicalAliases(name: string): string {
  const head = name.split(':')[0]!;
  return head !== name ? head : '';
}
