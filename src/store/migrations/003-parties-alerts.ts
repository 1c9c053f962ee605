// The party register and its screening alerts (issue 14). One alert per party ↔ list entry pair
// (UNIQUE): a re-screening updates it in place, so a retried or resumed job never duplicates one.
// `fingerprint` hashes what makes the listing itself (names, identifiers, birth dates, programmes,
// listing date): a false-positive stays suppressed while it is unchanged.
import type { DdlDialect } from './dialect.js';

export function partiesAlertsSchema(d: DdlDialect): string[] {
  return [
    `CREATE TABLE parties (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      external_ref TEXT,
      created_at TEXT NOT NULL,
      removed_at TEXT,
      doc TEXT NOT NULL
    )`,
    `CREATE UNIQUE INDEX parties_external_ref ON parties (external_ref) WHERE external_ref IS NOT NULL AND removed_at IS NULL`,
    `CREATE TABLE alerts (
      id TEXT PRIMARY KEY,
      party_id TEXT NOT NULL REFERENCES parties (id),
      entity_id TEXT NOT NULL,
      source TEXT NOT NULL,
      snapshot_id ${d.bigint},
      fingerprint TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'true-match', 'false-positive', 'needs-information')),
      changed INTEGER NOT NULL DEFAULT 0,
      score REAL NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (party_id, entity_id)
    )`,
    `CREATE INDEX alerts_status ON alerts (status, updated_at)`,
    `CREATE INDEX alerts_updated ON alerts (updated_at)`,
  ];
}
