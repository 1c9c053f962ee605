// BIS Denied Persons List, tab-separated text with a header line (one row per person and address).
import { VigilInputError } from '../../model/errors.js';
import { csvRecords } from '../csv-records.js';
import { readText } from '../text-stream.js';
import type { ParseContext } from '../types.js';

export const DPL_COLUMNS = [
  'Name', 'Street_Address', 'City', 'State', 'Country', 'Postal_Code', 'Effective_Date', 'Expiration_Date',
  'Standard_Order', 'Last_Update', 'Action', 'FR_Citation',
] as const;
export type DplColumn = (typeof DPL_COLUMNS)[number];

export interface DplRow { line: number; get(col: DplColumn): string | undefined }

export async function* readDpl(file: string, ctx: ParseContext): AsyncGenerator<DplRow> {
  let index: Map<string, number> | undefined;
  for await (const rec of csvRecords(readText(file, ctx, { encoding: 'utf-8' }), ctx.file, { delimiter: '\t' })) {
    if (!index) {
      index = new Map(rec.fields.map((h, i) => [h.trim().toLowerCase(), i]));
      const missing = DPL_COLUMNS.filter((c) => !index!.has(c.toLowerCase()));
      if (missing.length > 0) {
        throw new VigilInputError(`missing DPL column(s) ${missing.join(', ')}; expected a tab-separated header ${DPL_COLUMNS.join(' ')}`, `${ctx.file}:1`);
      }
      continue;
    }
    const fields = rec.fields;
    const idx = index;
    yield { line: rec.line, get: (c) => fields[idx.get(c.toLowerCase())!] };
  }
  if (!index) throw new VigilInputError('no header row', ctx.file);
}
