// What the query says beyond the name (type, country, birth year) refines a name score. A
// mismatch lowers the score; a birth-year mismatch never hides an exact-name hit.
import type { EntityType } from '../model/list-entry.js';
import { round } from './scorer.js';

export interface FilterQuery { type?: EntityType; country?: string; birthYear?: number }
export interface FilterTarget { type: EntityType; countries: readonly string[]; birthDates: readonly string[] }

export const TYPE_MISMATCH_DELTA = -0.2;
export const COUNTRY_MISMATCH_DELTA = -0.05;
export const BIRTH_YEAR_MISMATCH_DELTA = -0.15;
export const BIRTH_YEAR_NEAR_DELTA = -0.07;
/** A common name (COMMON_NAME_EXPECTED) with a birth year more than five years off: another person. */
export const COMMON_NAME_BIRTH_YEAR_DELTA = -0.25;
/**
 * A common Chinese, Korean or Arabic-script name written in its own script, with a birth year, against
 * a list entry that gives it only romanised and with no birth date (issue 13, kind 7: 王伟 against WANG
 * Wei, 성훈 김 against KIM Song Hun, محمد جلالی against a Latin JALALI). One romanised syllable stands for
 * many written ones, and Arabic script leaves its vowels unwritten, so only a romanisation that many
 * people share agrees: weaker than the same name written the same way. An exact common name
 * in the list's own writing (Anthony Fernandez against an undated Anthony Fernandez) keeps its score:
 * the list gives nothing to tell the two apart, so the officer has to.
 */
export const COMMON_NAME_UNDATED_DELTA = -0.16;
/** A name score at or above this is an exact-name hit (kept at the threshold despite another birth year, unless the name is common). */
export const EXACT_NAME = 0.99;

export interface Filtered { score: number; notes: string[]; adjustments: { reason: string; delta: number }[] }

/**
 * A name is common when this many or more list names would carry it by chance (the product of its
 * name parts' frequencies in the lists times the number of names): Wang Wei, Kim Yong Chol,
 * Anthony Fernandez. A common name with another birth year is another person.
 */
export const COMMON_NAME_EXPECTED = 0.01;

export function applyFilters(nameScore: number, q: FilterQuery, t: FilterTarget, threshold: number, commonName = false, romanisedOnly = false): Filtered {
  const notes: string[] = [];
  const adjustments: { reason: string; delta: number }[] = [];
  let score = nameScore;
  const adjust = (reason: string, delta: number, note: string) => {
    score += delta;
    adjustments.push({ reason, delta });
    notes.push(`${note} (${delta})`);
  };
  if (q.type && q.type !== 'unknown' && t.type !== 'unknown' && q.type !== t.type) {
    adjust('type mismatch', TYPE_MISMATCH_DELTA, `type ${q.type} differs from listed ${t.type}`);
  }
  if (q.country && t.countries.length) {
    const cc = q.country.toUpperCase();
    if (t.countries.includes(cc)) notes.push(`country ${cc} is among the listed countries`);
    else adjust('country mismatch', COUNTRY_MISMATCH_DELTA, `country ${cc} not among listed ${t.countries.join(', ')}`);
  }
  if (q.birthYear !== undefined) {
    const years = t.birthDates.map((d) => Number(d.slice(0, 4))).filter((y) => Number.isFinite(y) && y > 0);
    if (years.length === 0 && commonName && romanisedOnly) {
      adjust('common name, romanised only, no listed birth date', COMMON_NAME_UNDATED_DELTA, `birth year ${q.birthYear} given, the list gives none, and the common name agrees only in its romanisation`);
    } else if (years.length) {
      const gap = Math.min(...years.map((y) => Math.abs(y - q.birthYear!)));
      if (gap === 0) notes.push(`birth year ${q.birthYear} matches`);
      else if (gap <= 1) notes.push(`birth year ${q.birthYear} within a year of listed ${years.join(', ')}`);
      else {
        const delta = gap <= 5 ? BIRTH_YEAR_NEAR_DELTA : commonName ? COMMON_NAME_BIRTH_YEAR_DELTA : BIRTH_YEAR_MISMATCH_DELTA;
        adjust('birth year mismatch', delta, `birth year ${q.birthYear} differs from listed ${years.join(', ')}`);
        if (nameScore >= EXACT_NAME && score < threshold && !commonName) {
          notes.push('exact name: kept at the threshold despite the birth-year difference');
          adjustments.push({ reason: 'exact name kept', delta: round(threshold - score) });
          score = threshold;
        }
      }
    }
  }
  return { score: Math.max(0, Math.min(1, round(score))), notes, adjustments };
}
