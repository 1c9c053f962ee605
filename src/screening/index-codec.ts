// Serialising a built screening index, so that a cold `vigil screen` loads it instead of
// re-tokenising every list name. The cache is one string, stored through the Store's meta table:
// a JSON header line (cache key, list versions, section lengths) followed by the sections
// concatenated — typed arrays in base64, vocabulary and names as tab/newline-separated text, entries
// as JSON lines parsed only when they become hits — so that loading is slicing, not parsing. The key
// names the snapshots it was built from and a fingerprint of the matching data and code, so any
// change rebuilds it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../app/paths.js';
import type { ListVersion } from '../model/index.js';
import type { PreparedToken } from '../matching/prepared.js';
import type { TokenKind } from '../matching/tokenize.js';
import { EntryTable } from './entry-table.js';
import { KeyTable } from './key-table.js';
import { NameIndex, type NameIndexData } from './name-index.js';

/** Bump when the index layout or the meaning of its contents changes. */
const FORMAT = 'vigil-screening-index/6';

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

type Typed = Int32Array | Uint32Array | Float32Array | Uint8Array;
const b64 = (a: Typed): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64<T extends Typed>(s: string, Ctor: { new (buf: ArrayBuffer): T }): T {
  const buf = Buffer.from(s, 'base64');
  const ab = new ArrayBuffer(buf.byteLength); // aligned copy
  new Uint8Array(ab).set(buf);
  return new Ctor(ab);
}

const ARRAYS = ['df', 'nameEntry', 'nameStart', 'tokenIds', 'weights', 'surnames', 'postingStart', 'postingNames', 'keyHashes', 'keyIds'] as const;
type ArrayName = (typeof ARRAYS)[number];
const SECTIONS = [...ARRAYS, 'vocab', 'nameText', 'entries'] as const;

interface Header { key: string; versions: ListVersion[]; lengths: number[] }

const oneLine = (s: string): string => s.replace(/[\t\n\r]/g, ' ');

export function serialiseIndex(key: string, versions: ListVersion[], names: NameIndex, entries: EntryTable): string {
  const d = names.data;
  const arrays: Record<ArrayName, Typed> = {
    df: d.df, nameEntry: d.nameEntry, nameStart: d.nameStart, tokenIds: d.tokenIds, weights: d.weights, surnames: d.surnames,
    postingStart: d.postingStart, postingNames: d.postingNames, keyHashes: d.keys.hashes, keyIds: d.keys.ids,
  };
  const sections = [
    ...ARRAYS.map((a) => b64(arrays[a])),
    d.vocab.map((t) => [t.text, t.kind, t.unvocalised ? '1' : '', t.skeleton, t.bare ?? '', t.phonetic.join(' '), t.groups.join(' '), t.syllabic ? '1' : ''].join('\t')).join('\n'),
    d.nameText.map(oneLine).join('\n'),
    entries.toLines().join('\n'),
  ];
  const header: Header = { key, versions, lengths: sections.map((s) => s.length) };
  return `${JSON.stringify(header)}\n${sections.join('')}`;
}

/** The cached index when it was built for `key`, else undefined. */
export function deserialiseIndex(text: string, key: string): { versions: ListVersion[]; names: NameIndex; entries: EntryTable } | undefined {
  const nl = text.indexOf('\n');
  if (nl < 0 || nl > 100_000) return undefined;
  let header: Header;
  try {
    header = JSON.parse(text.slice(0, nl)) as Header;
  } catch {
    return undefined;
  }
  if (header.key !== key || header.lengths?.length !== SECTIONS.length) return undefined;
  const parts: Record<string, string> = {};
  let at = nl + 1;
  SECTIONS.forEach((name, i) => { parts[name] = text.slice(at, at + header.lengths[i]!); at += header.lengths[i]!; });
  if (at !== text.length) return undefined;
  const vocab: PreparedToken[] = parts.vocab!.split('\n').map((line) => {
    const [text, kind, u, skeleton, bare, phonetic, groups, syllabic] = line.split('\t') as [string, TokenKind, string, string, string, string, string, string];
    const t: PreparedToken = {
      text, kind, surname: false, unvocalised: u === '1', skeleton,
      phonetic: phonetic ? phonetic.split(' ') : [], groups: groups ? groups.split(' ').map(Number) : [],
      key: u === '1' ? `~${text}` : text,
    };
    if (bare) t.bare = bare;
    if (syllabic === '1') t.syllabic = true;
    return t;
  });
  const data: NameIndexData = {
    vocab,
    df: fromB64(parts.df!, Int32Array),
    nameEntry: fromB64(parts.nameEntry!, Int32Array),
    nameText: parts.nameText!.split('\n'),
    nameStart: fromB64(parts.nameStart!, Int32Array),
    tokenIds: fromB64(parts.tokenIds!, Int32Array),
    weights: fromB64(parts.weights!, Float32Array),
    surnames: fromB64(parts.surnames!, Uint8Array),
    postingStart: fromB64(parts.postingStart!, Int32Array),
    postingNames: fromB64(parts.postingNames!, Int32Array),
    keys: new KeyTable(fromB64(parts.keyHashes!, Uint32Array), fromB64(parts.keyIds!, Int32Array)),
  };
  return { versions: header.versions, names: new NameIndex(data), entries: EntryTable.fromLines(parts.entries!.split('\n')) };
}
