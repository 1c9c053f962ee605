// Calendar dates as YYYY-MM-DD strings (UTC), which compare correctly as strings.
import { VigilInputError } from '../model/errors.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function checkDate(s: string, field: string): string {
  const d = new Date(`${s}T00:00:00Z`);
  if (!DAY.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new VigilInputError(`"${s}" is not a date as YYYY-MM-DD`, field);
  }
  return s;
}

/** The day before the same date `years` later: a licence issued 2026-03-01 for two years runs to 2028-02-29. */
export function yearsLater(s: string, years: number): string {
  const d = new Date(`${s}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
