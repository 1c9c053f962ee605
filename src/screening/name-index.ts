// The in-memory candidate index over every list name. A vocabulary of distinct tokens with their
// document frequencies; per name its token ids and weights; posting lists (token -> names); and
// one key table that finds, for a query token, every vocabulary token it could meet: exact form,
// bare form (article dropped), equivalence group, double-metaphone code, consonant skeleton and its
// one-deletion neighbours (cross-script), and one-deletion neighbours of the Latin form (typos).
// A query then scores only the names holding one of those tokens, never all names. Everything is
// typed arrays and plain strings, so it serialises (index-codec.ts) and loads without rebuilding.
import { prepareToken, type PreparedToken } from '../matching/prepared.js';
import { tokenizeName, type TokenKind } from '../matching/tokenize.js';
import { withoutTrailingAcronym } from '../matching/acronym.js';
import { tokenSimilarity, type TokenSimilarity } from '../matching/token-similarity.js';
import { tokenWeight } from '../matching/compare.js';
import { rarity, type TokenStats } from '../matching/weights.js';
import { KeyTable, KeyTableBuilder } from './key-table.js';

export interface NameSource { entry: number; text: string; person: boolean }

/** Everything the index is made of; what the cache stores. */
export interface NameIndexData {
  vocab: PreparedToken[];
  df: Int32Array;
  /** Per name: entry position, text, and its tokens as a slice of tokenIds/weights. */
  nameEntry: Int32Array;
  nameText: string[] | { at(i: number): string };
  nameStart: Int32Array; // length names + 1
  tokenIds: Int32Array;
  weights: Float32Array;
  /** Per token position: 1 when the token is a surname in that name. */
  surnames: Uint8Array;
  /** Vocabulary id -> names holding it: a slice of postingNames. */
  postingStart: Int32Array; // length vocab + 1
  postingNames: Int32Array;
  keys: KeyTable;
}

/** One-character deletions of s (and s itself). */
export function deletions(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** Deletions of up to two characters (query side: meets index-side single deletions). */
export function deletions2(s: string): Set<string> {
  const out = new Set<string>();
  for (const d of deletions(s)) {
    out.add(d);
    if (s.length >= 5 && d.length < s.length) for (const dd of deletions(d)) out.add(dd);
  }
  return out;
}

const DISTINCTIVE: ReadonlySet<TokenKind> = new Set(['name', 'number']);
/** Tokens sharing this many first letters are compared (two substitutions further on keep a high Jaro-Winkler). */
const PREFIX = 4;
/**
 * Only longer query tokens look up by prefix: a short token two substitutions away from another
 * stays below the fuzzy floor, and short prefixes are shared by too many tokens.
 */
const PREFIX_QUERY_MIN = 6;

function vocabKeys(p: PreparedToken): string[] {
  const keys = [`x:${p.key}`];
  if (p.bare) keys.push(`b:${p.bare}`);
  for (const g of p.groups) keys.push(`g:${g}`);
  for (const c of p.phonetic) keys.push(`p:${c}`);
  // Skeleton keys, apart for unvocalised tokens ('s:') and Latin ones ('S:'): a Latin query needs
  // only the former (Latin pairs are compared by spelling), an Arabic-script query both.
  if (p.skeleton.length >= 1) for (const d of deletions(p.skeleton)) if (d) keys.push(`${p.unvocalised ? 's' : 'S'}:${d}`);
  if (!p.unvocalised && DISTINCTIVE.has(p.kind)) {
    // Both the written form and the one without a glued article: ALIZAI is a name, not al + IZAI.
    const forms = p.bare ? [p.text, p.bare] : [p.text];
    for (const text of forms) {
      for (const d of deletions(text)) keys.push(`d:${d}`);
      if (text.length >= PREFIX) keys.push(`f:${text.slice(0, PREFIX)}`);
    }
  }
  if (p.kind === 'initial') keys.push(`i:${p.text}`);
  return keys;
}

export class NameIndex {
  readonly stats: TokenStats;

  /** Per vocabulary token: how rare it is among the names (1 = rare; see weights.ts). */
  readonly rarity: Float32Array;

  private readonly stamps: Uint32Array;
  private stampNow = 0;

  /**
   * Per vocabulary token: its document frequency in the statistics the scores use (those of `basis`
   * when there is one, else data.df).
   */
  readonly statDf: Int32Array;

  /**
   * `basis`: an index over a superset of these names (the full index of the active lists) whose
   * statistics — name count, document frequencies, vocabulary for other readings — this one scores
   * with, so a name screened against a few entries scores as against all of them (delta re-screening).
   */
  constructor(readonly data: NameIndexData, private readonly basis?: NameIndex) {
    this.stamps = new Uint32Array(data.vocab.length);
    this.statDf = basis ? Int32Array.from(data.vocab, (t) => basis.df(t.key)) : data.df;
    const names = basis ? basis.stats.names : data.nameEntry.length;
    this.stats = basis ? basis.stats : { names, df: (key) => this.df(key) };
    this.rarity = Float32Array.from(data.vocab, (t, id) => (t.kind === 'name' || t.kind === 'number' ? rarity(this.statDf[id]!, names) : 1));
  }

  /** Whether a word is in the vocabulary the statistics come from (other readings look it up). */
  knows(text: string): boolean {
    return (this.basis ?? this).vocabId(text) !== undefined;
  }

  get size(): number { return this.data.nameEntry.length; }
  get vocab(): PreparedToken[] { return this.data.vocab; }

  vocabId(key: string): number | undefined {
    let found: number | undefined;
    this.data.keys.forEach(`x:${key}`, (id) => { if (this.data.vocab[id]!.key === key) found = id; });
    return found;
  }

  df(key: string): number {
    const id = this.vocabId(key);
    return id === undefined ? 0 : this.data.df[id]!;
  }

  /** `basis`: see the constructor. */
  static build(sources: NameSource[], basis?: NameIndex): NameIndex {
    const vocab: PreparedToken[] = [];
    const ids = new Map<string, number>();
    const named: { src: NameSource; ids: number[]; surname: boolean[] }[] = [];
    const dfs: number[] = [];
    // A name is indexed also without a trailing acronym (acronym.ts), as the same entry and text; its
    // words are counted once for the statistics.
    const forms = sources.flatMap((src) => {
      const bare = withoutTrailingAcronym(src.text);
      return bare === undefined ? [{ src, text: src.text, counted: true }] : [{ src, text: src.text, counted: true }, { src, text: bare, counted: false }];
    });
    for (const { src, text, counted } of forms) {
      const raw = tokenizeName(text);
      if (raw.length === 0) continue;
      const tids: number[] = [];
      const surname: boolean[] = [];
      for (const t of raw) {
        const key = t.unvocalised ? `~${t.text}` : t.text;
        let id = ids.get(key);
        if (id === undefined) {
          id = vocab.length;
          // A word's vocabulary token is prepared from its first occurrence (its kind can differ by
          // name: a short legal form alone with one name part is a name part): with a basis, take
          // the basis's token, so weights are those of the full index.
          const same = basis?.vocabId(key);
          vocab.push(same !== undefined ? basis!.vocab[same]! : prepareToken({ ...t, surname: false }));
          ids.set(key, id);
          dfs.push(0);
        }
        tids.push(id);
        surname.push(t.surname);
      }
      // A person's name with no surname mark (all capitals, no comma): the last name part is the surname.
      if (src.person && !surname.some(Boolean)) {
        for (let k = raw.length - 1; k >= 0; k--) if (raw[k]!.kind === 'name') { surname[k] = true; break; }
      }
      named.push({ src, ids: tids, surname });
      if (counted) for (const id of new Set(tids)) dfs[id]!++;
    }
    const df = Int32Array.from(dfs);
    const stats: TokenStats = basis?.stats ?? { names: named.length, df: (key) => { const id = ids.get(key); return id === undefined ? 0 : df[id]!; } };

    const nameEntry = new Int32Array(named.length);
    const nameStart = new Int32Array(named.length + 1);
    const total = named.reduce((n, x) => n + x.ids.length, 0);
    const tokenIds = new Int32Array(total);
    const weights = new Float32Array(total);
    const surnames = new Uint8Array(total);
    const nameText: string[] = [];
    const postings: number[][] = vocab.map(() => []);
    let k = 0;
    named.forEach(({ src, ids: tids, surname }, n) => {
      nameEntry[n] = src.entry;
      nameText.push(src.text);
      nameStart[n] = k;
      tids.forEach((id, j) => {
        tokenIds[k] = id;
        surnames[k] = src.person && surname[j] ? 1 : 0;
        weights[k] = tokenWeight({ ...vocab[id]!, surname: surname[j]! }, stats, src.person);
        k++;
        const p = postings[id]!;
        if (p[p.length - 1] !== n) p.push(n);
      });
    });
    nameStart[named.length] = k;
    const postingStart = new Int32Array(vocab.length + 1);
    const postingNames = new Int32Array(postings.reduce((n, p) => n + p.length, 0));
    let o = 0;
    postings.forEach((p, id) => { postingStart[id] = o; postingNames.set(p, o); o += p.length; });
    postingStart[vocab.length] = o;

    const keys = new KeyTableBuilder();
    vocab.forEach((p, id) => { for (const key of vocabKeys(p)) keys.add(key, id); });
    return new NameIndex({ vocab, df, nameEntry, nameText, nameStart, tokenIds, weights, surnames, postingStart, postingNames, keys: keys.build() }, basis);
  }

  /**
   * Every vocabulary token that query token `q` meets with a similarity above zero, found through
   * the key table and verified by the similarity function itself.
   */
  similarTokens(q: PreparedToken): Map<number, TokenSimilarity> {
    const { keys, vocab } = this.data;
    // Vocabulary ids already compared for this query token: a stamp per id instead of a Set (a
    // cold query token meets hundreds to thousands of ids through overlapping keys; measured
    // with bench/screening-cached.ts). Lookups are synchronous, so one array serves every call.
    if (++this.stampNow === 0xffffffff) { this.stamps.fill(0); this.stampNow = 1; }
    const stamps = this.stamps;
    const now = this.stampNow;
    const out = new Map<number, TokenSimilarity>();
    const consider = (id: number): void => {
      if (stamps[id] === now) return;
      stamps[id] = now;
      const s = tokenSimilarity(q, vocab[id]!);
      if (s.sim > 0) out.set(id, s);
    };
    // String-distance keys: Jaro-Winkler with its length penalty stays below the fuzzy floor when
    // one form is shorter than 60% of the other (at best 0.81 there), so those are not compared.
    const qa = q.text.length;
    const qb = q.bare?.length ?? qa;
    const near = (a: number, b: number): boolean => Math.min(a, b) * 5 >= Math.max(a, b) * 3;
    const closeInLength = (id: number): void => {
      const v = vocab[id]!;
      const va = v.text.length;
      const vb = v.bare?.length ?? va;
      if (near(qa, va) || near(qa, vb) || near(qb, va) || near(qb, vb)) consider(id);
    };
    keys.forEach(`x:${q.key}`, consider);
    if (q.bare) keys.forEach(`x:${q.bare}`, consider);
    keys.forEach(`b:${q.bare ?? q.text}`, consider);
    for (const g of q.groups) keys.forEach(`g:${g}`, consider);
    if (q.kind === 'initial') return out; // an initial is compared with each candidate's tokens at scoring time
    for (const c of q.phonetic) keys.forEach(`p:${c}`, consider);
    const skeletons = [q.skeleton];
    if (q.bare && q.skeleton.startsWith('l')) skeletons.push(q.skeleton.slice(1));
    for (const sk of skeletons) {
      if (sk.length === 0) continue;
      for (const d of deletions(sk)) {
        if (!d) continue;
        keys.forEach(`s:${d}`, consider);
        if (q.unvocalised) keys.forEach(`S:${d}`, consider);
      }
    }
    if (!q.unvocalised) {
      for (const text of q.bare ? [q.text, q.bare] : [q.text]) {
        for (const d of deletions2(text)) keys.forEach(`d:${d}`, closeInLength);
        if (text.length >= PREFIX_QUERY_MIN) {
          keys.forEach(`f:${text.slice(0, PREFIX)}`, (id) => {
            const v = vocab[id]!;
            if (Math.abs(v.text.length - text.length) <= 2 || (v.bare !== undefined && Math.abs(v.bare.length - text.length) <= 2)) consider(id);
          });
        }
      }
      // A list name may carry only the initial of this token (Q.C. Chen).
      keys.forEach(`i:${q.text[0]}`, consider);
    }
    return out;
  }

  /** The brute-force reference for similarTokens: every vocabulary token compared. */
  scanTokens(q: PreparedToken): Map<number, TokenSimilarity> {
    const out = new Map<number, TokenSimilarity>();
    const vocab = this.data.vocab;
    for (let id = 0; id < vocab.length; id++) {
      const s = tokenSimilarity(q, vocab[id]!);
      if (s.sim > 0) out.set(id, s);
    }
    return out;
  }

  postingCount(id: number): number { return this.data.postingStart[id + 1]! - this.data.postingStart[id]!; }

  /** Names holding vocabulary token `id`. */
  postingsOf(id: number): Int32Array {
    return this.data.postingNames.subarray(this.data.postingStart[id]!, this.data.postingStart[id + 1]!);
  }

  tokensOf(n: number): PreparedToken[] {
    const { nameStart, tokenIds, vocab } = this.data;
    const out: PreparedToken[] = [];
    for (let k = nameStart[n]!; k < nameStart[n + 1]!; k++) out.push(vocab[tokenIds[k]!]!);
    return out;
  }

  /** Fills `out` with the tokens of name `n` (no allocation on the hot path) and returns it. */
  tokensInto(n: number, out: PreparedToken[]): PreparedToken[] {
    const { nameStart, tokenIds, vocab } = this.data;
    const start = nameStart[n]!;
    const end = nameStart[n + 1]!;
    out.length = end - start;
    for (let k = start; k < end; k++) out[k - start] = vocab[tokenIds[k]!]!;
    return out;
  }

  /** Sorted names holding any of the given vocabulary tokens. */
  namesHolding(ids: Iterable<number>): Int32Array {
    const all: number[] = [];
    for (const id of ids) for (const n of this.postingsOf(id)) all.push(n);
    const sorted = Int32Array.from(all).sort();
    let k = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i]!;
    return sorted.slice(0, k);
  }

  tokenIdsOf(n: number): Int32Array { return this.data.tokenIds.subarray(this.data.nameStart[n]!, this.data.nameStart[n + 1]!); }
  surnamesOf(n: number): Uint8Array { return this.data.surnames.subarray(this.data.nameStart[n]!, this.data.nameStart[n + 1]!); }
  weightsOf(n: number): Float32Array { return this.data.weights.subarray(this.data.nameStart[n]!, this.data.nameStart[n + 1]!); }
  entryOf(n: number): number { return this.data.nameEntry[n]!; }
  textOf(n: number): string {
    const t = this.data.nameText;
    return Array.isArray(t) ? t[n]! : t.at(n);
  }
}
