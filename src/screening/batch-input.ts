// Reading a batch file for `vigil screen --input` / `vigil compare --input`: CSV with a header
// row, or JSON Lines. The file must be UTF-8; a missing required column fails the whole file
// (naming it); a bad row becomes an error record naming the row, and the others go on.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { VigilInputError } from '../model/errors.js';

export interface BatchRow {
  /** 1-based data row (the CSV header is not a row). */
  row: number;
  /** Where it came from, for messages: "file.csv line 7". */
  where: string;
  fields: Record<string, unknown>;
}

export function readBatchFile(path: string, required: string[]): BatchRow[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new VigilInputError(`cannot read: ${(e as Error).message}`, path);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new VigilInputError('not valid UTF-8 text', path);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return readJsonLines(path, text);
  if (ext === '.csv') return readCsv(path, text, required);
  throw new VigilInputError(`unknown file type "${ext || '(none)'}"; use .csv or .jsonl`, path);
}

function readCsv(path: string, text: string, required: string[]): BatchRow[] {
  if (text.trim() === '') throw new VigilInputError('empty file (a header row is required)', path);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    throw new VigilInputError(`CSV error: ${(e as Error).message}`, path);
  }
  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  for (const col of required) {
    if (!header.includes(col)) throw new VigilInputError(`missing column "${col}" (header: ${header.join(', ')})`, `${path} line 1`);
  }
  return records.slice(1).map(({ record, info }, i) => {
    const fields: Record<string, unknown> = {};
    header.forEach((h, k) => { if (record[k] !== undefined && record[k] !== '') fields[h] = record[k]; });
    return { row: i + 1, where: `${path} line ${info.lines}`, fields };
  });
}

function readJsonLines(path: string, text: string): BatchRow[] {
  const rows: BatchRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path} line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      rows.push({ row: rows.length + 1, where, fields: { __error: 'not valid JSON' } });
      return;
    }
    const fields = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { __error: 'not a JSON object' };
    rows.push({ row: rows.length + 1, where, fields });
  });
  if (rows.length === 0) throw new VigilInputError('empty file (no JSON lines)', path);
  return rows;
}
