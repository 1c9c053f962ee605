// Calendar dates as 'YYYY-MM-DD' strings. They compare correctly as strings, so the evaluator never
// builds Date objects in its hot path; validation rejects impossible days such as 2003-02-30.

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(text: string): boolean {
  const m = SHAPE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // day 0 of next month = last day of this one
  return d <= days;
}

/** A period [from, to): `from` is the first day in force, `to` the first day no longer in force. */
export interface Period { from: string | null; to: string | null }

export function inPeriod(p: Period, day: string): boolean {
  return (p.from === null || p.from <= day) && (p.to === null || day < p.to);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
