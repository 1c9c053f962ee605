// Binary search over the sorted typed arrays of the index (posting lists, key hashes).

/** The first position in `sorted` whose value is not below `x` (sorted.length if none). */
export function lowerBound(sorted: Int32Array | Uint32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
