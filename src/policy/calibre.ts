// The calibre an item's description states ('7.62x39 mm', '155 mm', '.50 cal', '12-gauge'), in
// millimetres. Military-list codes do not separate small-arms ammunition from ammunition for heavy
// weapons (ML3.a covers both), while several UN measures reach only the latter; the calibre the
// exporter wrote is the fact that tells them apart.

const NUM = String.raw`(\d{1,3}(?:[.,]\d{1,3})?)`;
const CASE = new RegExp(String.raw`${NUM}\s*[x×]\s*\d{1,3}(?:[.,]\d{1,3})?\s*(?:mm|[RB]\b|SR\b)?`, 'gi');
const MM = new RegExp(String.raw`${NUM}\s*-?\s*mm\b`, 'gi');
const INCH = /(?:^|[\s(])\.(\d{2,3})\s*(?:-?\s*)(?:cal(?:ibre|iber)?\b|BMG|ACP|LR\b|S&W|Win|Mag|Remington|Rem\b|Auto|Special|in\b)/gi;
const GAUGE = /(\d{1,2})\s*-?\s*(?:gauge|ga\b|bore\b)/gi;

const num = (s: string) => Number(s.replace(',', '.'));

/** Every calibre the description states, in mm (empty when it states none). */
export function statedCalibres(description: string): number[] {
  let text = description;
  const out: number[] = [];
  // '7.62x39 mm': the bore is the first number; the case length must not be read as a calibre.
  text = text.replace(CASE, (_m, bore: string) => { out.push(num(bore)); return ' '; });
  text = text.replace(MM, (_m, v: string) => { out.push(num(v)); return ' '; });
  text = text.replace(INCH, (_m, v: string) => { out.push(Math.round(Number(`0.${v}`) * 25.4 * 10) / 10); return ' '; });
  // A shotgun gauge n: a lead ball of 1/n lb; bore ≈ 1.67 in / n^(1/3) (12-gauge ≈ 18.5 mm).
  text.replace(GAUGE, (_m, n: string) => { out.push(Math.round((1.67 / Math.cbrt(Number(n))) * 25.4 * 10) / 10); return ' '; });
  return out.filter((x) => x > 0);
}
