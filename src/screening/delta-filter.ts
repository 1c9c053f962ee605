// Which registered parties could meet an index of a few changed list entries, decided per token and
// without screening: the pre-filter of delta re-screening (issue 14).
//
// Exact, not a heuristic. screener.ts finds a query's candidate names only through the similar
// vocabulary tokens of its own tokens (NameIndex.similarTokens, via SimilarityCache) and of its other
// readings (readings.ts). A party none of whose tokens has a similar token in the index, and whose
// name has no other reading whose tokens have one, therefore has no candidate and no hit: screening
// it is skipped. Every party that passes is screened in full, so the alerts are those a screening of
// every party gives.
// Tokens repeat across a register (given names, legal forms, trade words), so each distinct token is
// judged once: the cost per party is tokenising its name.
// A party some token of which meets the index is then put to the screening's own candidate search
// (ScreeningIndex.mayHit: the similar tokens' names and the score bound at the threshold, in every
// reading of the name) without scoring: a common given name or trade word meets a few changed
// entries, but rarely lets a whole name reach the threshold (100,000-party bench: 801 of 99,995
// parties left to screen, where the token test alone left 99,995).
import { matchingData } from '../matching/data.js';
import { prepareName, prepareToken, type PreparedToken } from '../matching/prepared.js';
import { alternativeReadings, GLUED_MIN, GLUED_PART_MIN } from '../matching/readings.js';
import { tokenizeName, type NameToken } from '../matching/tokenize.js';
import { DEFAULT_THRESHOLD, type ScreeningIndex } from './index.js';

export class DeltaFilter {
  private readonly verdicts = new Map<string, { token: PreparedToken; meets: boolean }>();
  /** `threshold`: the one the screening uses (a lower one lets more names reach a hit). */
  constructor(private readonly index: ScreeningIndex, private readonly threshold = DEFAULT_THRESHOLD) {}

  /**
   * undefined when screening `name` against the index cannot give a hit; else prepareName(name),
   * for the screening (ScreenOptions.tokens), each distinct token prepared once.
   */
  candidate(name: string): PreparedToken[] | undefined {
    let tokens: NameToken[];
    try {
      tokens = tokenizeName(name);
    } catch {
      return prepareName(name); // let the screening itself say what is wrong with the name
    }
    let meets = false;
    const prepared = tokens.map((t) => {
      // Everything prepareToken and the readings look at.
      const key = `${t.text}|${t.kind}|${t.surname ? 1 : 0}|${t.unvocalised ? 1 : 0}|${t.skeleton}|${t.bare ?? ''}|${t.syllabic ? 1 : 0}|${t.vocalic ?? ''}|${t.splits?.map((r) => r.map((x) => x.text).join(' ')).join('/') ?? ''}`;
      let v = this.verdicts.get(key);
      if (v === undefined) {
        const token = prepareToken(t);
        v = { token, meets: this.judge(token) };
        this.verdicts.set(key, v);
      }
      if (v.meets) meets = true;
      return v.token;
    });
    // Arabic-script words cut elsewhere (readings.ts, scriptReadings): when none of the tokens meets
    // anything, every split and merge is tried, and the party goes on if a token of one does.
    if (!meets && prepared.some((t) => t.unvocalised)) {
      meets = alternativeReadings(prepared, () => false, () => false)
        .some((reading) => reading.some((t) => !prepared.includes(t) && this.index.names.similarTokens(t).size > 0));
    }
    return meets && this.index.mayHit(prepared, this.threshold) ? prepared : undefined;
  }

  private judge(t: PreparedToken): boolean {
    const names = this.index.names;
    // Through the screening's own cache: the candidate search (mayHit) then finds the token there.
    if (this.index.meets(t)) return true;
    if (t.kind !== 'name' || t.unvocalised) return false;
    const d = matchingData();
    // A dangling compound prefix is joined to other name parts (readings.ts): screen in full.
    if (d.compoundPrefixes.has(t.text) && !d.compoundPrefixesNeedingArticle.has(t.text)) return true;
    // ...and so is a compound suffix with no name part before it.
    if (d.compoundSuffixes.has(t.text)) return true;
    // A glued word read as two known names (readings.ts, same conditions).
    if (t.syllabic || t.text.length < GLUED_MIN) return false;
    const known = (text: string): boolean => d.equivalents.has(text) || names.knows(text);
    if (known(t.text)) return false;
    for (let k = GLUED_PART_MIN; k <= t.text.length - GLUED_PART_MIN; k++) {
      if (known(t.text.slice(0, k)) && known(t.text.slice(k))) return true;
    }
    return false;
  }
}
