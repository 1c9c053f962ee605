// Control catalogues kept by content hash for replay, as rule sets are: the catalogue's source
// documents ({path: text}) as one JSON text, gzip-compressed (about 1.3 MB of JSON, 0.2 MB stored).
// `encoding` names the form of `body`, so a later form can be added without a migration;
// `raw_bytes` is the JSON's length, for reporting without decompressing.
import type { DdlDialect } from './dialect.js';

export function controlCatalogsSchema(d: DdlDialect): string[] {
  return [
    `CREATE TABLE control_catalogs (
      sha256 TEXT PRIMARY KEY,
      version TEXT NOT NULL,
      encoding TEXT NOT NULL,
      raw_bytes ${d.bigint} NOT NULL,
      body ${d.bytes} NOT NULL,
      created_at TEXT NOT NULL
    )`,
  ];
}
