// US Consolidated Screening List CSV (trade.gov): one row per listed party, header on line 1.
// Accepts the current 29-column header and the older one without `_id` (2019 and before).
import { VigilInputError } from '../../model/errors.js';
import { csvRecords } from '../csv-records.js';
import { readText } from '../text-stream.js';
import type { ParseContext } from '../types.js';

export const CSL_COLUMNS = [
  '_id', 'source', 'entity_number', 'type', 'programs', 'name', 'title', 'addresses', 'federal_register_notice',
  'start_date', 'end_date', 'standard_order', 'license_requirement', 'license_policy', 'call_sign', 'vessel_type',
  'gross_tonnage', 'gross_registered_tonnage', 'vessel_flag', 'vessel_owner', 'remarks', 'source_list_url',
  'alt_names', 'citizenships', 'dates_of_birth', 'nationalities', 'places_of_birth', 'source_information_url', 'ids',
] as const;
export type CslColumn = (typeof CSL_COLUMNS)[number];

/** Without these a row cannot become an entry: a file lacking one is not a CSL file. */
const REQUIRED: CslColumn[] = ['source', 'name', 'type', 'programs', 'alt_names', 'addresses'];

export interface CslRow { line: number; get(col: CslColumn): string | undefined }

export async function* readCsl(file: string, ctx: ParseContext): AsyncGenerator<CslRow> {
  let index: Map<string, number> | undefined;
  for await (const rec of csvRecords(readText(file, ctx, { encoding: 'utf-8' }), ctx.file)) {
    if (!index) {
      index = headerIndex(rec.fields, ctx);
      continue;
    }
    const fields = rec.fields;
    const idx = index;
    yield { line: rec.line, get: (col) => { const i = idx.get(col); return i === undefined ? undefined : fields[i]; } };
  }
  if (!index) throw new VigilInputError('no header row', ctx.file);
}

function headerIndex(header: string[], ctx: ParseContext): Map<string, number> {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new VigilInputError(
      `missing CSL column(s) ${missing.join(', ')}; the header must name the CSL columns (${CSL_COLUMNS.join(',')})`,
      `${ctx.file}:1`,
    );
  }
  const known = new Set<string>(CSL_COLUMNS);
  const extra = [...index.keys()].filter((h) => !known.has(h));
  if (extra.length > 0) ctx.warnings.push(`${ctx.file}:1: unknown CSL column(s) ignored: ${extra.join(', ')}`);
  return index;
}
