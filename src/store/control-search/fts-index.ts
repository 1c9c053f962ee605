// An in-memory SQLite FTS5 index over the control catalogue: headings, item paragraphs, chemical
// names and curated trade names. It lives in memory, built from the shipped data files, so text
// classification behaves the same whether the main store is SQLite or PostgreSQL. This is the only
// place that speaks FTS5 syntax: callers hand over plain words and phrases, never query text.
import Database from 'better-sqlite3';

export interface SearchDoc {
  code: string;
  /** Paragraph reference the document stands for ('6A003.b.4'), if narrower than the entry. */
  ref?: string;
  kind: 'heading' | 'paragraph' | 'chemical' | 'synonym';
  heading?: string;
  body?: string;
  /** Curated trade names and synonyms (weighted highest). */
  terms?: string;
}

export interface SearchHit {
  code: string;
  ref?: string;
  kind: SearchDoc['kind'];
  /** BM25 relevance, larger is better (FTS5's bm25() negated). */
  relevance: number;
  /** Best-matching text with matched terms wrapped in « ». */
  snippet: string;
}

/** A search term: one word, or a phrase of words that must appear together. */
export type SearchTerm = string | string[];

/** Column weights for bm25(): heading, body, terms (then the unindexed columns). */
const WEIGHTS = [3.0, 1.0, 5.0, 0, 0, 0];
export const SNIPPET_OPEN = '«';
export const SNIPPET_CLOSE = '»';

export class ControlSearchIndex {
  private readonly search$: Database.Statement;

  private constructor(private readonly db: Database.Database) {
    this.search$ = db.prepare(
      `SELECT code, ref, kind, -bm25(docs, ${WEIGHTS.join(', ')}) AS relevance,
              snippet(docs, -1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 14) AS snippet
         FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, ${WEIGHTS.join(', ')}) LIMIT ?`,
    );
  }

  static build(docs: SearchDoc[]): ControlSearchIndex {
    const db = new Database(':memory:');
    db.exec(
      `CREATE VIRTUAL TABLE docs USING fts5(heading, body, terms, code UNINDEXED, ref UNINDEXED, kind UNINDEXED,
         tokenize = 'porter unicode61 remove_diacritics 2')`,
    );
    const insert = db.prepare('INSERT INTO docs (heading, body, terms, code, ref, kind) VALUES (?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (const d of docs) insert.run(d.heading ?? '', d.body ?? '', d.terms ?? '', d.code, d.ref ?? null, d.kind);
    })();
    return new ControlSearchIndex(db);
  }

  /** Documents matching any of the terms, best first. Terms are quoted: FTS5 operators in them are inert. */
  search(terms: SearchTerm[], limit: number): SearchHit[] {
    const parts = terms
      .map((t) => (Array.isArray(t) ? t.join(' ') : t))
      .filter((t) => t.trim() !== '')
      .map((t) => `"${t.replace(/"/g, '""')}"`);
    if (parts.length === 0) return [];
    const rows = this.search$.all(parts.join(' OR '), limit) as {
      code: string; ref: string | null; kind: SearchDoc['kind']; relevance: number; snippet: string;
    }[];
    return rows.map((r) => ({ code: r.code, ref: r.ref ?? undefined, kind: r.kind, relevance: r.relevance, snippet: r.snippet }));
  }

  close(): void {
    this.db.close();
  }
}
