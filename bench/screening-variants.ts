// Generated positives for the screening benchmark: list names with a typo, with their tokens in
// another order, or with a middle name dropped. Seeded, so every run tests the same variants.
import type { ListEntry } from '../src/model/index.js';
import { tokenizeName } from '../src/matching/tokenize.js';
import { matchingData } from '../src/matching/data.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type VariantKind = 'typo' | 'reorder' | 'drop-middle';
export interface Variant { kind: VariantKind; query: string; entityId: string; original: string }

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function typo(word: string, r: () => number): string {
  // Never the first letter: screening services (and people copying a name) rarely get it wrong.
  const i = 1 + Math.floor(r() * (word.length - 1));
  const op = Math.floor(r() * 4);
  const letter = LETTERS[Math.floor(r() * 26)]!;
  const c = word[i] === word[i]!.toUpperCase() ? letter.toUpperCase() : letter;
  if (op === 0) return word.slice(0, i) + c + word.slice(i + 1); // substitute
  if (op === 1) return word.slice(0, i) + word.slice(i + 1); // delete
  if (op === 2) return word.slice(0, i) + c + word.slice(i); // insert
  if (i < word.length - 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // transpose
  return word.slice(0, i) + c + word.slice(i + 1);
}

/** Names of persons and organisations with at least two distinctive tokens, in Latin script. */
function candidates(entries: ListEntry[]): { entry: ListEntry; name: string; words: string[] }[] {
  const out: { entry: ListEntry; name: string; words: string[] }[] = [];
  for (const e of entries) {
    if (e.type !== 'person' && e.type !== 'organization') continue;
    const name = e.names[0]?.name ?? '';
    if (!/^[\p{Script=Latin}\p{P}\p{Zs}0-9]+$/u.test(name)) continue;
    if (tokenizeName(name).filter((t) => t.kind === 'name').length < 2) continue;
    out.push({ entry: e, name, words: name.replace(/,/g, ' ').split(/\s+/).filter(Boolean) });
  }
  return out;
}

export function generateVariants(entries: ListEntry[], perKind: number, seed = 7): Variant[] {
  const r = rng(seed);
  const pool = candidates(entries);
  const pick = () => pool[Math.floor(r() * pool.length)]!;
  const out: Variant[] = [];
  for (let k = 0; k < perKind; k++) {
    const p = pick();
    const d = matchingData();
    const generic = (w: string) => { const f = w.toLowerCase().replace(/[^a-z]/g, ''); return d.legalForms.has(f) || d.genericWords.has(f) || d.titles.has(f) || d.particles.has(f); };
    const idx = p.words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4 && /^\p{L}+$/u.test(w) && !generic(w)).map(([, i]) => i);
    if (idx.length) {
      const i = idx[Math.floor(r() * idx.length)]!;
      const words = [...p.words];
      words[i] = typo(words[i]!, r);
      out.push({ kind: 'typo', query: words.join(' '), entityId: p.entry.id, original: p.name });
    }
    const q = pick();
    const rot = 1 + Math.floor(r() * (q.words.length - 1));
    out.push({ kind: 'reorder', query: [...q.words.slice(rot), ...q.words.slice(0, rot)].join(' '), entityId: q.entry.id, original: q.name });
  }
  const persons = pool.filter((p) => p.entry.type === 'person' && p.words.length >= 3 && tokenizeName(p.name).filter((t) => t.kind === 'name').length >= 3);
  for (let k = 0; k < perKind && persons.length; k++) {
    const p = persons[Math.floor(r() * persons.length)]!;
    // Drop one word that is neither the first nor the last written.
    const words = p.words;
    const i = 1 + Math.floor(r() * (words.length - 2));
    out.push({ kind: 'drop-middle', query: [...words.slice(0, i), ...words.slice(i + 1)].join(' '), entityId: p.entry.id, original: p.name });
  }
  return out;
}
