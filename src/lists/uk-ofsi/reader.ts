// UK OFSI Consolidated List ("ConList") CSV: one row per name, rows of one target share a Group ID.
// The file may open with a title line (`Last Updated,DD/MM/YYYY`) before the header; OFSI has
// published it in Windows-1252, so a file that is not valid UTF-8 is read as Windows-1252 (warning).
import { VigilInputError } from '../../model/errors.js';
import { csvRecords } from '../csv-records.js';
import { dmyDate } from '../dates.js';
import { readText } from '../text-stream.js';
import type { ParseContext } from '../types.js';
import { firstLines } from './layout.js';

const REQUIRED = ['Name 6', 'Group Type', 'Group ID'];

export interface UkRow { line: number; get(col: string): string | undefined }
export interface UkFile { titleDate?: string }

export async function readUk(file: string, ctx: ParseContext, onRow: (r: UkRow) => void): Promise<UkFile> {
  let index: Map<string, number> | undefined;
  let width = 0;
  let skip = 0; // leading blank header cells (an index column some exports add)
  let titleDate: string | undefined;
  let seenTitle = false;
  // A title line (`Last Updated,DD/MM/YYYY`) is read here and skipped by the CSV parser: left in, its
  // two fields would set the expected width and csv-parse would build an error object for every
  // later row (seconds on the 18,798-row list).
  const [first] = await firstLines(file, 1);
  const fromLine = first !== undefined && !/(^|,)\s*"?group id"?\s*(,|$)/i.test(first) ? 2 : 1;
  if (fromLine === 2) {
    seenTitle = true;
    titleDate = first!.split(',').map((c) => dmyDate(c.replace(/"/g, '').trim())).find((d) => d && d.length === 10);
  }
  for await (const rec of csvRecords(readText(file, ctx, { encoding: 'utf-8-or-windows-1252' }), ctx.file, { relaxColumnCount: true, fromLine })) {
    if (!index) {
      const cells = rec.fields.map((c) => c.trim());
      if (!cells.some((c) => c.toLowerCase() === 'group id')) {
        if (seenTitle) throw missingColumns(ctx, rec.line, cells);
        seenTitle = true;
        titleDate = cells.map((c) => dmyDate(c)).find((d) => d && d.length === 10);
        continue;
      }
      while (skip < cells.length && cells[skip] === '') skip++;
      const header = cells.slice(skip);
      index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
      const missing = REQUIRED.filter((c) => !index!.has(c.toLowerCase()));
      if (missing.length > 0) throw missingColumns(ctx, rec.line, cells);
      width = header.length;
      continue;
    }
    let fields = rec.fields;
    if (fields.length === width + skip) fields = fields.slice(skip);
    else if (fields.length !== width) {
      throw new VigilInputError(`expected ${width} fields like the header, found ${fields.length}`, `${ctx.file}:${rec.line}`);
    }
    const idx = index;
    onRow({ line: rec.line, get: (c) => { const i = idx.get(c.toLowerCase()); return i === undefined ? undefined : fields[i]; } });
  }
  if (!index) throw new VigilInputError(`no UK list header row: neither the FCDO UK Sanctions List header (a Unique ID column) nor the ConList header (a row naming ${REQUIRED.join(', ')})`, ctx.file);
  return titleDate ? { titleDate } : {};
}

function missingColumns(ctx: ParseContext, line: number, cells: string[]): VigilInputError {
  const have = new Set(cells.map((c) => c.toLowerCase()));
  const missing = REQUIRED.filter((c) => !have.has(c.toLowerCase()));
  return new VigilInputError(`missing ConList column(s) ${missing.join(', ')}; expected the FCDO UK Sanctions List header (a Unique ID column) or the OFSI ConList header (a Group ID column)`, `${ctx.file}:${line}`);
}
