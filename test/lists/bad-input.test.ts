// Bad input never changes the store: each case proves the previous snapshot is still the active one
// with the same counts, and that the error names the file and the line or field.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { VigilInputError, VigilRefusal } from '../../src/model/errors.js';
import type { Snapshot } from '../../src/model/index.js';
import { importList } from '../../src/lists/import.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore } from '../support/stores.js';
import { CSL_SAMPLE, DPL_2022, UN_2026, tmp } from './helpers.js';

const DPL_LINES = readFileSync(DPL_2022, 'utf8').split('\n');

async function storeWith(t: TestContext, format: string, path: string): Promise<{ store: Store; dir: string; before: Snapshot[] }> {
  const dir = tmp(t);
  const store = await openTestStore(t, { db: join(dir, 'vigil.db'), pollMs: 50 });
  const r = await importList(store, { format, path });
  assert.equal(r.status, 'imported');
  return { store, dir, before: await store.activeSnapshots() };
}

/** The active snapshots are exactly as before, and no staged (half-written) snapshot is left. */
async function assertUnchanged(store: Store, before: Snapshot[]): Promise<void> {
  assert.deepEqual(await store.activeSnapshots(), before);
  assert.ok((await store.listSnapshots()).every((s) => s.status !== 'staged'));
}

async function rejects(p: Promise<unknown>, pattern: RegExp, kind: typeof VigilInputError | typeof VigilRefusal = VigilInputError): Promise<Error> {
  let caught: unknown;
  try { await p; } catch (e) { caught = e; }
  assert.ok(caught instanceof kind, `expected ${kind.name}, got ${String(caught)}`);
  assert.match((caught as Error).message, pattern);
  return caught as Error;
}

/** A DPL file made from the real 2022 one, with `edit` applied to its lines. */
function dplVariant(dir: string, name: string, edit: (lines: string[]) => string[] | Buffer): string {
  const p = join(dir, name);
  const out = edit([...DPL_LINES]);
  writeFileSync(p, Buffer.isBuffer(out) ? out : out.join('\n'));
  return p;
}

test('empty file: rejected, names the file', async (t) => {
  const { store, dir, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const p = join(dir, 'dpl_2022-10-01.txt');
  writeFileSync(p, '');
  await rejects(importList(store, { format: 'bis-dpl', path: p }), new RegExp(`${p}: file is empty`));
  await assertUnchanged(store, before);
});

test('a header and no rows: an empty list is refused', async (t) => {
  const { store, dir, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const p = dplVariant(dir, 'dpl_2022-10-02.txt', (l) => [l[0]!, '']);
  await rejects(importList(store, { format: 'bis-dpl', path: p, force: true }), /no entries; an empty list is never imported/);
  await assertUnchanged(store, before);
});

test('truncated XML: rejected with line and column, previous UN snapshot stays', async (t) => {
  const { store, dir, before } = await storeWith(t, 'un', UN_2026);
  const bytes = readFileSync(UN_2026);
  const p = join(dir, 'consolidated_2026-03-01.xml');
  writeFileSync(p, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const err = await rejects(importList(store, { format: 'un', path: p }), /malformed XML/);
  assert.match(err.message, new RegExp(`^${p}:\\d+:\\d+: malformed XML`));
  await assertUnchanged(store, before);
});

test('XML that is not a UN list: rejected', async (t) => {
  const { store, dir, before } = await storeWith(t, 'un', UN_2026);
  const p = join(dir, 'other.xml');
  writeFileSync(p, '<?xml version="1.0"?><SDN_LIST><sdnEntry/></SDN_LIST>');
  await rejects(importList(store, { format: 'un', path: p }), /root element is <SDN_LIST>, not <CONSOLIDATED_LIST>/);
  await assertUnchanged(store, before);
});

test('missing CSV columns: rejected naming the columns and line 1', async (t) => {
  const { store, dir, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const dpl = dplVariant(dir, 'dpl_2022-10-03.txt', (l) => [l[0]!.replace('"Name"', '"Nom"'), ...l.slice(1)]);
  await rejects(importList(store, { format: 'bis-dpl', path: dpl }), new RegExp(`${dpl}:1: missing DPL column\\(s\\) Name`));
  const csl = join(dir, 'csl.csv');
  const lines = readFileSync(CSL_SAMPLE, 'utf8').split('\n');
  writeFileSync(csl, [lines[0]!.replace(',name,', ',nom,'), ...lines.slice(1)].join('\n'));
  await rejects(importList(store, { format: 'us-csl', path: csl }), new RegExp(`${csl}:1: missing CSL column\\(s\\) name`));
  await assertUnchanged(store, before);
});

test('a row with a missing field: rejected naming its line', async (t) => {
  const { store, dir, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const p = dplVariant(dir, 'dpl_2022-10-04.txt', (l) => { l[4] = l[4]!.split('\t').slice(0, 11).join('\t'); return l; });
  await rejects(importList(store, { format: 'bis-dpl', path: p }), new RegExp(`${p}:5: malformed CSV: Invalid Record Length: expect 12, got 11`));
  await assertUnchanged(store, before);
});

test('non-UTF-8 bytes: rejected with the byte offset and line (the file must be UTF-8)', async (t) => {
  const { store, dir, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const p = dplVariant(dir, 'dpl_2022-10-05.txt', (l) => {
    const head = Buffer.from(`${l.slice(0, 2).join('\n')}\n"JOS`);
    return Buffer.concat([head, Buffer.from([0xc9]), Buffer.from(`" ${l[2]!.slice(l[2]!.indexOf('\t'))}\n${l.slice(3).join('\n')}`)]);
  });
  const offset = Buffer.byteLength(`${DPL_LINES.slice(0, 2).join('\n')}\n"JOS`);
  await rejects(importList(store, { format: 'bis-dpl', path: p }), new RegExp(`${p}:3: invalid UTF-8 byte 0xC9 at byte offset ${offset}; the file must be UTF-8`));
  await assertUnchanged(store, before);
});

test('a 1 MB name: rejected naming line and field', async (t) => {
  const { store, dir, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const p = dplVariant(dir, 'dpl_2022-10-06.txt', (l) => { l[1] = `"${'A'.repeat(1_000_000)}"${l[1]!.slice(l[1]!.indexOf('\t'))}`; return l; });
  await rejects(importList(store, { format: 'bis-dpl', path: p }), new RegExp(`${p}:2 \\(field Name\\): name is 1000000 characters long; the limit is 2000`));
  await assertUnchanged(store, before);
});

test('a control character in a name: rejected naming line, field and code point', async (t) => {
  const { store, dir, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const p = dplVariant(dir, 'dpl_2022-10-07.txt', (l) => { l[3] = l[3]!.replace('"ABDIEL', '"AB\u0007DIEL'); return l; });
  await rejects(importList(store, { format: 'bis-dpl', path: p }), new RegExp(`${p}:4 \\(field Name\\): name contains control character U\\+0007 at position 3`));
  await assertUnchanged(store, before);
});

test('a C1 character in a name is repaired as Windows-1252 and reported (the policy for mis-encoded text)', async (t) => {
  const { store, dir } = await storeWith(t, 'bis-dpl', DPL_2022);
  const p = dplVariant(dir, 'dpl_2022-10-08.txt', (l) => { l[3] = l[3]!.replace('"ABDIEL', '"O\u0092ABDIEL'); return l; });
  const r = await importList(store, { format: 'bis-dpl', path: p });
  assert.equal(r.status, 'imported');
  assert.ok(r.warnings.some((w) => w.startsWith(`${p}:4 (field Name): C1 control character(s)`)), r.warnings.join('\n'));
  const entries = await store.loadEntries([r.snapshot!.id]);
  assert.ok(entries.some((e) => e.names[0]!.name.startsWith('O’ABDIEL')));
});

test('unknown format name: rejected before anything is read', async (t) => {
  const { store, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  await rejects(importList(store, { format: 'ofac-xml', path: DPL_2022 }), /FORMAT: unknown list format "ofac-xml"; known formats: us-csl, csl, un/);
  await assertUnchanged(store, before);
});

test('a list less than half the size of the active one is refused without --force, accepted with it', async (t) => {
  const { store, dir, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const p = dplVariant(dir, 'dpl_2022-11-01.txt', (l) => l.slice(0, 201));
  const err = await rejects(importList(store, { format: 'bis-dpl', path: p }), /suspicious import: bis-dpl would fall from 581 entries .* to 200/, VigilRefusal);
  assert.equal((err as VigilRefusal).code, 'suspicious-import');
  await assertUnchanged(store, before);
  assert.equal((await store.listSnapshots()).length, 1, 'nothing was staged');

  const forced = await importList(store, { format: 'bis-dpl', path: p, force: true });
  assert.equal(forced.status, 'imported');
  assert.equal(forced.snapshot!.entryCount, 200);
  assert.equal(forced.previous!.id, before[0]!.id);
  const all = await store.listSnapshots();
  assert.deepEqual(all.map((s) => s.status), ['superseded', 'active']);
  assert.equal(forced.snapshot!.listDate, '2022-11-01');
});

test('re-importing the active file is a no-op that says so', async (t) => {
  const { store, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const r = await importList(store, { format: 'dpl', path: DPL_2022, force: true });
  assert.equal(r.status, 'unchanged');
  assert.match(r.message, /already the active snapshot #\d+; nothing to do/);
  await assertUnchanged(store, before);
  assert.equal((await store.listSnapshots()).length, 1);
});

test('a successful import records source, format, list date, sha256, counts, import time; entries round-trip', async (t) => {
  const { store, before } = await storeWith(t, 'bis-dpl', DPL_2022);
  const s = before[0]!;
  assert.equal(s.source, 'bis-dpl');
  assert.equal(s.format, 'bis-dpl');
  assert.equal(s.listDate, '2022-09-07');
  assert.equal(s.sha256, '9bac1eb5401d4ee8eb46a7aba97df2c899d7bdc850c813cb4fa0c0a77a66449b');
  assert.equal(s.fileName, 'dpl_2022-09-07.txt');
  assert.equal(s.entryCount, 581);
  assert.equal(s.nameCount, 581);
  assert.ok(Date.now() - Date.parse(s.importedAt) < 600_000);
  const entries = await store.loadEntries([s.id]);
  assert.equal(entries.length, 581);
  assert.equal(entries[0]!.names[0]!.name, 'I. ASH');
});

// ---- OFAC and UK files (issue 15: the formats the earlier cases did not cover) ------------------

const ROOT_DIR = new URL('../..', import.meta.url).pathname;
const OFAC_2021 = join(ROOT_DIR, 'test/fixtures/lists/ofac/sdn_2021-07-07');
const UK_SAMPLE = join(ROOT_DIR, 'test/fixtures/lists/samples/uk_ofsi_conlist_sample_2020.csv');

/** A copy of the 2021 OFAC SDN directory under `dir`, with `edit` applied to file contents by name. */
async function ofacVariant(dir: string, name: string, edit: (files: Map<string, Buffer>) => void): Promise<string> {
  const { mkdirSync, readdirSync } = await import('node:fs');
  const files = new Map(readdirSync(OFAC_2021).map((f) => [f, readFileSync(join(OFAC_2021, f))] as [string, Buffer]));
  edit(files);
  const d = join(dir, name);
  mkdirSync(d);
  for (const [f, b] of files) writeFileSync(join(d, f), b);
  return d;
}

test('OFAC SDN: a missing sdn.csv, a truncated sdn.csv or a stray quote is rejected naming the file; the snapshot stays', async (t) => {
  const { store, dir, before } = await storeWith(t, 'ofac-sdn', OFAC_2021);
  const noSdn = await ofacVariant(dir, 'no-sdn', (f) => { f.delete('sdn.csv'); });
  await rejects(importList(store, { format: 'ofac-sdn', path: noSdn, listDate: '2021-07-08' }), /sdn\.csv/);
  const truncated = await ofacVariant(dir, 'truncated', (f) => { const b = f.get('sdn.csv')!; f.set('sdn.csv', b.subarray(0, Math.floor(b.length / 2) + 7)); });
  await rejects(importList(store, { format: 'ofac-sdn', path: truncated, listDate: '2021-07-08' }), /sdn\.csv/);
  const quote = await ofacVariant(dir, 'quote', (f) => { f.set('add.csv', Buffer.concat([Buffer.from('12,"unclosed\n'), f.get('add.csv')!])); });
  await rejects(importList(store, { format: 'ofac-sdn', path: quote, listDate: '2021-07-08' }), /add\.csv:2: malformed CSV/);
  await assertUnchanged(store, before);
  // A set without alt.csv (older sets had none) imports, but never silently: a warning names it.
  const noAlt = await ofacVariant(dir, 'no-alt', (f) => { f.delete('alt.csv'); });
  const r = await importList(store, { format: 'ofac-sdn', path: noAlt, listDate: '2021-07-08' });
  assert.ok(r.warnings.some((w) => /no alt\.csv in the set/.test(w)), JSON.stringify(r.warnings));
});

test('UK OFSI: a truncated file, a missing column or a stray quote is rejected naming the file and line; the snapshot stays', async (t) => {
  const { store, dir, before } = await storeWith(t, 'uk-ofsi', UK_SAMPLE);
  const text = readFileSync(UK_SAMPLE, 'utf8');
  const lines = text.split('\n');
  const variants: [string, string, RegExp][] = [
    ['truncated.csv', text.slice(0, Math.floor(text.length / 2)) + '"', /truncated\.csv/],
    ['quote.csv', [...lines.slice(0, 3), `${lines[3]!.slice(0, 10)}"x"y,${lines[3]!.slice(10)}`, ...lines.slice(4)].join('\n'), /quote\.csv/],
    ['header.csv', [lines[0]!, lines[1]!.replace(/Name 6/i, 'Nom 6'), ...lines.slice(2)].join('\n'), /header\.csv/],
  ];
  for (const [name, content, pattern] of variants) {
    const p = join(dir, name);
    writeFileSync(p, content);
    let caught: unknown;
    try { await importList(store, { format: 'uk-ofsi', path: p, listDate: '2020-01-02', force: true }); } catch (e) { caught = e; }
    // A file that still parses whole may import; one that does not is a VigilInputError naming it.
    if (caught !== undefined) {
      assert.ok(caught instanceof VigilInputError, `${name}: ${String(caught)}`);
      assert.match((caught as Error).message, pattern);
      await assertUnchanged(store, before);
    }
  }
});
