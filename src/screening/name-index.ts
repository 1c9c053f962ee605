// The in-memory candidate index over every list name: a vocabulary of distinct tokens with their
// document frequencies, posting lists (token -> names), and lookup keys that find, for one query
// token, every vocabulary token it could meet (exact, bare form, equivalence group, metaphone code,
// consonant skeleton and its one-deletion neighbours, character trigrams). A query then scores
// only the names holding one of those tokens, never all names.
import { prepareToken, type PreparedToken } from '../matching/prepared.js';
import { tokenizeName } from '../matching/tokenize.js';
import { tokenSimilarity, type TokenSimilarity } from '../matching/token-similarity.js';
import { tokenWeight } from '../matching/compare.js';
import type { TokenStats } from '../matching/weights.js';

export interface IndexedName {
  /** Position of the entry in the index's entry array. */
  entry: number;
  /** The name as listed. */
  text: string;
  tokens: Int32Array;
  weights: Float32Array;
  /** Per token: written as a surname in this name. */
  surnames: boolean[];
}

export interface NameSource { entry: number; text: string; person: boolean }

const push = <K>(m: Map<K, number[]>, k: K, v: number): void => {
  const a = m.get(k);
  if (a) { if (a[a.length - 1] !== v) a.push(v); } else m.set(k, [v]);
};

export function trigrams(text: string): string[] {
  const s = `^${text}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  return out;
}

/** The string with one character removed at each position (and itself). */
export function deletions(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

const DISTINCTIVE = new Set(['name', 'number']);

export class NameIndex {
  readonly vocab: PreparedToken[] = [];
  private readonly ids = new Map<string, number>();
  private dfs: number[] = [];
  readonly nameList: IndexedName[] = [];
  /** Document frequencies over this index's names: the rarity weights of tokens. */
  readonly stats: TokenStats = { names: 0, df: (key) => this.df(key) };
  private postings: Int32Array[] = [];
  private readonly byBare = new Map<string, number[]>();
  private readonly byGroup = new Map<number, number[]>();
  private readonly byPhonetic = new Map<string, number[]>();
  private readonly bySkeletonDeletion = new Map<string, number[]>();
  private readonly byTrigram = new Map<string, number[]>();

  df(key: string): number {
    const id = this.ids.get(key);
    return id === undefined ? 0 : this.dfs[id]!;
  }

  static build(sources: NameSource[]): NameIndex {
    const ix = new NameIndex();
    const nameTokens: { src: NameSource; tokens: PreparedToken[]; ids: number[] }[] = [];
    const tokenCache = new Map<string, PreparedToken>();
    for (const src of sources) {
      const raw = tokenizeName(src.text);
      if (raw.length === 0) continue;
      const ids: number[] = [];
      const tokens: PreparedToken[] = [];
      for (const t of raw) {
        // Surname is a property of the token in this name, not of the vocabulary entry.
        const cacheKey = `${t.unvocalised ? '~' : ''}${t.text}`;
        let p = tokenCache.get(cacheKey);
        if (!p) { p = prepareToken({ ...t, surname: false }); tokenCache.set(cacheKey, p); }
        ids.push(ix.intern(p));
        tokens.push(t.surname ? { ...p, surname: true } : p);
      }
      nameTokens.push({ src, tokens, ids });
      for (const id of new Set(ids)) ix.dfs[id] = (ix.dfs[id] ?? 0) + 1;
    }
    (ix.stats as { names: number }).names = nameTokens.length;
    const postings: number[][] = ix.vocab.map(() => []);
    for (const { src, tokens, ids } of nameTokens) {
      const nameId = ix.nameList.length;
      const weights = new Float32Array(tokens.map((t) => tokenWeight(t, ix.stats, src.person)));
      ix.nameList.push({ entry: src.entry, text: src.text, tokens: Int32Array.from(ids), weights, surnames: tokens.map((t) => t.surname) });
      for (const id of new Set(ids)) postings[id]!.push(nameId);
    }
    ix.postings = postings.map((p) => Int32Array.from(p));
    return ix;
  }

  get size(): number { return this.nameList.length; }

  private intern(p: PreparedToken): number {
    let id = this.ids.get(p.key);
    if (id !== undefined) return id;
    id = this.vocab.length;
    this.vocab.push(p);
    this.ids.set(p.key, id);
    this.dfs.push(0);
    if (p.bare) push(this.byBare, p.bare, id);
    for (const g of p.groups) push(this.byGroup, g, id);
    for (const code of p.phonetic) push(this.byPhonetic, code, id);
    if (p.skeleton.length >= 2) for (const d of new Set(deletions(p.skeleton))) push(this.bySkeletonDeletion, d, id);
    if (!p.unvocalised) for (const g of new Set(trigrams(p.bare ?? p.text))) push(this.byTrigram, g, id);
    return id;
  }

  /** Tokens of name `n` as prepared tokens (with this name's surname flags). */
  tokensOf(n: number): PreparedToken[] {
    const name = this.nameList[n]!;
    return Array.from(name.tokens, (id, k) => (name.surnames[k] ? { ...this.vocab[id]!, surname: true } : this.vocab[id]!));
  }

  /**
   * Every vocabulary token that query token `q` meets with a similarity above zero, found through
   * the lookup keys (then verified by the similarity function itself).
   */
  similarTokens(q: PreparedToken): Map<number, TokenSimilarity> {
    const seen = new Set<number>();
    const out = new Map<number, TokenSimilarity>();
    const consider = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const s = tokenSimilarity(q, this.vocab[id]!);
      if (s.sim > 0) out.set(id, s);
    };
    const exact = this.ids.get(q.key);
    if (exact !== undefined) consider(exact);
    if (q.bare) { const b = this.ids.get(q.bare); if (b !== undefined) consider(b); }
    for (const id of this.byBare.get(q.bare ?? q.text) ?? []) consider(id);
    for (const g of q.groups) for (const id of this.byGroup.get(g) ?? []) consider(id);
    if (q.kind === 'initial') return out; // initials are matched at scoring time only
    for (const code of q.phonetic) for (const id of this.byPhonetic.get(code) ?? []) consider(id);
    // Skeletons: a Latin query may meet an original-script list token and vice versa.
    const skels = [q.skeleton];
    if (q.bare && q.skeleton.startsWith('l')) skels.push(q.skeleton.slice(1));
    for (const sk of skels) {
      if (sk.length < 2) continue;
      for (const d of new Set(deletions(sk))) {
        for (const id of this.bySkeletonDeletion.get(d) ?? []) if (q.unvocalised || this.vocab[id]!.unvocalised) consider(id);
      }
    }
    if (!q.unvocalised) {
      const grams = trigrams(q.bare ?? q.text);
      const counts = new Map<number, number>();
      for (const g of new Set(grams)) for (const id of this.byTrigram.get(g) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
      const need = Math.max(1, Math.floor(grams.length / 4));
      for (const [id, n] of counts) if (n >= need) consider(id);
    }
    return out;
  }

  postingsOf(id: number): Int32Array { return this.postings[id]!; }

  isDistinctive(q: PreparedToken): boolean { return DISTINCTIVE.has(q.kind); }
}
