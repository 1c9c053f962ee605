// The common entity model every list source maps to (one shape for CSL, UN, OFAC, BIS, UK...).

export type EntityType = 'person' | 'organization' | 'vessel' | 'aircraft' | 'unknown';

/** How a name relates to the entity: the list's own wording, normalised. */
export type NameKind = 'primary' | 'aka' | 'weak-aka' | 'fka' | 'nka' | 'original-script';

export interface EntryName {
  name: string;
  kind: NameKind;
  /** UN alias quality ('Good', 'Low'), where the source grades it. */
  quality?: string;
}

export interface Identifier {
  type: string;
  value: string;
  country?: string;
  note?: string;
}

export interface Address {
  text?: string;
  city?: string;
  country?: string; // ISO 3166-1 alpha-2 where resolvable
}

export interface ListEntry {
  /** Stable id, unique across sources: `${source}:${sourceId}`. */
  id: string;
  /** Source id, one per list-source folder: 'us-csl', 'un', 'ofac-sdn', 'ofac-nonsdn', 'bis-dpl', 'uk-ofsi'. */
  source: string;
  /** Sub-list as the publisher names it: 'SDN', 'Entity List', 'Denied Persons List', 'UN List'... */
  list: string;
  /** The publisher's own record number (ent_num, DATAID, entity_number...). */
  sourceId: string;
  type: EntityType;
  /** names[0] is the primary name. */
  names: EntryName[];
  /** ISO-2 codes from addresses, nationalities, citizenships. */
  countries: string[];
  programs: string[];
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  birthDates: string[];
  identifiers: Identifier[];
  addresses: Address[];
  remarks?: string;
  licenseRequirement?: string;
  licensePolicy?: string;
  listedOn?: string;
  federalRegisterNotice?: string;
  sourceUrl?: string;
}

/** A list import: one file (or file set) of one source, as imported on one day. */
export interface Snapshot {
  id: number;
  source: string;
  format: string;
  /** Date the publisher gave the list (YYYY-MM-DD). */
  listDate: string;
  /** SHA-256 of the imported file(s), hex. */
  sha256: string;
  fileName: string;
  entryCount: number;
  nameCount: number;
  importedAt: string; // ISO timestamp
  status: 'staged' | 'active' | 'superseded' | 'failed';
  activatedAt?: string;
  note?: string;
}

/** A compact reference to a snapshot, carried on every answer that used it. */
export interface ListVersion {
  id: string; // source
  version: number; // snapshot id
  date: string; // list date
  sha256?: string;
}
