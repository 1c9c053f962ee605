// Fuzzing the list parsers (CSL CSV, UN XML, OFAC SDN directory, BIS DPL, UK OFSI): truncated,
// mutated, re-encoded and huge-field variants of small real files must give a parse error that
// names the file (VigilInputError) or a well-formed snapshot — never another exception, never a
// hang; and an import of a bad file leaves the active snapshot as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { VigilInputError } from '../../src/model/errors.js';
import { parseListFile } from '../../src/lists/registry.js';
import { importList } from '../../src/lists/import.js';
import { openStore } from '../../src/store/open.js';
import { fuzzParams, within } from './support.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const fx = (p: string) => join(ROOT, 'test/fixtures/lists', p);

function headLines(path: string, n: number): Buffer {
  const text = readFileSync(path, 'latin1');
  return Buffer.from(text.split('\n').slice(0, n).join('\n') + '\n', 'latin1');
}

/** A small UN XML: the header, the first two individuals and the first entity, closed. */
function smallUn(): Buffer {
  const xml = readFileSync(join(ROOT, 'data/lists/un/consolidated_2026-02-27.xml'), 'utf8');
  const inds = xml.split('</INDIVIDUAL>').slice(0, 2).join('</INDIVIDUAL>') + '</INDIVIDUAL>\n  </INDIVIDUALS>\n';
  const entStart = xml.indexOf('<ENTITIES>');
  const ent = xml.slice(entStart, xml.indexOf('</ENTITY>', entStart) + '</ENTITY>'.length);
  return Buffer.from(`${inds}  ${ent}\n  </ENTITIES>\n</CONSOLIDATED_LIST>\n`, 'utf8');
}

interface Seed { format: string; name: string; bytes: Buffer; dir?: Record<string, Buffer>; target: string }

const seeds: Seed[] = [
  { format: 'us-csl', name: 'csl.csv', bytes: readFileSync(fx('samples/csl_consolidated_sample_2025-06.csv')), target: '' },
  { format: 'uk-ofsi', name: 'conlist.csv', bytes: headLines(fx('samples/uk_ofsi_conlist_sample_2020.csv'), 40), target: '' },
  { format: 'bis-dpl', name: 'dpl_2022-09-07.txt', bytes: headLines(fx('bis-dpl/dpl_2022-09-07.txt'), 40), target: '' },
  { format: 'un', name: 'consolidated.xml', bytes: smallUn(), target: '' },
  {
    format: 'ofac-sdn', name: 'sdn.csv', bytes: headLines(fx('ofac/sdn_2021-07-07/sdn.csv'), 40), target: '',
    dir: {
      'add.csv': headLines(fx('ofac/sdn_2021-07-07/add.csv'), 40),
      'alt.csv': headLines(fx('ofac/sdn_2021-07-07/alt.csv'), 40),
    },
  },
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'huge'; at: number; size: number }
  | { kind: 'utf16' }
  | { kind: 'latin1' }
  | { kind: 'delete-line'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(fc.constantFrom('"', '\t', ',', '\n', '<', '>', '</INDIVIDUAL>', '<![CDATA[', '&amp;', '&#0;', '\r', '-0- ', '""'), fc.string({ unit: 'binary', maxLength: 20 })),
  }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), size: fc.integer({ min: 10_000, max: 300_000 }) }),
  fc.constant({ kind: 'utf16' as const }),
  fc.constant({ kind: 'latin1' as const }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

function mutate(b: Buffer, m: Mutation): Buffer {
  const at = 'at' in m ? Math.floor(m.at * b.length) : 0;
  switch (m.kind) {
    case 'truncate': return b.subarray(0, at);
    case 'flip': { const c = Buffer.from(b); if (c.length) c[Math.min(at, c.length - 1)] = m.byte; return c; }
    case 'insert': return Buffer.concat([b.subarray(0, at), Buffer.from(m.text, 'utf8'), b.subarray(at)]);
    case 'huge': return Buffer.concat([b.subarray(0, at), Buffer.alloc(m.size, 'A'), b.subarray(at)]);
    case 'utf16': return Buffer.from(`\uFEFF${b.toString('utf8')}`, 'utf16le');
    case 'latin1': return Buffer.from(b.toString('utf8').replace(/[A-Za-z]/, 'é'), 'latin1');
    case 'delete-line': {
      const lines = b.toString('latin1').split('\n');
      lines.splice(Math.floor(m.at * lines.length), 1);
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

function place(dir: string, s: Seed, bytes: Buffer): string {
  mkdirSync(dir, { recursive: true });
  if (!s.dir) {
    const p = join(dir, s.name);
    writeFileSync(p, bytes);
    return p;
  }
  const d = join(dir, 'sdn');
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, s.name), bytes);
  for (const [n, b] of Object.entries(s.dir)) writeFileSync(join(d, n), b);
  return d;
}

test('list parsers: mutated files give a parse error naming the file, or well-formed entries; never a crash or a hang', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-fuzz-lists-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // The seeds themselves parse.
  for (const s of seeds) {
    const r = await parseListFile(s.format, place(join(dir, `seed-${s.format}`), s, s.bytes), { listDate: '2026-01-01' });
    assert.ok(r.entries.length > 0, `${s.format}: the seed parses to entries`);
  }
  let errors = 0;
  let parsed = 0;
  await fc.assert(fc.asyncProperty(fc.constantFrom(...seeds.map((x) => x.format)), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (format, ms) => {
    const s = seeds.find((x) => x.format === format)!;
    const bytes = ms.reduce(mutate, s.bytes);
    const caseDir = mkdtempSync(join(dir, 'case-'));
    const path = place(caseDir, s, bytes);
    try {
      const r = await within(5000, `${s.format} parse`, () => parseListFile(s.format, path, { listDate: '2026-01-01' }));
      parsed++;
      for (const e of r.entries) {
        assert.equal(typeof e.id, 'string');
        assert.ok(e.id.length > 0);
        assert.ok(e.names.length > 0, `${e.id}: an entry has a name`);
        for (const n of e.names) assert.equal(typeof n.name, 'string');
      }
    } catch (err) {
      if (!(err instanceof VigilInputError)) throw err;
      errors++;
      assert.ok(err.message.includes(caseDir) || err.message.includes(path), `the error names the file: ${err.message}`);
    } finally {
      rmSync(caseDir, { recursive: true, force: true });
    }
  }), fuzzParams(120));
  assert.ok(errors + parsed > 0);
});

test('list import: a file that fails to parse leaves the active snapshot as it was (never half-imported)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-fuzz-import-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = await openStore({ db: join(dir, 'vigil.db') });
  t.after(() => store.close());
  await store.migrate();
  const csl = seeds[0]!;
  const good = join(dir, 'good.csv');
  copyFileSync(fx('samples/csl_consolidated_sample_2025-06.csv'), good);
  const first = await importList(store, { format: 'us-csl', path: good, listDate: '2025-06-01' });
  const activeId = (await store.activeSnapshots())[0]!.id;
  const count = (await store.loadEntries([activeId])).length;
  assert.equal(count, first.entries ?? count);
  await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (ms) => {
    const path = join(dir, 'mutated.csv');
    writeFileSync(path, ms.reduce(mutate, csl.bytes));
    const before = (await store.activeSnapshots())[0]!.id;
    let imported = false;
    try {
      await within(10_000, 'import', () => importList(store, { format: 'us-csl', path, listDate: '2025-06-02', force: true }));
      imported = true;
    } catch (err) {
      if (!(err instanceof VigilInputError) && !(err instanceof Error && err.name === 'VigilRefusal')) throw err;
    }
    const active = await store.activeSnapshots();
    assert.equal(active.length, 1, 'one active snapshot of the source');
    if (!imported) {
      assert.equal(active[0]!.id, before, 'a failed import changes nothing');
    } else {
      // A successful import is whole: the active snapshot holds every entry the parser produced.
      const parsedAgain = await parseListFile('us-csl', path, { listDate: '2025-06-02' });
      assert.equal((await store.loadEntries([active[0]!.id])).length, parsedAgain.entries.length);
    }
  }), fuzzParams(15));
});
