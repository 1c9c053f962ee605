// Other readings of a query's tokens, screened beside the query as written (the best score per
// listed entry wins):
// - a glued word split in two where both halves are known names: MOAMMARGADHAFI, or a name whose
//   space was an invisible character (Moammar\u200BGadhafi, normalize.ts removes those);
// - a compound prefix left dangling at the end (Qadeer Khan Abdul: given names moved to the end, as
//   in customer files) joined to each other name part in turn, as the tokenizer joins Abdul Qadeer;
// - the syllables of a Chinese or Korean given name glued into one word (玉华 -> YUHUA), as lists
//   often write them, when the glued word is a known name.
import { matchingData } from './data.js';
import { prepareToken, type PreparedToken } from './prepared.js';
import { latinToken } from './tokenize.js';

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

export function alternativeReadings(tokens: readonly PreparedToken[], known: (text: string) => boolean): PreparedToken[][] {
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
  // Two words a list writes as one: a Latin pair whose glued form is a known word (Shahid Khel,
  // SHAHIDKHEL), or an Arabic-script word and a Persian/Pashto ending written apart (ولی جان, WALIJAN).
  for (let i = 0; i + 1 < tokens.length && out.length < MAX_READINGS; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a.kind !== 'name' || b.kind !== 'name' || a.unvocalised !== b.unvocalised || a.syllabic || b.syllabic) continue;
    let joined: PreparedToken | undefined;
    if (!a.unvocalised) {
      if (known(a.text + b.text)) joined = prepareToken(latinToken(a.text + b.text, a.surname || b.surname));
    } else if (b.vocalic !== undefined && a.vocalic !== undefined && d.gluedSuffixVocalics.has(b.vocalic)) {
      joined = prepareToken({ text: a.text + b.text, kind: 'name', surname: a.surname || b.surname, unvocalised: true, skeleton: a.skeleton + b.skeleton, vocalic: a.vocalic + b.vocalic });
    }
    if (joined) out.push([...tokens.slice(0, i), joined, ...tokens.slice(i + 2)]);
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
  // بن + article + name written as one Latin word (BINALSHIBH): بن is a particle here.
  for (let i = 0; i + 2 < tokens.length && out.length < MAX_READINGS; i++) {
    const [b, a, n] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (b.kind !== 'particle' || b.text !== 'bn' || a.kind !== 'particle' || !d.latinArticles.has(a.text) || !n.unvocalised || n.vocalic === undefined) continue;
    out.push([...tokens.slice(0, i), prepareToken({ text: 'bnal' + n.text, kind: 'name', surname: n.surname, unvocalised: true, skeleton: 'bnl' + n.skeleton, vocalic: 'bnOL' + n.vocalic }), ...tokens.slice(i + 3)]);
  }
  return out;
}


/** One insertion, deletion, substitution or swap of neighbours apart (Damerau). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
