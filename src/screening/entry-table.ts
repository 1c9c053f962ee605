// The per-entry facts a hit reports (name, list, programs, countries, birth dates), kept as
// parsed objects after a build, or as one JSON line each after loading the cache and parsed only
// when an entry becomes a hit.
import type { ListEntry } from '../model/index.js';

export type EntryInfo = Pick<ListEntry, 'id' | 'source' | 'list' | 'type' | 'programs' | 'countries' | 'birthDates'> & { name: string };

export class EntryTable {
  private readonly parsed: (EntryInfo | undefined)[];
  private constructor(private readonly lines: string[] | undefined, parsed: (EntryInfo | undefined)[]) {
    this.parsed = parsed;
  }
  static fromInfos(infos: EntryInfo[]): EntryTable { return new EntryTable(undefined, infos); }
  static fromLines(lines: string[]): EntryTable { return new EntryTable(lines, new Array(lines.length)); }

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
