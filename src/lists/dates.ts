// Dates as lists write them → 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

const pad = (n: string | number): string => String(n).padStart(2, '0');

function validDay(y: string, m: string, d: string): boolean {
  const dt = new Date(Date.UTC(+y, +m - 1, +d));
  return dt.getUTCFullYear() === +y && dt.getUTCMonth() === +m - 1 && dt.getUTCDate() === +d;
}

/** ISO (YYYY, YYYY-MM, YYYY-MM-DD) as written by CSL and the UN. */
export function isoDate(s: string | undefined): string | undefined {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?\s*$/.exec(s ?? '');
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return validDay(y!, mo!, d) ? `${y}-${mo}-${d}` : undefined;
  if (mo) return +mo >= 1 && +mo <= 12 ? `${y}-${mo}` : undefined;
  return y;
}

/** Day-first numeric dates (UK: 01/08/1979, 00/00/1980 = year only, 00/05/1980 = month only). */
export function dmyDate(s: string | undefined): string | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s ?? '');
  if (!m) return isoDate(s);
  const [, d, mo, y] = m;
  if (+mo! === 0) return y;
  if (+d! === 0) return `${y}-${pad(mo!)}`;
  return validDay(y!, mo!, d!) ? `${y}-${pad(mo!)}-${pad(d!)}` : undefined;
}

/** Month-first numeric dates (BIS DPL: 10/16/2017). */
export function mdyDate(s: string | undefined): string | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s ?? '');
  if (!m) return isoDate(s);
  const [, mo, d, y] = m;
  return validDay(y!, mo!, d!) ? `${y}-${pad(mo!)}-${pad(d!)}` : undefined;
}

/**
 * OFAC remark dates: '12 Jan 1960', 'Jan 1960', '1960', 'circa 1960', '1960 to 1962'.
 * A range gives each year (at most 10); anything else unreadable gives no date.
 */
export function ofacDates(s: string): string[] {
  const t = s.trim();
  let m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!.toLowerCase()]) {
    const mo = MONTHS[m[2]!.toLowerCase()]!;
    return validDay(m[3]!, mo, m[1]!) ? [`${m[3]}-${mo}-${pad(m[1]!)}`] : [];
  }
  m = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[1]!.toLowerCase()]) return [`${m[2]}-${MONTHS[m[1]!.toLowerCase()]}`];
  const years = [...t.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((x) => +x[1]!);
  if (years.length === 2 && / to /.test(t) && years[1]! > years[0]! && years[1]! - years[0]! <= 10) {
    return Array.from({ length: years[1]! - years[0]! + 1 }, (_, i) => String(years[0]! + i));
  }
  return years.length === 1 ? [String(years[0])] : [];
}

/** An inclusive range of years, at most 10 (UN 'BETWEEN'). */
export function yearRange(from: string | undefined, to: string | undefined): string[] {
  const a = Number(from), b = Number(to);
  if (!Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a > 10) return [from, to].filter((x): x is string => !!x && /^\d{4}$/.test(x));
  return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
}

/** Day, month name and year with dashes ('21-Sep-2026', the FCDO UK Sanctions List 'Report Date'). */
export function dayMonthNameDate(s: string | undefined): string | undefined {
  const m = /^\s*(\d{1,2})-([A-Za-z]{3})[a-z]*-(\d{4})\s*$/.exec(s ?? '');
  const mo = m && MONTHS[m[2]!.toLowerCase()];
  return m && mo && validDay(m[3]!, mo, m[1]!) ? `${m[3]}-${mo}-${pad(m[1]!)}` : undefined;
}
