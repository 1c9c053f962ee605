// Shared settings for the fast-check suites (test/fuzz/). CI runs a fixed seed and few runs, so a
// failure reproduces exactly; VIGIL_FUZZ_RUNS=N runs N cases per property (a longer hunt), and
// VIGIL_FUZZ_SEED=S picks another seed. A failure prints the seed and the shrunk counterexample.
import fc from 'fast-check';

export const FUZZ_SEED = Number(process.env.VIGIL_FUZZ_SEED ?? 15);
const override = process.env.VIGIL_FUZZ_RUNS ? Number(process.env.VIGIL_FUZZ_RUNS) : undefined;

/** Parameters for fc.assert: the CI default number of runs unless VIGIL_FUZZ_RUNS overrides it. */
export function fuzzParams<T>(ciRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: override ?? ciRuns, endOnFailure: false, includeErrorInReport: true, ...extra };
}

/** Runs `fn`, failing if it takes longer than `ms` (a hang is a failure, not a stuck suite). */
export async function within<T>(ms: number, what: string, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); });
  try {
    return await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Strings from every corner of Unicode a name field meets: scripts, marks, RTL, joiners, lone surrogates. */
export function nastyString(maxLength = 60): fc.Arbitrary<string> {
  const special = fc.constantFrom(
    '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202E', '\u2066', '\uFEFF', '\u0301', '\u0651', '\u064B',
    '\uD800', '\uDC00', '\uFFFD', '\u0000', '\u0007', '\t', '\n', ' ', '  ', '-', "'", ',', '.', '(', ')',
    'ß', 'İ', 'ı', 'ǅ', 'ﬁ', 'Ⅻ', '①', '𝔄', '😀', '👨‍👩‍👧', 'Муаммар', 'القذافي', '金正恩', 'ㄱ', 'ᄀ', 'עברית', 'ελληνικά', 'देवनागरी',
  );
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 2, arbitrary: special },
    { weight: 3, arbitrary: fc.constantFrom('Muammar', 'Qadhafi', 'Gaddafi', 'Trading', 'Bank', 'Ali', 'Kim', 'Jong', 'Un', 'LLC', 'Co', 'Ltd') },
  );
  return fc.array(piece, { maxLength: Math.max(1, Math.floor(maxLength / 4)) }).map((parts) => parts.join(''));
}
