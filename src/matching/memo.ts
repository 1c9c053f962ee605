// Pure functions of one string that matching calls again and again with the same words (given
// names, legal forms, trade words, the vocabulary): each remembers its answers, bounded, cleared
// whole when full (the words a batch repeats come straight back).

/** `compute` remembered for up to `max` keys. */
export function memoized<T>(compute: (key: string) => T, max = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let out = cache.get(key);
    if (out === undefined) {
      out = compute(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, out);
    }
    return out;
  };
}
