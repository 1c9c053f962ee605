// Serialising a built screening index, so that a cold `vigil screen` loads it instead of
// re-tokenising every list name. The cache is one string (typed arrays as base64 inside JSON),
// stored through the Store's meta table and keyed by the snapshots it was built from and a
// fingerprint of the matching data and code, so that any change rebuilds it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../app/paths.js';
import type { ListVersion } from '../model/index.js';
import type { PreparedToken } from '../matching/prepared.js';
import type { TokenKind } from '../matching/tokenize.js';
import { KeyTable } from './key-table.js';
import { NameIndex, type NameIndexData } from './name-index.js';
import type { EntryInfo } from './screener.js';

/** Bump when the index layout or the meaning of its contents changes. */
const FORMAT = 'vigil-screening-index/3';

let fingerprintCache: string | undefined;
/** Format version plus the content of data/matching/*.json: what the built index depends on besides the lists. */
export function matchingFingerprint(): string {
  if (fingerprintCache) return fingerprintCache;
  const h = createHash('sha256').update(FORMAT);
  const dir = join(dataDir(), 'matching');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) h.update(f).update(readFileSync(join(dir, f)));
  fingerprintCache = h.digest('hex').slice(0, 16);
  return fingerprintCache;
}

export function cacheKeyFor(versions: ListVersion[]): string {
  return `${matchingFingerprint()}|${versions.map((v) => `${v.id}:${v.version}:${v.sha256 ?? ''}`).sort().join(',')}`;
}

type Typed = Int32Array | Uint32Array | Float32Array;
const b64 = (a: Typed): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64<T extends Typed>(s: string, Ctor: { new (buf: ArrayBuffer): T }): T {
  const buf = Buffer.from(s, 'base64');
  // Copy into a fresh, aligned ArrayBuffer.
  const ab = new ArrayBuffer(buf.byteLength);
  new Uint8Array(ab).set(buf);
  return new Ctor(ab);
}

interface Serialised {
  key: string;
  versions: ListVersion[];
  entries: EntryInfo[];
  vocab: [string, TokenKind, 0 | 1, string, string, string, string][];
  nameText: string[];
  arrays: Record<string, string>;
}

export function serialiseIndex(key: string, versions: ListVersion[], names: NameIndex, entries: EntryInfo[]): string {
  const d = names.data;
  const s: Serialised = {
    key, versions, entries,
    vocab: d.vocab.map((t) => [t.text, t.kind, t.unvocalised ? 1 : 0, t.skeleton, t.bare ?? '', t.phonetic.join(' '), t.groups.join(' ')]),
    nameText: d.nameText,
    arrays: {
      df: b64(d.df), nameEntry: b64(d.nameEntry), nameStart: b64(d.nameStart), tokenIds: b64(d.tokenIds), weights: b64(d.weights),
      postingStart: b64(d.postingStart), postingNames: b64(d.postingNames), keyHashes: b64(d.keys.hashes), keyIds: b64(d.keys.ids),
    },
  };
  return JSON.stringify(s);
}

/** The cached index when it was built for `key`, else undefined. */
export function deserialiseIndex(text: string, key: string): { versions: ListVersion[]; names: NameIndex; entries: EntryInfo[] } | undefined {
  // Cheap check before parsing megabytes: the key is the first field.
  const head = text.slice(0, 600);
  if (!head.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
  const s = JSON.parse(text) as Serialised;
  const a = s.arrays;
  const vocab: PreparedToken[] = s.vocab.map(([text, kind, u, skeleton, bare, phonetic, groups]) => {
    const t: PreparedToken = {
      text, kind, surname: false, unvocalised: u === 1, skeleton,
      phonetic: phonetic ? phonetic.split(' ') : [], groups: groups ? groups.split(' ').map(Number) : [],
      key: u === 1 ? `~${text}` : text,
    };
    if (bare) t.bare = bare;
    return t;
  });
  const data: NameIndexData = {
    vocab,
    df: fromB64(a.df!, Int32Array),
    nameEntry: fromB64(a.nameEntry!, Int32Array),
    nameText: s.nameText,
    nameStart: fromB64(a.nameStart!, Int32Array),
    tokenIds: fromB64(a.tokenIds!, Int32Array),
    weights: fromB64(a.weights!, Float32Array),
    postingStart: fromB64(a.postingStart!, Int32Array),
    postingNames: fromB64(a.postingNames!, Int32Array),
    keys: new KeyTable(fromB64(a.keyHashes!, Uint32Array), fromB64(a.keyIds!, Int32Array)),
  };
  return { versions: s.versions, names: new NameIndex(data), entries: s.entries };
}
