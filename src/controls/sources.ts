// The documents a control catalogue is built from: the shipped data files, or a copy kept in the
// store (store.getControlCatalog) so that a case replays on the catalogue it was assessed with.
// Either way the catalogue is built by the same code from the same texts, and its sha256 is
// computed from those texts, never taken on trust.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { controlsDir, parseControlsCsv, parseControlsJson, readControlsText } from './data-files.js';

/** Path (relative to data/controls/) → file text. */
export type ControlDocuments = Readonly<Record<string, string>>;

/** The data files a catalogue is built from (its sha256 covers exactly these). */
export const CATALOG_FILES: readonly string[] = [
  'us-ear/ccl.json', 'supplement.json', 'synonyms.json', 'eu/list-scope.json', 'eu/regulations.json',
  'chemicals/ag_precursors_1C350.csv', 'chemicals/cwc_not_ag_1C355.csv', 'chemicals/cwc_schedules.csv',
  'chemicals/ag_pathogens_toxins_1C351.csv',
];

/**
 * SHA-256 over the documents in path order, each as `path:sha256(text)\n`. Its first 12 hex digits
 * are the fingerprint in the catalogue's version, as before the documents were kept, so the
 * versions of old cases still compare equal.
 */
export function documentsSha256(documents: ControlDocuments): string {
  const h = createHash('sha256');
  for (const path of Object.keys(documents).sort()) {
    h.update(`${path}:${createHash('sha256').update(documents[path]!).digest('hex')}\n`);
  }
  return h.digest('hex');
}

export class ControlSources {
  readonly sha256: string;

  private constructor(
    readonly documents: ControlDocuments,
    /** How an error names a document: its path on disk, or the kept copy it came from. */
    private readonly where: (path: string) => string,
  ) {
    this.sha256 = documentsSha256(documents);
  }

  /** The shipped files, read once, whole. */
  static fromDisk(): ControlSources {
    const documents: Record<string, string> = {};
    for (const path of CATALOG_FILES) documents[path] = readControlsText(path);
    return new ControlSources(documents, (path) => join(controlsDir(), path));
  }

  /** Documents held in memory (a kept catalogue); `label` names their origin in errors. */
  static fromDocuments(documents: ControlDocuments, label: string): ControlSources {
    const missing = CATALOG_FILES.filter((path) => typeof documents[path] !== 'string');
    if (missing.length) throw new Error(`vigil: ${label} lacks the control data file(s) ${missing.join(', ')}`);
    return new ControlSources({ ...documents }, (path) => `${path} (${label})`);
  }

  json<T>(path: string): T {
    return parseControlsJson<T>(this.text(path), this.where(path));
  }

  csv(path: string): Record<string, string>[] {
    return parseControlsCsv(this.text(path), this.where(path));
  }

  private text(path: string): string {
    const text = this.documents[path];
    // A loader asking for a file outside CATALOG_FILES is a programming error: the sha256 would not cover it.
    if (text === undefined) throw new Error(`vigil: control data ${path} is not among the catalogue's files (${CATALOG_FILES.join(', ')})`);
    return text;
  }
}
