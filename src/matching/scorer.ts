// Name-to-name score: align query tokens with list tokens ("best pairs": strongest pairs first,
// each token used once), weight each pair by the list token's evidence (rarity, kind, surname),
// then penalise what stays unmatched: query tokens fully, list tokens partly (lists carry middle
// names and patronymics that a user rarely types). Generic words never make a match alone.
import type { TokenMatch } from '../model/screening.js';
import type { PreparedToken } from './prepared.js';
import type { TokenKind } from './tokenize.js';
import { matchingData } from './data.js';
import { populationName } from './population.js';
import { type MatchHow, type TokenSimilarity } from './token-similarity.js';

/** Share of the list name's weight left unmatched that is taken off the score. */
export const UNMATCHED_LIST_PENALTY = 0.3;
/** Added to it in proportion to how common the matched list tokens are. */
export const COMMON_MATCH_PENALTY = 0.4;
/** Ceiling for a pair of names that share only generic words, legal forms, titles or initials. */
export const GENERIC_ONLY_CAP = 0.5;
/**
 * Share of the list-token penalty kept when the query is a full name met in the list name: every query
 * token matched, at least three of them, the surname among them. What is left over in the list is then
 * a nasab chain or middle names (Aisha Muammar Gaddafi vs AISHA MUAMMAR MUHAMMED ABU MINYAR QADHAFI).
 */
export const FULL_QUERY_LIST_PENALTY_SHARE = 0.5;
/** Factor on a fuzzy pair whose query word is itself a word of the lists (qKnown). */
export const KNOWN_WORD_FUZZY_FACTOR = 0.85;
/** Further factor on such a pair when both words are given names or surnames of the population tables (population.ts). */
export const POPULATION_NAMES_FUZZY_FACTOR = 0.8;
/** A title and a surname count as a short form of the listed name when the surname is this rare (evidence, 1 = rare in the lists). */
export const TITLED_SURNAME_MIN_EVIDENCE = 0.9;
/** UNMATCHED_LIST_PENALTY is multiplied by this for a query in Chinese or Korean script. */
export const SYLLABIC_LIST_PENALTY_FACTOR = 2;
/** Factor when a listed surname stays unmatched and no surname matched. */
export const SURNAME_MISSED_FACTOR = 0.95;
/** Cross-script matches resting on fewer consonants than this are weak... */
export const THIN_SKELETON_LETTERS = 6;
/** ...and scaled by this (1: off — it cost more cross-script recall than it saved false hits on the eval sets). */
export const THIN_SKELETON_FACTOR = 1;
/**
 * Factor when the syllables of one Chinese or Korean given name meet list syllables out of order or
 * apart (광수 Gwang-su against KIM, Su-gwang; 玉华 石 against HUA, Shi Yu): another given name.
 */
export const SYLLABLE_ORDER_FACTOR = 0.8;
/**
 * A query whose name parts are common in a large population (population.ts: this many people or
 * more expected to carry it, Michael Johnson, Juan Garcia) is shared by many: met inside a longer
 * list name it is no evidence that the list's other parts (William, Marvin, a second surname)
 * belong to the same person...
 */
export const COMMON_POPULATION_NAME = 100;
/** ...so list tokens left over cost this share of their weight (instead of UNMATCHED_LIST_PENALTY), never halved. */
export const COMMON_POPULATION_LIST_PENALTY = 1;
/** Similarity kept when a distinctive token meets a generic one. */
export const KIND_MISMATCH_FACTOR = 0.5;

export interface NameScore {
  score: number;
  /** One row per query token, in query order; unmatched list tokens follow with query ''. */
  tokens: TokenMatch[];
  notes: string[];
  adjustments: { reason: string; delta: number }[];
}

const DISTINCTIVE: ReadonlySet<TokenKind> = new Set(['name', 'number']);
/** Words that say what kind of party it is, not which one, and connecting particles. */
const WEAK: ReadonlySet<TokenKind> = new Set(['generic', 'legal', 'particle']);

/** The weight a pair of a query and a list token counts with (screening's candidate bound uses it too). */
export function pairWeight(qk: TokenKind, ck: TokenKind, qw: number, cw: number): number {
  if (qk === 'initial') return Math.min(cw, qw);
  // The query token keeps its weight: a list initial covers little of it.
  if (ck === 'initial') return qw;
  // A name part of one side met a generic word or legal form of the other (Sá and S.A.): weak
  // evidence, weighed at the heavier side and half the similarity (pairSimFactor).
  if (kindMismatch(qk, ck)) return Math.max(cw, qw);
  return cw;
}

/** The factor on a pair's similarity: KIND_MISMATCH_FACTOR for a name part against a generic word. */
export const pairSimFactor = (qk: TokenKind, ck: TokenKind): number =>
  qk !== 'initial' && ck !== 'initial' && kindMismatch(qk, ck) ? KIND_MISMATCH_FACTOR : 1;

const kindMismatch = (qk: TokenKind, ck: TokenKind): boolean => (DISTINCTIVE.has(qk) && WEAK.has(ck)) || (WEAK.has(qk) && DISTINCTIVE.has(ck));

let P_I = new Int32Array(64);
let P_J = new Int32Array(64);
let P_SIM = new Float64Array(64);
let P_W = new Float64Array(64);
let P_HOW: MatchHow[] = new Array<MatchHow>(64);
let ORDER = new Int32Array(64);
let Q_PAIR = new Int32Array(64);
let C_USED = new Uint8Array(64);
function ensure(n: number): void {
  if (P_I.length >= n) return;
  const size = n * 2;
  P_I = new Int32Array(size);
  P_J = new Int32Array(size);
  P_SIM = new Float64Array(size);
  P_W = new Float64Array(size);
  P_HOW = new Array<MatchHow>(size);
  ORDER = new Int32Array(size);
}

let PAIR_AT = new Int32Array(256);
/**
 * Pair-swap improvement of the greedy alignment (qPair: query token -> pair index or -1): query token
 * b takes a's list token, and a takes b's or any list token still free, whenever that adds evidence.
 */
function improvePairs(nq: number, nc: number, count: number, qPair: Int32Array, cUsed: Uint8Array): boolean {
  if (PAIR_AT.length < nq * nc) PAIR_AT = new Int32Array(nq * nc * 2);
  PAIR_AT.fill(-1, 0, nq * nc);
  for (let p = 0; p < count; p++) PAIR_AT[P_I[p]! * nc + P_J[p]!] = p;
  const value = (p: number): number => (p === -1 ? 0 : P_W[p]! * P_SIM[p]!);
  let changed = false;
  for (let round = 0; round < 3; round++) {
    let swapped = false;
    for (let a = 0; a < nq; a++) {
      for (let b = 0; b < nq; b++) {
        const pa = qPair[a]!;
        if (a === b || pa === -1) continue;
        const pb = qPair[b]!;
        const ja = P_J[pa]!;
        const nb = PAIR_AT[b * nc + ja]!;
        if (nb === -1) continue;
        // a's best other partner: b's list token or a free one.
        let na = pb === -1 ? -1 : PAIR_AT[a * nc + P_J[pb]!]!;
        for (let j = 0; j < nc; j++) {
          if (cUsed[j]) continue;
          const p = PAIR_AT[a * nc + j]!;
          if (p !== -1 && value(p) > value(na)) na = p;
        }
        if (value(na) + value(nb) > value(pa) + value(pb) + 1e-9) {
          if (pb !== -1) cUsed[P_J[pb]!] = 0;
          qPair[a] = na;
          qPair[b] = nb;
          cUsed[ja] = 1;
          if (na !== -1) cUsed[P_J[na]!] = 1;
          swapped = true;
          changed = true;
        }
      }
    }
    if (!swapped) break;
  }
  return changed;
}

/** Whether a list name is a nasab chain or carries a patronymic among its unmatched tokens (see shortForm). */
function nameChain(c: readonly PreparedToken[], cUsed: Uint8Array): boolean {
  const d = matchingData();
  for (let j = 0; j < c.length; j++) {
    const t = c[j]!;
    if (t.unvocalised || (t.kind === 'particle' && (d.latinArticles.has(t.text) || d.nasabMarkers.has(t.text)))) return true;
    if (t.kind === 'name' && d.nasabMarkers.has(t.text)) return true;
    if (!cUsed[j] && t.kind === 'name' && (t.groups.some((g) => g < 0) || d.patronymicEndings.some((e) => t.text.length > e.length + 2 && t.text.endsWith(e)))) return true;
  }
  return false;
}

/**
 * Score query tokens against list tokens. `simAt(i, j)` gives the similarity of query token i and
 * list token j (the index passes cached values; brute force computes them).
 */
export function scoreTokens(
  q: readonly PreparedToken[], qWeights: ArrayLike<number>,
  c: readonly PreparedToken[], cWeights: ArrayLike<number>,
  simAt: (i: number, j: number) => TokenSimilarity,
  explain = false,
  cRarity?: ArrayLike<number>,
  cSurnames?: ArrayLike<number>,
  qKnown?: ArrayLike<number>,
  qPopulation = 0,
): NameScore {
  const cSurname = (j: number): boolean => c[j]!.surname || (cSurnames !== undefined && cSurnames[j] === 1);
  // Pairs in reused buffers (scoring is synchronous): this runs for every candidate name.
  const n = q.length * c.length;
  ensure(n);
  let count = 0;
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const s = simAt(i, j);
      if (s.sim <= 0) continue;
      const qk = q[i]!.kind;
      const ck = c[j]!.kind;
      // The same word is the same word whatever kind each name gave it ("CO" a legal form in most
      // names, a name part in SELKBAF CO).
      let sim = s.how === 'exact' ? s.sim : s.sim * pairSimFactor(qk, ck);
      // A query word that is itself a listed name, spelled near another listed name, is most
      // likely that other name (Jamie/James, Anthony/Antonio, Isabel/Ismael), not a misspelling.
      if (s.how === 'fuzzy' && qKnown !== undefined && qKnown[i] === 1) {
        sim *= KNOWN_WORD_FUZZY_FACTOR;
        // Both words are names of the population tables (Michelle and Michael, Meyer and Mayer): two names.
        if (!q[i]!.unvocalised && populationName(q[i]!.text) && populationName(c[j]!.text)) sim *= POPULATION_NAMES_FUZZY_FACTOR;
      }
      const w = pairWeight(qk, ck, qWeights[i]!, cWeights[j]!);
      P_I[count] = i;
      P_J[count] = j;
      P_SIM[count] = sim;
      P_W[count] = w;
      P_HOW[count] = s.how;
      // Insertion into order: strongest similarity first, then heavier weight.
      let k = count;
      while (k > 0 && (P_SIM[ORDER[k - 1]!]! < sim || (P_SIM[ORDER[k - 1]!]! === sim && P_W[ORDER[k - 1]!]! < w))) {
        ORDER[k] = ORDER[k - 1]!;
        k--;
      }
      ORDER[k] = count;
      count++;
    }
  }
  const qPair = Q_PAIR.length >= q.length ? Q_PAIR : (Q_PAIR = new Int32Array(q.length * 2));
  qPair.fill(-1, 0, q.length);
  const cUsed = C_USED.length >= c.length ? C_USED : (C_USED = new Uint8Array(c.length * 2));
  cUsed.fill(0, 0, c.length);
  for (let k = 0; k < count; k++) {
    const p = ORDER[k]!;
    const i = P_I[p]!;
    const j = P_J[p]!;
    if (qPair[i] !== -1 || cUsed[j]) continue;
    qPair[i] = p;
    cUsed[j] = 1;
  }
  // Strongest pairs first can take the wrong partner when two pairs tie (أحمد meets HAMZI as well as
  // AHMAD, and takes HAMZI because it weighs more): swap partners of two query tokens whenever that
  // adds evidence, until no swap does.
  if (count > 1 && q.length > 1) improvePairs(q.length, c.length, count, qPair, cUsed);
  let matched = 0;
  let matchedW = 0;
  let matchedRarity = 0;
  let distinctive = false;
  let crossScriptOnly = true;
  let skeletonLetters = 0;
  let surnameMet = false;
  for (let i = 0; i < q.length; i++) {
    const p = qPair[i]!;
    if (p === -1) continue;
    const j = P_J[p]!;
    matched += P_W[p]! * P_SIM[p]!;
    matchedW += P_W[p]!;
    matchedRarity += P_W[p]! * (cRarity ? cRarity[j]! : 1);
    if (DISTINCTIVE.has(q[i]!.kind) && DISTINCTIVE.has(c[j]!.kind)) distinctive = true;
    if (q[i]!.unvocalised || c[j]!.unvocalised) skeletonLetters += Math.min(q[i]!.skeleton.length, c[j]!.skeleton.length);
    else if (q[i]!.kind !== 'particle') crossScriptOnly = false;
    if (cSurname(j)) surnameMet = true;
  }
  // A syllable continuing a given name (NameToken.joined) must meet the list token right after its predecessor's.
  let syllablesApart = false;
  for (let i = 1; i < q.length && !syllablesApart; i++) {
    if (!q[i]!.joined || qPair[i] === -1 || qPair[i - 1] === -1) continue;
    if (P_J[qPair[i]!]! !== P_J[qPair[i - 1]!]! + 1) syllablesApart = true;
  }
  let surnameMissed = false;
  if (!surnameMet && count > 0) for (let j = 0; j < c.length; j++) if (cSurname(j) && !cUsed[j]) surnameMissed = true;
  let qUnmatched = 0;
  for (let i = 0; i < q.length; i++) if (qPair[i] === -1) qUnmatched += qWeights[i]!;
  let cUnmatched = 0;
  for (let j = 0; j < c.length; j++) if (!cUsed[j]) cUnmatched += cWeights[j]!;

  const denominator = matchedW + qUnmatched;
  const qScore = denominator > 0 ? matched / denominator : 0;
  const cCover = matchedW + cUnmatched > 0 ? matchedW / (matchedW + cUnmatched) : 0;
  // The penalty for list tokens left over grows when what did match is common (Juan Garcia met in
  // JUAN MARVIN GARCIA is weaker evidence than Frank Bwambale in FRANK KAKOLELE BWAMBALE).
  const evidence = matchedW > 0 ? Math.min(1, matchedRarity / matchedW) : 1;
  const fullQuery = qUnmatched === 0 && q.length >= 3 && surnameMet;
  // A short form of a long name: given name and family name, both met, the given name the list's
  // first given name (Raghad Hussein in RAGHAD SADDAM HUSSEIN AL-TIKRITI,
  // Vladimir Putin in Vladimir Vladimirovich Putin): the middle is a patronymic or nasab chain.
  // Only the plain share of the penalty is halved: common tokens met (Juan Garcia) still cost.
  let shortForm = !fullQuery && qUnmatched === 0 && q.length >= 2 && c.length > q.length;
  if (shortForm) {
    // The list's first given name (its first name part that is not the surname, whichever order the
    // list writes them in) must be among those met; the query's order does not matter (a customer
    // file writes Gaddafi Muammar as often as Muammar Gaddafi).
    let firstGiven = -1;
    for (let j = 0; j < c.length && firstGiven < 0; j++) if (c[j]!.kind === 'name' && !cSurname(j)) firstGiven = j;
    for (let j = 0; j < c.length && firstGiven < 0; j++) if (c[j]!.kind === 'name') firstGiven = j;
    let firstMet = false;
    for (let i = 0; i < q.length && shortForm; i++) {
      if (q[i]!.kind !== 'name') shortForm = false;
      else if (P_J[qPair[i]!]! === firstGiven) firstMet = true;
    }
    shortForm = shortForm && firstMet;
    // ...and only with the listed surname among what is met (James Allen is not JAMES ALLEN LARRISON),
    // unless the list name is an Arabic-style chain (an article, bin, ould, abu; or Arabic script),
    // whose last part is often a nisba (RAGHAD SADDAM HUSSEIN AL-TIKRITI).
    // Every listed surname must be met: a second surname left over (MORENO PEREZ, Felipe for Felipe
    // Perez) is not a middle name.
    let surnameLeft = false;
    for (let j = 0; j < c.length; j++) if (!cUsed[j] && c[j]!.kind === 'name' && cSurname(j)) surnameLeft = true;
    if (shortForm) shortForm = (surnameMet && !surnameLeft) || nameChain(c, cUsed);
  }
  // A title and a surname (President Putin, Präsident Putin, Putyin elnök): the way a known person is
  // named; the list's given names and patronymic are what the title stands in for. Only for a rare
  // surname (the lists' own frequencies): Mr Smith names nobody in particular.
  if (!shortForm && !fullQuery && surnameMet && evidence >= TITLED_SURNAME_MIN_EVIDENCE && c.length > 1) {
    let names = 0;
    let titles = 0;
    for (let i = 0; i < q.length; i++) {
      const k = q[i]!.kind;
      if (k === 'title') titles++;
      else if (DISTINCTIVE.has(k)) {
        const p = qPair[i]!;
        if (p === -1 || !cSurname(P_J[p]!)) names = 99;
        names++;
      }
    }
    shortForm = titles > 0 && names === 1;
  }
  // A query written in Chinese or Korean syllables names its given name whole: a list syllable left
  // over makes another given name (成 李 is not LI, Cheng Yu), so it costs more.
  const syllabic = q.some((t) => t.syllabic === true);
  const commonPopulation = qPopulation >= COMMON_POPULATION_NAME;
  const unmatchedShare = commonPopulation ? COMMON_POPULATION_LIST_PENALTY : UNMATCHED_LIST_PENALTY * (syllabic ? SYLLABIC_LIST_PENALTY_FACTOR : 1);
  if (commonPopulation) shortForm = false;
  const listPenalty = fullQuery && !syllabic && !commonPopulation
    ? (unmatchedShare + COMMON_MATCH_PENALTY * (1 - evidence)) * (1 - cCover) * FULL_QUERY_LIST_PENALTY_SHARE
    : (unmatchedShare * (shortForm && !syllabic ? FULL_QUERY_LIST_PENALTY_SHARE : 1) + COMMON_MATCH_PENALTY * (1 - evidence)) * (1 - cCover);
  let score = qScore * (1 - listPenalty);
  // A listed surname left unmatched while only given names agree (Michael James vs JAMES MICHAEL CLARK).
  if (surnameMissed) score *= SURNAME_MISSED_FACTOR;
  if (syllablesApart) score *= SYLLABLE_ORDER_FACTOR;
  // A match made only of a few consonants across scripts is weak (Kian Jahani vs CANO, Jhonny).
  const thinSkeleton = THIN_SKELETON_FACTOR < 1 && crossScriptOnly && skeletonLetters > 0 && skeletonLetters < THIN_SKELETON_LETTERS;
  if (thinSkeleton) score *= THIN_SKELETON_FACTOR;
  const anyDistinctive = q.some((t) => DISTINCTIVE.has(t.kind)) || c.some((t) => DISTINCTIVE.has(t.kind));
  const genericOnly = !distinctive && anyDistinctive && score > GENERIC_ONLY_CAP;
  if (genericOnly) score = GENERIC_ONLY_CAP;
  score = Math.max(0, Math.min(1, score));

  if (!explain) return { score, tokens: [], notes: [], adjustments: [] };
  const tokens: TokenMatch[] = q.map((t, i) => {
    const p = qPair[i]!;
    return p !== -1
      ? { query: t.text, matched: c[P_J[p]!]!.text, how: P_HOW[p]!, score: round(P_SIM[p]!), weight: round(P_W[p]!) }
      : { query: t.text, matched: null, how: 'unmatched', score: 0, weight: round(qWeights[i]!) };
  });
  const notes: string[] = [];
  const adjustments: { reason: string; delta: number }[] = [];
  const missing = c.filter((_, j) => !cUsed[j]).map((t) => t.text);
  if (missing.length) {
    const delta = -round(qScore * listPenalty);
    notes.push(`list name tokens not in the query: ${missing.join(' ')} (${delta})${commonPopulation ? `; the query's name is common (about ${Math.round(qPopulation)} people in the population tables)` : ''}`);
    adjustments.push({ reason: 'unmatched list tokens', delta });
  }
  const unmatchedQuery = q.filter((_, i) => qPair[i] === -1).map((t) => t.text);
  if (unmatchedQuery.length) notes.push(`query tokens with no counterpart: ${unmatchedQuery.join(' ')}`);
  if (surnameMissed) {
    notes.push(`the listed surname is not in the query (x${SURNAME_MISSED_FACTOR})`);
    adjustments.push({ reason: 'surname not matched', delta: -round(score / SURNAME_MISSED_FACTOR - score) });
  }
  if (syllablesApart) {
    notes.push(`the syllables of a given name meet list syllables out of order or apart (x${SYLLABLE_ORDER_FACTOR})`);
    adjustments.push({ reason: 'given-name syllables out of order', delta: -round(score / SYLLABLE_ORDER_FACTOR - score) });
  }
  if (thinSkeleton) {
    notes.push(`only ${skeletonLetters} consonants agree across scripts (x${THIN_SKELETON_FACTOR})`);
    adjustments.push({ reason: 'few consonants across scripts', delta: -round(score / THIN_SKELETON_FACTOR - score) });
  }
  if (genericOnly) {
    notes.push(`only generic words, legal forms, titles or initials agree: capped at ${GENERIC_ONLY_CAP}`);
    adjustments.push({ reason: 'generic words only', delta: 0 });
  }
  return { score, tokens, notes, adjustments };
}

export const round = (x: number): number => Math.round(x * 1000) / 1000;
