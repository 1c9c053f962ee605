// OFAC legacy CSV layout (sdn.csv / add.csv / alt.csv / sdn_comments.csv and the cons_* twins):
// no header (a header line `ent_num,...` is tolerated), `-0-` means empty, CRLF line ends, and the
// files end with an MS-DOS end-of-file byte 0x1A.
import { VigilInputError } from '../../model/errors.js';
import { csvRecords } from '../csv-records.js';
import { readText } from '../text-stream.js';
import type { ParseContext } from '../types.js';

export interface LegacyRow { line: number; fields: (string | undefined)[] }

/** Column counts of the four files of a set. */
export const COLUMNS = { main: 12, alt: 5, add: 6, comments: 2 } as const;

export async function* readLegacy(file: string, shown: string, columns: number, ctx: ParseContext): AsyncGenerator<LegacyRow> {
  const sub: ParseContext = { ...ctx, file: shown };
  let first = true;
  for await (const rec of csvRecords(readText(file, sub, { encoding: 'utf-8', dosEof: true }), shown)) {
    if (first) {
      first = false;
      if (rec.fields[0]?.trim().toLowerCase() === 'ent_num') {
        if (rec.fields.length !== columns) throw wrongColumns(shown, rec.line, columns, rec.fields.length);
        continue;
      }
    }
    if (rec.fields.length !== columns) throw wrongColumns(shown, rec.line, columns, rec.fields.length);
    yield { line: rec.line, fields: rec.fields.map(value) };
  }
}

function value(raw: string): string | undefined {
  const t = raw.trim();
  return t === '' || t === '-0-' ? undefined : t;
}

function wrongColumns(file: string, line: number, want: number, got: number): VigilInputError {
  return new VigilInputError(`expected ${want} columns of the OFAC legacy layout, found ${got}`, `${file}:${line}`);
}
