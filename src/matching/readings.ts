// Other readings of a query's tokens, screened beside the query as written (the best score per
// listed entry wins):
// - a glued word split in two where both halves are known names: MOAMMARGADHAFI, or a name whose
//   space was an invisible character (Moammar\u200BGadhafi, normalize.ts removes those);
// - a compound prefix left dangling at the end (Qadeer Khan Abdul: given names moved to the end, as
//   in customer files) joined to each other name part in turn, as the tokenizer joins Abdul Qadeer;
//   likewise a compound suffix left at the start (Eddin TU'MA Kamal);
// - the syllables of a Chinese or Korean given name glued into one word (玉华 -> YUHUA), as lists
//   often write them, when the glued word is a known name;
// - Arabic-script words and list words cut in different places: an Arabic-script word that meets
//   nothing read as the two words it may be (tokenize.ts, arabicSplits: ظاهرعويس DAHIR AWEYS), and
//   two Arabic-script words read as one (آخوند زاده AKHUNDZADA, ولی جان WALIJAN: Persian and Pashto
//   write the parts of a compound apart, Latin lists glue them).
import { matchingData } from './data.js';
import { prepareToken, similarityKey, type PreparedToken } from './prepared.js';
import { joinCompounds, latinToken, type NameToken } from './tokenize.js';
import { arabicVocalic, joinVocalic, vocalicConsonants } from './skeleton.js';
import { translatedReading } from './translations.js';
import { oneEditApart } from './edit.js';

/** Glued words this long or longer are tried as two names. */
export const GLUED_MIN = 7;
/** Each half at least this long. */
export const GLUED_PART_MIN = 3;
/** Arabic-script kunya and nasab heads (ابو Abu, بن Bin) by vocalised skeleton, Latin text and skeleton. */
const GLUED_HEADS = [
  { vocalic: 'bW', text: 'abu', textPrefix: /^a?bu/, skeleton: 'b' },
  { vocalic: 'bn', text: 'bn', textPrefix: /^bn/, skeleton: 'bn' },
];
/** At most this many other readings per query. */
export const MAX_READINGS = 4;
/** At most this many readings of Arabic-script words cut elsewhere (splits and merges), besides. */
export const MAX_SCRIPT_READINGS = 4;

/**
 * `known`: whether a Latin word is a known name; `meets`: whether a query token meets any token it is
 * compared with (the list name's, or the index vocabulary's): only a word that meets nothing is split.
 */
export function alternativeReadings(tokens: readonly PreparedToken[], known: (text: string) => boolean, meets: (t: PreparedToken) => boolean = () => true): PreparedToken[][] {
  const out: PreparedToken[][] = [];
  const d = matchingData();
  tokens.forEach((t, i) => {
    if (out.length >= MAX_READINGS) return;
    if (t.kind !== 'name' || t.unvocalised || t.syllabic || t.text.length < GLUED_MIN || known(t.text)) return;
    for (let k = GLUED_PART_MIN; k <= t.text.length - GLUED_PART_MIN; k++) {
      const left = t.text.slice(0, k);
      const right = t.text.slice(k);
      if (!known(left) || !known(right)) continue;
      const parts = [prepareToken(latinToken(left, t.surname)), prepareToken(latinToken(right, t.surname))];
      out.push([...tokens.slice(0, i), ...parts, ...tokens.slice(i + 1)]);
      break;
    }
  });
  // Syllables of one given name glued (NameToken.joined marks the syllables after the first).
  if (tokens.some((t) => t.joined)) {
    const glued: PreparedToken[] = [];
    let changed = false;
    for (const t of tokens) {
      const prev = glued[glued.length - 1];
      if (t.joined && prev && prev.syllabic) {
        glued[glued.length - 1] = prepareToken({ ...latinToken(prev.text + t.text, prev.surname), kind: 'name', syllabic: true });
        changed = true;
      } else glued.push(t);
    }
    if (changed && glued.every((t) => tokens.includes(t) || known(t.text))) out.push(glued);
  }
  // A dangling compound prefix (the last name part, or the last before a surname written after it),
  // or one misspelt (ABUDL HABIB, Abedul Baqi: one letter off a prefix of four letters or more, and
  // no word of its own), which the tokenizer could not join. A prefix that needs an article (Abd)
  // joins only a part that follows an article (al-Khaliq AL-HUTHI Abd).
  tokens.forEach((p, i) => {
    if (p.kind !== 'name' || p.unvocalised) return;
    const exact = d.compoundPrefixes.has(p.text);
    const misspelt = !exact && p.text.length >= 4 && !known(p.text) && [...d.compoundPrefixes].some((x) => x.length >= 4 && oneEditApart(p.text, x));
    if (!exact && !misspelt) return;
    const needsArticle = d.compoundPrefixesNeedingArticle.has(p.text);
    const next = tokens[i + 1];
    if (exact && !needsArticle && next && next.kind === 'name' && next.surname === p.surname) return; // joined already by the tokenizer when it follows
    tokens.forEach((t, j) => {
      if (j === i || out.length >= MAX_READINGS || t.kind !== 'name' || t.unvocalised || d.compoundPrefixes.has(t.text)) return;
      const before = tokens[j - 1];
      const article = before !== undefined && j - 1 !== i && before.kind === 'particle' && d.latinArticles.has(before.text) ? before : undefined;
      if (needsArticle && !article) return;
      const text = p.text + (article ? article.text : '') + t.text;
      const joined = prepareToken({ ...latinToken(text, t.surname), kind: 'name', skeleton: p.skeleton + (article ? 'l' : '') + t.skeleton });
      out.push(tokens.flatMap((x, k) => (k === i || (article && k === j - 1) ? [] : k === j ? [joined] : [x])));
    });
  });
  // A compound suffix written with no name part before it (Eddin TU'MA Kamal for Kamal Eddin TU'MA):
  // joined after each other name part in turn, as the tokenizer joins Kamal Eddin.
  tokens.forEach((s, i) => {
    if (s.kind !== 'name' || s.unvocalised || !d.compoundSuffixes.has(s.text)) return;
    const prev = tokens[i - 1];
    if (prev && prev.kind === 'name' && prev.surname === s.surname) return;
    tokens.forEach((t, j) => {
      if (j === i || out.length >= MAX_READINGS || t.kind !== 'name' || t.unvocalised || d.compoundSuffixes.has(t.text)) return;
      const joined = prepareToken({ ...latinToken(t.text + s.text, t.surname), kind: 'name', skeleton: t.skeleton + s.skeleton });
      out.push(tokens.flatMap((x, k) => (k === i ? [] : k === j ? [joined] : [x])));
    });
  });
  // Two words a list writes as one: a Latin pair whose glued form is a known word (Shahid Khel,
  // SHAHIDKHEL). (The Arabic-script pairs are scriptReadings' merges.)
  for (let i = 0; i + 1 < tokens.length && out.length < MAX_READINGS; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a.kind !== 'name' || b.kind !== 'name' || a.unvocalised || b.unvocalised || a.syllabic || b.syllabic) continue;
    if (known(a.text + b.text)) out.push([...tokens.slice(0, i), prepareToken(latinToken(a.text + b.text, a.surname || b.surname)), ...tokens.slice(i + 2)]);
  }
  // A kunya or nasab glued in Arabic script and written apart in Latin (أبوغيث ABO GHAITH, بنحسين BEN
  // HASSINE, أبواليزيد ABOU EL YAZID), and the other way round (أبو بكر ABUBAKAR, بن الشيبة BINALSHIBH).
  for (let i = 0; i < tokens.length && out.length < MAX_READINGS; i++) {
    const t = tokens[i]!;
    if (!t.unvocalised || t.kind !== 'name' || t.vocalic === undefined) continue;
    const head = GLUED_HEADS.find((h) => t.vocalic!.startsWith(h.vocalic) && t.vocalic!.length >= h.vocalic.length + 2);
    if (head) {
      let rest = t.vocalic.slice(head.vocalic.length);
      const article = rest.startsWith('OL');
      if (article) rest = rest.slice(2);
      const parts: PreparedToken[] = [prepareToken({ text: head.text, kind: 'name', surname: t.surname, unvocalised: true, skeleton: head.skeleton, vocalic: head.vocalic })];
      if (article) parts.push(prepareToken({ text: 'al', kind: 'particle', surname: false, unvocalised: false, skeleton: 'l' }));
      parts.push(prepareToken({ text: t.text.replace(head.textPrefix, ''), kind: 'name', surname: t.surname, unvocalised: true, skeleton: t.skeleton.slice(head.skeleton.length), vocalic: rest }));
      out.push([...tokens.slice(0, i), ...parts, ...tokens.slice(i + 1)]);
      continue;
    }
    const next = tokens[i + 1];
    const headJoin = GLUED_HEADS.find((h) => h.vocalic === t.vocalic || (t.text === h.text && t.kind === 'name'));
    if (headJoin && next && next.unvocalised && next.kind === 'name' && next.vocalic !== undefined) {
      out.push([...tokens.slice(0, i), prepareToken({ text: t.text + next.text, kind: 'name', surname: next.surname, unvocalised: true, skeleton: t.skeleton + next.skeleton, vocalic: headJoin.vocalic + next.vocalic }), ...tokens.slice(i + 2)]);
    }
  }
  // Organisation words translated (translations.ts): one reading besides the caps above.
  const translated = translatedReading(tokens);
  return distinctReadings(tokens, [...out, ...scriptReadings(tokens, meets), ...(translated ? [translated] : [])]);
}

/** Everything screening and scoring read of a token: what its similarities depend on, and the surname mark the weights take. */
const tokenSignature = (t: PreparedToken): string => `${similarityKey(t)}|${t.surname ? 1 : 0}`;

/**
 * Readings that differ from the query and from each other: two rules can reach the same reading (a
 * kunya split or joined by GLUED_HEADS and by an Arabic-script split or merge: أبوغيث ABU GHAITH,
 * أبو بكر ABUBAKAR; a merge alone and in the every-merge reading), and each would be screened again.
 */
function distinctReadings(tokens: readonly PreparedToken[], readings: PreparedToken[][]): PreparedToken[][] {
  if (readings.length === 0) return readings;
  const seen = new Set([tokens.map(tokenSignature).join(' ')]);
  return readings.filter((r) => {
    const sig = r.map(tokenSignature).join(' ');
    if (seen.has(sig)) return false;
    seen.add(sig);
    return true;
  });
}

/**
 * Two words merge when one of them meets nothing, and each has this many consonants: a word of one
 * consonant (آل family of, ما) glued to a neighbour that meets a list word would vanish into a near
 * spelling of it (one letter off), its cost as an unmatched word saved. Words that both meet nothing
 * merge whatever their length (ما يشو MAYCHOU, ولی جان WALIJAN).
 */
export const MERGE_PART_CONSONANTS = 2;

const isArabicName = (t: PreparedToken | undefined): t is PreparedToken => t !== undefined && t.kind === 'name' && t.unvocalised && t.vocalic !== undefined;
const mayMerge = (a: PreparedToken, b: PreparedToken, neither: boolean): boolean =>
  neither || (vocalicConsonants(a.vocalic!) >= MERGE_PART_CONSONANTS && vocalicConsonants(b.vocalic!) >= MERGE_PART_CONSONANTS);

const mergedToken = (a: PreparedToken, article: boolean, b: PreparedToken): PreparedToken => prepareToken({
  text: a.text + (article ? 'al' : '') + b.text, kind: 'name', surname: a.surname || b.surname, unvocalised: true,
  skeleton: a.skeleton + (article ? 'l' : '') + b.skeleton, vocalic: joinVocalic(a.vocalic!, article, b.vocalic!),
});

let glued: Set<string> | undefined;
/** Vocalised skeletons of the particles lists glue to the next word (scripts.json, gluedPrefixes). */
const gluedVocalics = (): Set<string> => (glued ??= new Set(matchingData().gluedPrefixes.map(arabicVocalic)));

function scriptReadings(tokens: readonly PreparedToken[], meets: (t: PreparedToken) => boolean): PreparedToken[][] {
  const out: PreparedToken[][] = [];
  if (!tokens.some((t) => t.unvocalised)) return out;
  const d = matchingData();
  tokens.forEach((t, i) => {
    if (!t.splits || out.length >= MAX_SCRIPT_READINGS || meets(t)) return;
    for (const parts of t.splits) {
      if (out.length >= MAX_SCRIPT_READINGS) break;
      const reading: NameToken[] = [...tokens.slice(0, i), ...parts, ...tokens.slice(i + 1)];
      // A split may leave a compound prefix before the next word (محمدعبد البصیر: عبد + البصیر).
      joinCompounds(reading);
      out.push(reading.map((x) => (tokens.includes(x as PreparedToken) ? (x as PreparedToken) : prepareToken(x))));
    }
  });
  // Two Arabic-script name parts, or two around an article (عزیز الرحمان AZIZIRAHMAN), read as one word;
  // two words that both meet nothing first.
  const merges: { at: number; span: number; merged: PreparedToken; neither: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const article = tokens[i + 1]?.kind === 'particle' && d.latinArticles.has(tokens[i + 1]!.text);
    const b = tokens[i + (article ? 2 : 1)];
    if (!isArabicName(b)) continue;
    // A glued particle before a name that meets nothing (بن الشيبة BINALSHIBH, بن لادن BINLADIN).
    if (a !== undefined && a.kind === 'particle' && a.vocalic !== undefined && gluedVocalics().has(a.vocalic)) {
      if (!meets(b)) merges.push({ at: i, span: article ? 3 : 2, merged: mergedToken(a, article, b), neither: true });
      continue;
    }
    if (!isArabicName(a)) continue;
    // A Persian/Pashto ending written apart (ولی جان, آخوند زاده: WALIJAN, AKHUNDZADA) joins whatever
    // the two words meet on their own.
    if (!article && d.gluedSuffixVocalics.has(b.vocalic!)) {
      merges.push({ at: i, span: 2, merged: mergedToken(a, false, b), neither: !meets(a) && !meets(b) });
      continue;
    }
    const ma = meets(a);
    const mb = meets(b);
    const neither = !ma && !mb;
    if ((ma && mb) || !mayMerge(a, b, neither)) continue;
    merges.push({ at: i, span: article ? 3 : 2, merged: mergedToken(a, article, b), neither });
  }
  merges.sort((x, y) => Number(y.neither) - Number(x.neither));
  for (const m of merges) {
    if (out.length >= MAX_SCRIPT_READINGS) break;
    out.push([...tokens.slice(0, m.at), m.merged, ...tokens.slice(m.at + m.span)]);
  }
  // A name may hold two such compounds (احمد جان آخوند زاده شكور آخوند زاده): every merge of two words
  // that both meet nothing, at once.
  const both = merges.filter((m) => m.neither).sort((x, y) => x.at - y.at);
  if (both.length >= 2) {
    const all: PreparedToken[] = [];
    let next = 0;
    for (const m of both) {
      if (m.at < next) continue;
      all.push(...tokens.slice(next, m.at), m.merged);
      next = m.at + m.span;
    }
    all.push(...tokens.slice(next));
    if (all.length < tokens.length - 1) out.push(all);
  }
  return out;
}
