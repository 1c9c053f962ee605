// A multimap from string keys to vocabulary ids stored as two parallel typed arrays sorted by a
// 32-bit hash of the key: compact, built once, loaded from a cache without rebuilding, looked up
// through a directory on the hash's top bits. A hash collision only adds a candidate that the
// similarity check then rejects.

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

/** Bits of the hash the directory is indexed by: about one key per slot for the bundled lists. */
const DIRECTORY_BITS = 20;

export class KeyTable {
  /**
   * Where each run of hashes with the same top DIRECTORY_BITS bits starts: a lookup scans one short
   * run instead of a binary search over millions of hashes (one query looks up dozens of keys per
   * token, and the search's cache misses were a tenth of a cold screening; bench/screening-cached.ts).
   * Built from the hashes when the table is made, not stored.
   */
  private readonly directory: Int32Array;
  private readonly shift: number;

  constructor(readonly hashes: Uint32Array, readonly ids: Int32Array) {
    const bits = Math.max(1, Math.min(DIRECTORY_BITS, Math.ceil(Math.log2(hashes.length + 1))));
    this.shift = 32 - bits;
    const slots = 1 << bits;
    const dir = new Int32Array(slots + 1);
    let i = 0;
    for (let slot = 0; slot < slots; slot++) {
      dir[slot] = i;
      while (i < hashes.length && hashes[i]! >>> this.shift === slot) i++;
    }
    dir[slots] = hashes.length;
    this.directory = dir;
  }

  /** Calls `fn` with every id stored under `key` (and any colliding key). */
  forEach(key: string, fn: (id: number) => void): void {
    const h = hashKey(key);
    const hs = this.hashes;
    const slot = h >>> this.shift;
    const end = this.directory[slot + 1]!;
    let i = this.directory[slot]!;
    while (i < end && hs[i]! < h) i++;
    for (; i < end && hs[i] === h; i++) fn(this.ids[i]!);
  }
}
