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
import { preparedToken, type PreparedToken } from '../matching/prepared.js';
import type { TokenKind } from '../matching/tokenize.js';
import { EntryTable } from './entry-table.js';
import { KeyTable } from './key-table.js';
import { NameIndex, type NameIndexData } from './name-index.js';

/** Bump when the index layout or the meaning of its contents changes. */
const FORMAT = 'vigil-screening-index/9';

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
type TypedCtor = Int32ArrayConstructor | Uint32ArrayConstructor | Float32ArrayConstructor | Uint8ArrayConstructor;

const ARRAYS: [string, TypedCtor][] = [
  ['df', Int32Array], ['nameEntry', Int32Array], ['nameStart', Int32Array], ['tokenIds', Int32Array], ['weights', Float32Array],
  ['surnames', Uint8Array], ['postingStart', Int32Array], ['postingNames', Int32Array], ['keyHashes', Uint32Array], ['keyIds', Int32Array],
];
const TEXTS = ['vocab', 'nameText', 'entries'] as const;

interface Header { key: string; versions: ListVersion[]; sections: Record<string, [number, number]> }

const MAGIC = 'VIGILIX1';
const oneLine = (s: string): string => s.replace(/[\t\n\r]/g, ' ');

/**
 * The index as bytes: MAGIC, a 4-byte header length, a JSON header (cache key, list versions,
 * section offsets), then the sections: typed arrays 8-byte aligned (loaded as views, no copy),
 * and three texts in UTF-8 (vocabulary, names, entries as JSON lines).
 */
export function serialiseIndex(key: string, versions: ListVersion[], names: NameIndex, entries: EntryTable): Buffer {
  const d = names.data;
  const arrays: Record<string, Typed> = {
    df: d.df, nameEntry: d.nameEntry, nameStart: d.nameStart, tokenIds: d.tokenIds, weights: d.weights, surnames: d.surnames,
    postingStart: d.postingStart, postingNames: d.postingNames, keyHashes: d.keys.hashes, keyIds: d.keys.ids,
  };
  const texts: Record<string, Buffer> = {
    vocab: Buffer.from(d.vocab.map((t) => [t.text, t.kind, t.unvocalised ? '1' : '', t.skeleton, t.bare ?? '', t.phonetic.join(' '), t.groups.join(' '), t.syllabic ? '1' : '', t.vocalic ?? ''].join('\t')).join('\n')),
    nameText: Buffer.from(Array.from({ length: names.size }, (_, n) => oneLine(names.textOf(n))).join('\n')),
    entries: Buffer.from(entries.toLines().join('\n')),
  };
  const sections: Record<string, [number, number]> = {};
  const parts: Buffer[] = [];
  let at = 0;
  const add = (name: string, bytes: Buffer) => {
    const pad = (8 - (at % 8)) % 8;
    if (pad) { parts.push(Buffer.alloc(pad)); at += pad; }
    sections[name] = [at, bytes.length];
    parts.push(bytes);
    at += bytes.length;
  };
  for (const [name] of ARRAYS) { const a = arrays[name]!; add(name, Buffer.from(a.buffer, a.byteOffset, a.byteLength)); }
  for (const name of TEXTS) add(name, texts[name]!);
  const header = Buffer.from(JSON.stringify({ key, versions, sections } satisfies Header));
  // Body offsets are relative to the body start, itself 8-byte aligned.
  const headLength = MAGIC.length + 4 + header.length;
  const headPad = (8 - (headLength % 8)) % 8;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length + headPad);
  return Buffer.concat([Buffer.from(MAGIC), len, header, Buffer.alloc(headPad, 0x20), ...parts]);
}

/** The cached index when the bytes were built for `key`, else undefined. */
export function deserialiseIndex(bytes: Buffer, key: string): { versions: ListVersion[]; names: NameIndex; entries: EntryTable } | undefined {
  if (bytes.length < 12 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const bodyStart = MAGIC.length + 4 + headerLength;
  if (bodyStart > bytes.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, bodyStart)) as Header;
  } catch {
    return undefined;
  }
  if (header.key !== key) return undefined;
  // Typed-array views need aligned offsets; copy once if the buffer itself is not aligned.
  let base = bytes;
  if ((bytes.byteOffset + bodyStart) % 8 !== 0) {
    const copy = new ArrayBuffer(bytes.length);
    new Uint8Array(copy).set(bytes);
    base = Buffer.from(copy);
  }
  const view = <T extends Typed>(name: string, Ctor: TypedCtor): T => {
    const [off, len] = header.sections[name]!;
    return new Ctor(base.buffer as ArrayBuffer, base.byteOffset + bodyStart + off, len / Ctor.BYTES_PER_ELEMENT) as T;
  };
  const text = (name: string): string => {
    const [off, len] = header.sections[name]!;
    return base.toString('utf8', bodyStart + off, bodyStart + off + len);
  };
  const vocab: PreparedToken[] = text('vocab').split('\n').map((line) => {
    const [t, kind, u, skeleton, bare, phonetic, groups, syllabic, vocalic] = line.split('\t') as [string, TokenKind, string, string, string, string, string, string, string];
    return preparedToken(
      { text: t, kind, surname: false, unvocalised: u === '1', skeleton, bare: bare || undefined, syllabic: syllabic === '1' ? true : undefined, vocalic: u === '1' ? vocalic : undefined },
      phonetic ? phonetic.split(' ') : [], groups ? groups.split(' ').map(Number) : [],
    );
  });
  const data: NameIndexData = {
    vocab,
    df: view('df', Int32Array),
    nameEntry: view('nameEntry', Int32Array),
    nameText: new LineTable(() => text('nameText')),
    nameStart: view('nameStart', Int32Array),
    tokenIds: view('tokenIds', Int32Array),
    weights: view('weights', Float32Array),
    surnames: view('surnames', Uint8Array),
    postingStart: view('postingStart', Int32Array),
    postingNames: view('postingNames', Int32Array),
    keys: new KeyTable(view('keyHashes', Uint32Array), view('keyIds', Int32Array)),
  };
  return { versions: header.versions, names: new NameIndex(data), entries: EntryTable.fromText(() => text('entries')) };
}

/** Lines of one text, decoded and split only when first needed (a cold `vigil screen` reads a handful). */
export class LineTable {
  private lines?: string[];
  constructor(private readonly text: () => string) {}
  at(i: number): string {
    this.lines ??= this.text().split('\n');
    return this.lines[i]!;
  }
}
