// FCDO UK Sanctions List, CSV (https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv): a
// title line `Report Date: 21-Sep-2026`, then a 58-column header `Last Updated,Unique ID,OFSI Group
// ID,UN Reference Number,Name 6,Name 1,…,Name type,Alias strength,…,Regime Name,Designation Type,…`
// and one row per name of each designation (rows repeat the designation's other columns, and repeat
// again per date of birth). Layout as recorded in data/lists/PROVENANCE.md. UTF-8.
import { VigilInputError } from '../../model/errors.js';
import { csvRecords } from '../csv-records.js';
import { dayMonthNameDate } from '../dates.js';
import { readText } from '../text-stream.js';
import type { ParseContext } from '../types.js';
import { firstLines, hasCell } from './layout.js';

/** Without these a row cannot be mapped; every other column is read when present. */
export const FCDO_REQUIRED = ['Unique ID', 'Name 6', 'Name type', 'Regime Name', 'Designation Type'];

export interface FcdoRow { line: number; get(col: string): string | undefined }
export interface FcdoFile { reportDate?: string }

export async function readFcdo(file: string, ctx: ParseContext, onRow: (r: FcdoRow) => void): Promise<FcdoFile> {
  const [first] = await firstLines(file, 1);
  // The title line has one field: left in, it would set csv-parse's expected width; it is read here.
  const titled = !hasCell(first, 'unique id');
  const reportDate = titled ? dayMonthNameDate(/report date:\s*([^,"]*)/i.exec(first ?? '')?.[1]) : undefined;
  let index: Map<string, number> | undefined;
  let width = 0;
  for await (const rec of csvRecords(readText(file, ctx, { encoding: 'utf-8' }), ctx.file, { relaxColumnCount: true, fromLine: titled ? 2 : 1 })) {
    if (!index) {
      const cells = rec.fields.map((c) => c.trim());
      index = new Map(cells.map((h, i) => [h.toLowerCase(), i]));
      const missing = FCDO_REQUIRED.filter((c) => !index!.has(c.toLowerCase()));
      if (missing.length > 0) {
        throw new VigilInputError(`missing UK Sanctions List column(s) ${missing.join(', ')}; expected the FCDO header (Last Updated,Unique ID,OFSI Group ID,…)`, `${ctx.file}:${rec.line}`);
      }
      width = cells.length;
      continue;
    }
    const fields = rec.fields;
    // A short row is what a file cut off mid-line leaves: stop rather than import part of a designation.
    if (fields.length !== width) {
      throw new VigilInputError(`expected ${width} fields like the header, found ${fields.length} (file cut off or malformed?)`, `${ctx.file}:${rec.line}`);
    }
    const idx = index;
    onRow({ line: rec.line, get: (c) => { const i = idx.get(c.toLowerCase()); return i === undefined ? undefined : fields[i]; } });
  }
  if (!index) throw new VigilInputError(`no UK Sanctions List header row (a row naming ${FCDO_REQUIRED.join(', ')})`, ctx.file);
  return reportDate ? { reportDate } : {};
}
