// Format names → list sources. A new list is a new folder under src/lists/ and one line here.
import { basename } from 'node:path';
import type { ListEntry } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import { bisDpl } from './bis-dpl/index.js';
import { euFsf } from './eu-fsf/index.js';
import { dateFromName, hashInput, mtimeDate, resolveInput } from './input.js';
import { ofacNonSdn } from './ofac-nonsdn/index.js';
import { ofacSdn } from './ofac-sdn/index.js';
import type { ListSource } from './types.js';
import { ukOfsi } from './uk-ofsi/index.js';
import { un } from './un/index.js';
import { usCsl } from './us-csl/index.js';

export const LIST_SOURCES: readonly ListSource[] = [usCsl, un, ofacSdn, ofacNonSdn, bisDpl, ukOfsi, euFsf];

export function formatNames(): string[] {
  return LIST_SOURCES.flatMap((s) => s.formats);
}

export function sourceForFormat(format: string): ListSource {
  const f = format.trim().toLowerCase();
  const s = LIST_SOURCES.find((x) => x.formats.includes(f));
  if (!s) throw new VigilInputError(`unknown list format "${format}"; known formats: ${formatNames().join(', ')}`, 'FORMAT');
  return s;
}

/** A source by its id, or by a format name (`--source uk` is the UK source `uk-ofsi`). */
export function sourceById(id: string): ListSource {
  const f = id.trim().toLowerCase();
  const s = LIST_SOURCES.find((x) => x.id === id) ?? LIST_SOURCES.find((x) => x.formats.includes(f));
  if (!s) throw new VigilInputError(`unknown list source "${id}"; known sources: ${LIST_SOURCES.map((x) => x.id).join(', ')}`, '--source');
  return s;
}

export type ListDateOrigin = 'option' | 'file content' | 'file name' | 'file name (month only)' | 'download' | 'file mtime';

export interface ParsedListFile {
  source: string;
  format: string;
  entries: ListEntry[];
  listDate: string;
  listDateFrom: ListDateOrigin;
  /** SHA-256 of the file bytes (for a file set: of its members in a fixed order, see input.ts). */
  sha256: string;
  fileName: string;
  warnings: string[];
  stats: Record<string, number>;
}

export interface ParseOptions {
  /** --list-date: wins over everything else. */
  listDate?: string;
  /** A date known from elsewhere (download time / Last-Modified), used before the file mtime. */
  fallbackListDate?: string;
  /** Progress callback: bytes read so far of `total`. */
  onBytes?: (n: number, total: number) => void;
}

/** Parse a whole list file (or OFAC file set). Throws VigilInputError naming file and line/field. */
export async function parseListFile(format: string, path: string, o: ParseOptions = {}): Promise<ParsedListFile> {
  const source = sourceForFormat(format);
  if (o.listDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.listDate)) {
    throw new VigilInputError(`"${o.listDate}" is not a date (YYYY-MM-DD)`, '--list-date');
  }
  const input = await resolveInput(source, path);
  const warnings: string[] = [];
  let read = 0;
  const ctx = {
    file: path, warnings,
    onBytes: o.onBytes && ((n: number) => { read += n; o.onBytes!(read, input.totalBytes); }),
  };
  const [parsed, sha256] = await Promise.all([source.parse(input, ctx), hashInput(input)]);
  const fileName = basename(input.path);
  const { date, from } = await chooseListDate(o, parsed.listDate, fileName, input.files[input.order[0]!]!, warnings);
  return {
    source: source.id, format: source.formats[0]!, entries: parsed.entries, listDate: date, listDateFrom: from,
    sha256, fileName, warnings, stats: parsed.stats,
  };
}

async function chooseListDate(
  o: ParseOptions, fromContent: string | undefined, fileName: string, firstFile: string, warnings: string[],
): Promise<{ date: string; from: ListDateOrigin }> {
  if (o.listDate) {
    if (fromContent && fromContent !== o.listDate) warnings.push(`--list-date ${o.listDate} differs from the date the file states (${fromContent}); using ${o.listDate}`);
    return { date: o.listDate, from: 'option' };
  }
  if (fromContent) return { date: fromContent, from: 'file content' };
  const named = dateFromName(fileName) ?? dateFromName(basename(firstFile));
  if (named && !named.partial) return { date: named.date, from: 'file name' };
  if (named) {
    warnings.push(`list date taken as ${named.date} from the month in the name "${fileName}"; give --list-date for the exact day`);
    return { date: named.date, from: 'file name (month only)' };
  }
  if (o.fallbackListDate) return { date: o.fallbackListDate, from: 'download' };
  const date = await mtimeDate(firstFile);
  warnings.push(`no list date in the file or its name; using the file's modification date ${date} (give --list-date to set it)`);
  return { date, from: 'file mtime' };
}
