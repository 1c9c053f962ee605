// What every list source folder provides, and what parsing a list file yields.
import type { ListEntry } from '../model/index.js';

/** Collects non-fatal findings while a file is parsed; fatal ones throw VigilInputError. */
export interface ParseContext {
  /** Path shown in messages. */
  file: string;
  warnings: string[];
  /** Called with the number of bytes consumed, for progress bars. */
  onBytes?: (n: number) => void;
}

/** A list file or file set as given on the command line, resolved to concrete files. */
export interface ResolvedInput {
  /** What the user named (file or directory). */
  path: string;
  /** Files to read, keyed by their canonical name in the set (for single files: the base name). */
  files: Record<string, string>;
  /** Canonical names in the fixed order used for hashing. */
  order: string[];
  totalBytes: number;
}

export interface ParsedEntries {
  entries: ListEntry[];
  /** A list date the file states itself (UN dateGenerated, UK title line), YYYY-MM-DD. */
  listDate?: string;
  /** Source-specific counts reported to the user and checked by tests (aliases joined, ...). */
  stats: Record<string, number>;
}

export interface DownloadFile {
  /** Official address. */
  url: string;
  /** Canonical name the parser expects for it. */
  name: string;
  /** A file set may miss optional members. */
  required: boolean;
}

export interface ListSource {
  /** Source id on entries and snapshots: 'us-csl', 'un', ... */
  id: string;
  /** Names accepted by `vigil lists import FORMAT` (the first is canonical). */
  formats: string[];
  title: string;
  /** One file, or a directory holding a fixed set of files (OFAC legacy CSV). */
  input: { kind: 'file' } | { kind: 'directory'; files: { name: string; required: boolean }[] };
  parse(input: ResolvedInput, ctx: ParseContext): Promise<ParsedEntries>;
  /** Official download addresses for `vigil lists update`; absent when none is known. */
  download?: DownloadFile[];
  /**
   * false: `vigil lists update` without --source skips this source (its official address serves a
   * layout this parser does not read yet); `--source ID` still tries it.
   */
  updateByDefault?: boolean;
}
