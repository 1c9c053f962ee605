// Control catalogues kept by content hash for replay: the documents a catalogue was built from,
// stored once (the first write wins, as for rule sets) and given back exactly.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ControlCatalogDocuments, KeptControlCatalog } from '../store.js';
import type { Executor } from './executor.js';

const GZIP_JSON = 'json+gzip';

export async function putControlCatalog(ex: Executor, sha256: string, version: string, documents: ControlCatalogDocuments): Promise<void> {
  // Compressing costs tens of milliseconds: skip it when the catalogue is already kept.
  if (await ex.get('SELECT 1 AS kept FROM control_catalogs WHERE sha256 = ?', [sha256])) return;
  const json = Buffer.from(JSON.stringify(documents), 'utf8');
  await ex.run(
    'INSERT INTO control_catalogs (sha256, version, encoding, raw_bytes, body, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
    [sha256, version, GZIP_JSON, json.length, gzipSync(json), new Date().toISOString()],
  );
}

interface Row { version: string; encoding: string; raw_bytes: number; body: Buffer }

export async function getControlCatalog(ex: Executor, sha256: string): Promise<KeptControlCatalog | undefined> {
  const row = await ex.get<Row>('SELECT version, encoding, raw_bytes, body FROM control_catalogs WHERE sha256 = ?', [sha256]);
  if (!row) return undefined;
  const where = `kept control catalogue ${sha256}`;
  if (row.encoding !== GZIP_JSON) throw new Error(`vigil: ${where} is stored as ${JSON.stringify(row.encoding)}, which this Vigil cannot read`);
  let documents: ControlCatalogDocuments;
  try {
    documents = JSON.parse(gunzipSync(row.body).toString('utf8')) as ControlCatalogDocuments;
  } catch (err) {
    throw new Error(`vigil: ${where} cannot be read: ${(err as Error).message}`);
  }
  return { version: row.version, documents, rawBytes: Number(row.raw_bytes), storedBytes: row.body.length };
}
