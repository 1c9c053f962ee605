// The per-entry facts a hit reports (name, list, programs, countries, birth dates), kept as
// parsed objects after a build, or as one JSON line each after loading the cache and parsed only
// when an entry becomes a hit.
import type { ListEntry } from '../model/index.js';

export type EntryInfo = Pick<ListEntry, 'id' | 'source' | 'list' | 'type' | 'programs' | 'countries' | 'birthDates'> & { name: string };

export class EntryTable {
  private readonly parsed: (EntryInfo | undefined)[];
  private linesCache: string[] | undefined;
  private constructor(lines: string[] | undefined, parsed: (EntryInfo | undefined)[], private readonly text?: () => string) {
    this.parsed = parsed;
    this.linesCache = lines;
  }
  private get lines(): string[] | undefined {
    if (!this.linesCache && this.text !== undefined) this.linesCache = this.text().split('\n');
    return this.linesCache;
  }
  static fromInfos(infos: EntryInfo[]): EntryTable { return new EntryTable(undefined, infos); }
  static fromLines(lines: string[]): EntryTable { return new EntryTable(lines, new Array(lines.length)); }
  /** From JSON lines joined by newlines, decoded when first needed. */
  static fromText(text: () => string): EntryTable { return new EntryTable(undefined, [], text); }

  get size(): number { return this.lines?.length ?? this.parsed.length; }

  get(e: number): EntryInfo {
    let info = this.parsed[e];
    if (!info) {
      info = JSON.parse(this.lines![e]!) as EntryInfo;
      this.parsed[e] = info;
    }
    return info;
  }

  /** One JSON line per entry (JSON.stringify never emits a raw newline). */
  toLines(): string[] {
    return Array.from({ length: this.size }, (_, e) => this.lines?.[e] ?? JSON.stringify(this.get(e)));
  }
}
