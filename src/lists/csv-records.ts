// CSV/TSV records with their line numbers, parsed by csv-parse as the text streams in.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Info } from 'csv-parse';
import { VigilInputError } from '../model/errors.js';
import { MAX_CSV_RECORD_BYTES } from './settings.js';

export interface CsvRecord {
  fields: string[];
  /** Line on which the record ends (1-based). */
  line: number;
}

export interface CsvOptions {
  delimiter?: string;
  /** Accept records whose field count differs from the first record's (then the mapper checks). */
  relaxColumnCount?: boolean;
  /** First line to parse (1-based): skips a title line whose width would otherwise set the expected width. */
  fromLine?: number;
}

export async function* csvRecords(text: AsyncIterable<string>, file: string, opts: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter: opts.delimiter ?? ',',
    info: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: opts.relaxColumnCount ?? false,
    max_record_size: MAX_CSV_RECORD_BYTES,
    ...(opts.fromLine && opts.fromLine > 1 ? { from_line: opts.fromLine } : {}),
  });
  const feeding = pipeline(Readable.from(text), parser);
  feeding.catch(() => { /* the same error surfaces through the iterator below */ });
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      yield { fields: item.record, line: item.info.lines };
    }
    await feeding;
  } catch (err) {
    throw asInputError(err, file);
  }
}

function asInputError(err: unknown, file: string): Error {
  if (err instanceof VigilInputError) return err;
  const e = err as Error & { code?: string; lines?: number };
  // Every csv-parse error is about the file (codes are CSV_… or INVALID_…, e.g. INVALID_OPENING_QUOTE).
  if (err instanceof CsvError || (typeof e.code === 'string' && e.code.startsWith('CSV_'))) {
    return new VigilInputError(`malformed CSV: ${e.message}`, e.lines ? `${file}:${e.lines}` : file);
  }
  return e;
}
