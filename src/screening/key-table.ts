// A multimap from string keys to vocabulary ids stored as two parallel typed arrays sorted by a
// 32-bit hash of the key: compact, built once, loaded from a cache without rebuilding, looked up by
// binary search. A hash collision only adds a candidate that the similarity check then rejects.
import { lowerBound } from './sorted.js';

export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class KeyTableBuilder {
  private hashes: number[] = [];
  private ids: number[] = [];
  add(key: string, id: number): void {
    this.hashes.push(hashKey(key));
    this.ids.push(id);
  }
  build(): KeyTable {
    const order = Array.from(this.hashes.keys()).sort((a, b) => this.hashes[a]! - this.hashes[b]! || this.ids[a]! - this.ids[b]!);
    const hashes = new Uint32Array(order.length);
    const ids = new Int32Array(order.length);
    let n = 0;
    for (const k of order) {
      const h = this.hashes[k]!;
      const id = this.ids[k]!;
      if (n > 0 && hashes[n - 1] === h && ids[n - 1] === id) continue; // duplicate pair
      hashes[n] = h;
      ids[n] = id;
      n++;
    }
    return new KeyTable(hashes.slice(0, n), ids.slice(0, n));
  }
}

export class KeyTable {
  constructor(readonly hashes: Uint32Array, readonly ids: Int32Array) {}

  /** Calls `fn` with every id stored under `key` (and any colliding key). */
  forEach(key: string, fn: (id: number) => void): void {
    const h = hashKey(key);
    const hs = this.hashes;
    for (let i = lowerBound(hs, h); i < hs.length && hs[i] === h; i++) fn(this.ids[i]!);
  }
}
