// A name as a list of tokens, each in ASCII Latin whatever the script it was written in, with
// its role (distinctive name part, generic word, legal form, particle, title, initial, number)
// and whether it is a surname.
import anyAscii from 'any-ascii';
import { matchingData } from './data.js';
import { memoized } from './memo.js';
import { foldCase, stripIgnorable } from './normalize.js';
import { scriptOf, type Script } from './script.js';
import { arabicSkeleton, arabicVocalic, joinVocalic, latinSkeleton } from './skeleton.js';

export type TokenKind = 'name' | 'generic' | 'legal' | 'particle' | 'title' | 'initial' | 'number';

export interface NameToken {
  /** ASCII lower-case form: 'qadhafi'. */
  text: string;
  kind: TokenKind;
  /** Written before a comma ("QADHAFI, Muammar") or in capitals among mixed case ("Vladimir PUTIN"). */
  surname: boolean;
  /** Came from a script that leaves short vowels out (Arabic, Hebrew): compare by skeleton only. */
  unvocalised: boolean;
  /** Arabic-aware consonant skeleton. */
  skeleton: string;
  /** Unvocalised tokens: the skeleton with the long vowels the script writes (skeleton.ts, arabicVocalic). */
  vocalic?: string;
  /** Form without a glued article ("alqadhafi" -> "qadhafi"), when there is one. */
  bare?: string;
  /** A romanised Chinese or Korean syllable: such syllables differ by one letter (Jian, Jiang) and still are different names, so only exact and equivalent spellings meet. */
  syllabic?: boolean;
  /**
   * A syllable that continues the given name of the token before it (광수 -> gwang, su; 玉华 in
   * "玉华 石" -> yu, hua): its syllables keep their order (Gwang-su is not Su-gwang; scorer.ts).
   */
  joined?: boolean;
  /** An Arabic-script word that may be two written without a space: the tokens of each such reading (arabicSplits). */
  splits?: NameToken[][];
}

/** A Latin token built as the tokenizer builds one (readings.ts splits glued words into these). */
export function latinToken(text: string, surname: boolean): NameToken {
  const kind = classify(text);
  const token: NameToken = { text, kind, surname: surname && kind === 'name', unvocalised: false, skeleton: latinSkeleton(text) };
  return token;
}

function classify(text: string): TokenKind {
  const d = matchingData();
  if (/^[0-9]+$/.test(text)) return 'number';
  if (text.length === 1) return 'initial';
  if (d.particles.has(text)) return 'particle';
  if (d.legalForms.has(text)) return 'legal';
  if (d.titles.has(text)) return 'title';
  if (d.genericWords.has(text)) return 'generic';
  return 'name';
}

const ARMENIAN = /[\u0531-\u058f]/u;

const asciiParts = (s: string): string[] => anyAscii(s).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

interface RawPart { text: string; unvocalised: boolean; skeleton?: string; vocalic?: string; article?: boolean; syllabic?: boolean; joined?: boolean; initial?: boolean }

/** Syllables of one word: those after `from` continue a given name (NameToken.joined). */
const syllables = (texts: string[], from: number): RawPart[] =>
  texts.map((text, k) => ({ text, unvocalised: false, syllabic: true, ...(k > from ? { joined: true } : {}) }));

/**
 * `solid`: the word is the whole name (王伟, 김정은: surname, then the given name); otherwise it is one
 * part of a name written in several words (伟 王, 광수 김), a given name or a surname whole.
 */
function transliterateWord(word: string, script: Script, solid: boolean): RawPart[] {
  const d = matchingData();
  switch (script) {
    case 'arabic': {
      let w = word;
      let article = false;
      for (const a of d.arabicArticles) {
        if (w.startsWith(a) && w.length > a.length + 1) { w = w.slice(a.length); article = true; break; }
      }
      // One letter with a dot (عدنان س. حسن): an initial, not a one-consonant name.
      if (solid === false && [...w].length === 1 && !article && d.arabic.has(w)) {
        const text = d.arabic.get(w)!.latin.replace(/[^a-z]/g, '');
        if (text.length === 1) return [{ text, unvocalised: false, initial: true }];
      }
      let latin = '';
      let first = true;
      for (const ch of w) {
        // A word-initial waw or yeh is a consonant (Walid, Yahya), elsewhere mostly a long vowel.
        latin += first && ch === 'و' ? 'w' : first && (ch === 'ي' || ch === 'ی') ? 'y' : (d.arabic.get(ch)?.latin ?? anyAscii(ch).toLowerCase());
        first = false;
      }
      latin = latin.replace(/[^a-z0-9]/g, '');
      const parts: RawPart[] = [];
      if (article) parts.push({ text: 'al', unvocalised: false, article: true });
      // الإبن (the son, Jr.) is a particle with its article as much as إبن is.
      // (its vocalised skeleton kept: readings.ts glues بن الشيبة as Latin lists do, BINALSHIBH)
      if (d.arabicParticles.has(w)) parts.push({ text: latin, unvocalised: false, article: true, vocalic: arabicVocalic(w) });
      else if (latin) parts.push({ text: latin, unvocalised: true, skeleton: arabicSkeleton(w), vocalic: arabicVocalic(w) });
      return parts;
    }
    case 'hebrew':
      // Read as Latin letters: Hebrew names are rare on the lists, and a consonant skeleton of
      // them (with vav and yod as consonants) meets too many unrelated names.
      return asciiParts(word).map((text) => ({ text, unvocalised: false }));
    case 'greek': {
      let w = word;
      for (const [from, to] of d.greek) w = w.split(from).join(to);
      return asciiParts(w).map((text) => ({ text, unvocalised: false }));
    }
    case 'han': {
      // A Chinese personal name written solid: one-character surname, then the given name.
      const chars = [...word];
      if (solid && chars.length >= 2 && chars.length <= 4) {
        const surname = asciiParts(chars[0]!);
        return syllables([...surname, ...asciiParts(chars.slice(1).join(''))], surname.length);
      }
      // One word of several: a given name (or a surname) whole, one syllable per character, in order
      // (readings.ts also tries them glued: 玉华 as YUHUA).
      return syllables(chars.flatMap(asciiParts), 0);
    }
    case 'hangul': {
      // Korean names are romanised syllable by syllable (KIM Jong Un); a solid name is surname + given name.
      const parts = [...word].flatMap(asciiParts);
      return syllables(parts, solid && parts.length >= 3 ? 1 : 0);
    }
    default: {
      let w = word;
      if (ARMENIAN.test(w)) for (const [from, to] of d.armenian) w = w.split(from).join(to);
      return asciiParts(w).map((text) => ({ text, unvocalised: false }));
    }
  }
}

// Latin articles glued by a hyphen (al-Qadhafi, ad-Din, ash-Shami) are particles.
const HYPHEN_ARTICLE = /^(al|el|ul|ad|ar|as|ash|at|az|an|ud|ur|us|ut|adh|ath)-(?=\p{L})/u;

const isArticle = (t: NameToken | undefined): boolean => t !== undefined && t.kind === 'particle' && matchingData().latinArticles.has(t.text);

/**
 * Arabic compound names become one token whichever way they are written (data/matching/scripts.json,
 * "compounds"): Abd al-Rahman, ABDUL RAHMAN, عبد الرحمن -> one token; Nur al-Din, نور الدين -> one token.
 */
export function joinCompounds(tokens: NameToken[]): void {
  const d = matchingData();
  const isSuffix = (t: NameToken | undefined): boolean =>
    t !== undefined && (t.unvocalised ? d.compoundSuffixVocalics.has(t.vocalic ?? '') : d.compoundSuffixes.has(t.text));
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i]!;
    if (head.kind !== 'name') continue;
    const article = isArticle(tokens[i + 1]) ? tokens[i + 1] : undefined;
    const next = tokens[i + (article ? 2 : 1)];
    if (!next || next.kind !== 'name') continue;
    // Never across the comma of "SURNAME, GIVEN NAMES" (QURESHI, Allah Bakhsh is not QURESHIALLAH).
    if (head.surname !== next.surname) continue;
    const headIsPrefix = d.compoundPrefixes.has(head.text) || (head.unvocalised && head.text === 'bd');
    const prefixJoins = headIsPrefix && (article !== undefined || !d.compoundPrefixesNeedingArticle.has(head.text));
    if (!prefixJoins && !isSuffix(next)) continue;
    const joined: NameToken = {
      text: head.text + (article ? article.text : '') + next.text,
      kind: 'name',
      surname: head.surname || next.surname,
      unvocalised: head.unvocalised || next.unvocalised,
      skeleton: head.skeleton + (article ? 'l' : '') + next.skeleton,
    };
    if (head.vocalic !== undefined && next.vocalic !== undefined) joined.vocalic = joinVocalic(head.vocalic, article !== undefined, next.vocalic);
    tokens.splice(i, article ? 3 : 2, joined);
  }
}

function buildToken(part: RawPart, surname = false): NameToken {
  // Unvocalised renderings (mhmd, mr, sid) are consonant strings, not English words: always name parts.
  // A Korean or Chinese syllable is a name part whatever English word it spells (이 I, 德 De, 安 An).
  const kind: TokenKind = part.article ? 'particle' : part.initial ? 'initial' : part.unvocalised || part.syllabic ? 'name' : classify(part.text);
  const token: NameToken = {
    text: part.text,
    kind,
    surname: surname && kind === 'name',
    unvocalised: part.unvocalised,
    skeleton: part.skeleton ?? latinSkeleton(part.text),
  };
  if (part.syllabic) token.syllabic = true;
  if (part.joined) token.joined = true;
  if (part.vocalic !== undefined) token.vocalic = part.vocalic;
  // A Latin article glued without a hyphen: ALQADHAFI, ELKADDAFI.
  if (!part.unvocalised && kind === 'name' && part.text.length >= 6) {
    const m = /^(al|el)(.{4,})$/.exec(part.text);
    if (m && matchingData().latinArticles.has(m[1]!)) token.bare = m[2]!;
  }
  return token;
}

/** Each side of a split at least this many letters (an article on the right not counted). */
export const SPLIT_PART_MIN = 3;
/** At most this many splits of one word. */
export const MAX_SPLITS = 3;

/**
 * Two words an Arabic-script word may be, written without the space: after a letter that never
 * joins the next (ر, د, و, ا …) a missing space is invisible (ظاهرعويس DAHIR AWEYS, أبوغيث ABO
 * GHAITH, محمدعبد); a glued particle (بنحسين BEN HASSINE) is plain to see but common. Tried only as
 * another reading (readings.ts), when the word as written meets nothing.
 */
function arabicSplits(word: string): NameToken[][] {
  const d = matchingData();
  const chars = [...word];
  const article = d.arabicArticles.find((a) => word.startsWith(a) && chars.length > a.length + 1);
  const start = article ? [...article].length : 0;
  const at = new Set<number>();
  for (const p of d.gluedPrefixes) if (word.startsWith(p, start) && chars.length - start - [...p].length >= SPLIT_PART_MIN) at.add(start + [...p].length);
  for (let k = start + SPLIT_PART_MIN; k <= chars.length - SPLIT_PART_MIN; k++) if (d.nonJoining.has(chars[k - 1]!)) at.add(k);
  const out: NameToken[][] = [];
  for (const k of [...at].sort((a, b) => a - b)) {
    const right = chars.slice(k).join('');
    const bareRight = d.arabicArticles.reduce((r, a) => (r.startsWith(a) ? r.slice(a.length) : r), right);
    if ([...bareRight].length < SPLIT_PART_MIN || out.length >= MAX_SPLITS) continue;
    const tokens = [chars.slice(0, k).join(''), right].flatMap((w) => transliterateWord(w, 'arabic', false).map((p) => buildToken(p)));
    joinCompounds(tokens);
    if (tokens.some((t) => t.unvocalised)) out.push(tokens);
  }
  return out;
}

// Words repeat across names (given names, legal forms, trade words); what a word yields apart from
// the surname mark (which depends on the whole name) is remembered, bounded like the other caches.
type WordToken = Omit<NameToken, 'surname'>;
const wordTokensOf = memoized((key: string): WordToken[] => computeWordTokens(key.slice(1), key[0] === '1'));

/** The tokens of one word of a name (`solid`: the word is the whole name), without surname marks. */
const wordTokens = (rawWord: string, solid: boolean): WordToken[] => wordTokensOf(`${solid ? 1 : 0}${rawWord}`);

function computeWordTokens(rawWord: string, solid: boolean): WordToken[] {
  const d = matchingData();
  const tokens: WordToken[] = [];
  let folded = foldCase(rawWord);
  // Hyphenated pieces: an article is a particle; other pieces are separate tokens.
  const pieces: { text: string; article: boolean }[] = [];
  for (;;) {
    const m = HYPHEN_ARTICLE.exec(folded);
    if (!m) break;
    pieces.push({ text: m[1]!, article: true });
    folded = folded.slice(m[0].length);
  }
  for (const p of folded.split(/[-\u2010-\u2015]+/)) if (p) pieces.push({ text: p, article: false });
  for (const piece of pieces) {
    const script = scriptOf(piece.text);
    const parts: RawPart[] = piece.article ? [{ text: piece.text, unvocalised: false, article: true }] : transliterateWord(piece.text, script, solid && pieces.length === 1);
    for (const part of parts) {
      const { surname: _, ...token }: NameToken = buildToken(part);
      if (script === 'arabic' && parts.length === 1 && token.unvocalised) {
        const splits = arabicSplits(piece.text);
        if (splits.length) token.splits = splits;
      }
      tokens.push(token);
    }
  }
  return tokens;
}

export function tokenizeName(raw: string): NameToken[] {
  const d = matchingData();
  // Dotted initials: a legal form stays one word (S.A. -> SA, B.V. -> BV), others are initials (Q.C. -> Q C).
  const stripped = stripIgnorable(raw);
  // (Most names have no dot: the look-around pattern is skipped for them.)
  const nfkc = !stripped.includes('.') ? stripped : stripped.replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){1,}\p{L}\.?(?![\p{L}\p{N}])/gu, (m) => {
    const letters = m.replace(/\./g, '');
    return d.legalForms.has(foldCase(letters)) ? letters : ` ${[...letters].join(' ')} `;
  });
  // Surname hints come from the original casing and the comma.
  const commaAt = nfkc.indexOf(',');
  const beforeComma = commaAt > 0 ? nfkc.slice(0, commaAt) : '';
  const hasComma = commaAt > 0 && nfkc.slice(commaAt + 1).trim().length > 0 && beforeComma.trim().split(/\s+/).length <= 3;
  const words = nfkc.split(/[\s,;/()[\]{}"|+&*:!?<>=_~#@\\·・.]+/u).filter(Boolean);
  const letters = nfkc.replace(/[^\p{L}]/gu, '');
  const mixedCase = /\p{Lu}/u.test(letters) && /\p{Ll}/u.test(letters);

  const tokens: NameToken[] = [];
  let offset = 0;
  const solid = words.length === 1;
  for (const rawWord of words) {
    const at = nfkc.indexOf(rawWord, offset);
    offset = at + rawWord.length;
    const capsWord = mixedCase && rawWord.length > 1 && /\p{L}/u.test(rawWord) && rawWord === rawWord.toUpperCase() && rawWord !== rawWord.toLowerCase();
    const surname = (hasComma && at < commaAt) || capsWord;
    // An Arabic article written apart (سالم مصطفى محمد ال منصور) is the next word's; آل (family of, Al
    // Saud), which folding makes ال, is a name part.
    if (d.arabicArticles.includes(rawWord)) {
      tokens.push(buildToken({ text: 'al', unvocalised: false, article: true }));
      continue;
    }
    for (const t of wordTokens(rawWord, solid)) {
      const token: NameToken = { text: t.text, kind: t.kind, surname: surname && t.kind === 'name', unvocalised: t.unvocalised, skeleton: t.skeleton };
      if (t.syllabic) token.syllabic = true;
      if (t.joined) token.joined = true;
      if (t.vocalic !== undefined) token.vocalic = t.vocalic;
      if (t.bare !== undefined) token.bare = t.bare;
      if (t.splits) token.splits = surname ? t.splits.map((r) => r.map((x) => ({ ...x, surname: x.kind === 'name' }))) : t.splits;
      tokens.push(token);
    }
  }
  joinCompounds(tokens);
  // In a name of one or two tokens a short legal form or a particle is more likely a name part
  // ("Thomas Sá", Chinese "Bin"): it keeps a name token's weight.
  if (tokens.length <= 2) {
    for (const t of tokens) {
      if ((t.kind === 'particle' && !d.latinArticles.has(t.text)) || (t.kind === 'legal' && t.text.length <= 3)) t.kind = 'name';
    }
    // ...and so is a title written last (Maria King, Makuta Maulana: a surname, not a title).
    const last = tokens[tokens.length - 1];
    if (tokens.length === 2 && last && last.kind === 'title' && last.text.length >= 3 && tokens[0]!.kind === 'name') last.kind = 'name';
  }
  return tokens;
}
