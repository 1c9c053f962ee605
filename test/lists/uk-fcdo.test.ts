// The FCDO UK Sanctions List (CSV), read by the UK source beside the OFSI ConList it replaced: the
// fixture holds real UK designations written to the published 58-column layout (see
// test/fixtures/lists/PROVENANCE.md). Counts, names, aliases, non-Latin names, birth dates,
// nationalities, regimes → the UK asset-freeze rules, bad input, and `lists update uk` against a
// loopback server (staged, atomic, empty / truncated / halved files refused, previous snapshot kept).
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { importList } from '../../src/lists/import.js';
import { parseListFile } from '../../src/lists/registry.js';
import { updateLists } from '../../src/lists/update.js';
import { VigilInputError } from '../../src/model/errors.js';
import type { ListEntry } from '../../src/model/index.js';
import { evaluate, fired, hit, transaction } from '../policy/support.js';
import { openTestStore } from '../support/stores.js';
import { FIX, ROOT, UK_SAMPLE, byId, tmp, vigilAsync } from './helpers.js';

const FCDO = join(FIX, 'uk-fcdo/UK-Sanctions-List_sample.csv');
const TEXT = readFileSync(FCDO, 'utf8');
const UK_PATH = '/docs/UK-Sanctions-List.csv';

test('FCDO UK Sanctions List: 26 name rows, 8 designations → 6 asset-freeze targets keyed like the ConList; Report Date is the list date', async () => {
  const r = await parseListFile('uk', FCDO);
  assert.equal(r.source, 'uk-ofsi');
  assert.equal(r.listDate, '2026-11-28');
  assert.equal(r.listDateFrom, 'file content');
  assert.deepEqual(r.stats, { rows: 26, designations: 8, groups: 7, withoutAssetFreeze: 1, namelessRows: 1 });
  // Group ids are the ConList's Group IDs: a reviewed ConList hit names the same entry after the switch.
  assert.deepEqual(r.entries.map((e) => e.id), ['uk-ofsi:14212', 'uk-ofsi:15672', 'uk-ofsi:6995', 'uk-ofsi:15713', 'uk-ofsi:11241', 'uk-ofsi:13651']);
  assert.deepEqual(r.entries.map((e) => e.type), ['person', 'person', 'person', 'person', 'organization', 'vessel']);
  assert.ok(r.entries.every((e) => e.list === 'UK Sanctions List'));
  // The shipping-only ship (a real line of the published file) is left out, and said so.
  assert.ok(!r.entries.some((e) => e.id === 'uk-ofsi:RUS2176'));
  assert.ok(r.warnings.some((w) => /1 designation\(s\) impose no asset freeze .*RUS2176/.test(w)), r.warnings.join('\n'));
});

test('names: primary, spelling variations, aliases (low quality → weak), non-Latin script; birth dates, nationalities, identifiers', async () => {
  const { entries } = await parseListFile('uk-fcdo', FCDO);
  const abramovich = byId(entries, 'uk-ofsi:14212');
  assert.deepEqual(abramovich.names, [
    { name: 'Roman Arkadyevich ABRAMOVICH', kind: 'primary' },
    { name: 'Роман Аркадьевич АБРАМОВИЧ', kind: 'original-script' },
    { name: 'Roman ABRAMOVICH', kind: 'aka' },
  ]);
  assert.deepEqual(abramovich.birthDates, ['1966-10-24']);
  assert.deepEqual(abramovich.countries, ['RU', 'IL', 'PT']);
  assert.deepEqual(abramovich.identifiers, [
    { type: 'UK Sanctions List Ref', value: 'RUS0270' },
    { type: 'Passport', value: '(1) CB982788 (2) 24132276', note: '(1) Portugal (2) Israel' },
  ]);
  assert.equal(abramovich.listedOn, '2022-03-10');
  assert.match(abramovich.remarks ?? '', /^RUS0270 \(The Russia \(Sanctions\) \(EU Exit\) Regulations 2019\): Asset freeze; Travel Ban; Trust services sanctions/);

  const haq = byId(entries, 'uk-ofsi:15672');
  assert.deepEqual(haq.names.map((n) => [n.name, n.kind]), [
    ['Mian Abdul HAQ', 'primary'], ['Mian MITHOO', 'aka'], ['Mian MITHU', 'aka'], ['Mian MITTO', 'aka'], ['Mian MITTU', 'aka'],
  ]);
  assert.deepEqual(haq.countries, ['PK']);
  assert.equal(haq.addresses[0]!.text, 'Hafizabad Taluka Daharki, District Ghotki, Pakistan');

  // Two designations (AQD0194 under the ISIL regulations, SOM0003 under Somalia) of one OFSI group.
  const aweys = byId(entries, 'uk-ofsi:6995');
  assert.deepEqual(aweys.names.map((n) => [n.name, n.kind]), [
    ['Hassan Dahir AWEYS', 'primary'], ['حسن ظاهرعويس', 'original-script'], ['Sheikh Hassan Dahir AWEYS', 'aka'],
    ['Sheikh AWEYS', 'weak-aka'], ['Hassan Dahir AWES', 'aka'], ['Aweys Hassan DAHIR', 'aka'],
  ]);
  assert.deepEqual(aweys.birthDates, ['1935'], "'dd/mm/1935' is a year only");
  assert.deepEqual(aweys.identifiers.filter((i) => i.type === 'UN Reference Number').map((i) => i.value), ['QDi.042', 'SOi.002']);
  assert.deepEqual(aweys.identifiers.filter((i) => i.type === 'UK Sanctions List Ref').map((i) => i.value), ['AQD0194', 'SOM0003']);
  assert.equal(aweys.listedOn, '2001-11-09', 'the earlier of the two designations');

  const abnoush = byId(entries, 'uk-ofsi:15713');
  assert.deepEqual(abnoush.names.filter((n) => n.kind === 'original-script').map((n) => n.name), ['سالار آبنوش', 'سالار ولایتمدار']);
  assert.deepEqual(abnoush.birthDates, ['1962-05-02']);
  const ship = byId(entries, 'uk-ofsi:13651');
  assert.deepEqual(ship.identifiers.find((i) => i.type === 'IMO Number'), { type: 'IMO Number', value: '7408873' });
});

test('regimes: FCDO regulation titles become the ConList regime names the UK rules match', async () => {
  const { entries, warnings } = await parseListFile('uk', FCDO);
  const programs = Object.fromEntries(entries.map((e) => [e.sourceId, e.programs]));
  assert.deepEqual(programs, {
    14212: ['Russia'], 15672: ['Global Human Rights'], 6995: ["ISIL (Da'esh) and Al-Qaida", 'Somalia'], 15713: ['Iran'],
    11241: ['Iran (Nuclear)'], 13651: ["Democratic People's Republic of Korea"],
  });
  assert.ok(!warnings.some((w) => /Regime Name/.test(w)), warnings.join('\n'));
});

test('asset freeze: a measure that names it counts, a designation stating no measure counts; shipping-only does not', async (t) => {
  const dir = tmp(t);
  const p = join(dir, 'measures.csv');
  writeFileSync(p, TEXT.replaceAll(',Asset freeze|Travel Ban,', ',,').replace("Shipping sanctions: (see 'Other information')|Shipping sanctions: (see 'Other information')", "Asset freeze (see 'Other information')"));
  const r = await parseListFile('uk', p);
  assert.deepEqual(byId(r.entries, 'uk-ofsi:15672').programs, ['Global Human Rights'], 'no measure stated');
  assert.deepEqual(byId(r.entries, 'uk-ofsi:RUS2176').programs, ['Russia'], 'a measure naming the asset freeze');
  assert.equal(r.stats.withoutAssetFreeze, 0);
});

function asHit(e: ListEntry) {
  return hit({ list: e.list, source: e.source, entityId: e.id, name: e.names[0]!.name, matchedName: e.names[0]!.name, programs: e.programs, type: e.type === 'person' ? 'person' : 'organization' });
}

test('FCDO entries feed the UK determination by regime, as ConList entries did (Russia, Iran, Iran (Nuclear), DPRK, others)', async () => {
  const { entries } = await parseListFile('uk', FCDO);
  const tx = transaction({ date: '2026-11-30', destination: 'RU', jurisdictions: ['UK'] });
  const on = async (id: string) => fired(await evaluate(tx, { asOf: '2026-11-30', hits: [[asHit(byId(entries, id))]] }), 'UK');
  assert.deepEqual(await on('uk-ofsi:14212'), ['UK-RU-asset-freeze']);
  assert.deepEqual(await on('uk-ofsi:15713'), ['UK-IR-asset-freeze']);
  assert.deepEqual(await on('uk-ofsi:11241'), ['UK-IR-nuclear-asset-freeze']);
  assert.deepEqual(await on('uk-ofsi:13651'), ['UK-KP-asset-freeze']);
  assert.deepEqual(await on('uk-ofsi:15672'), ['UK-listed-asset-freeze']);
  // Without UK requested, the hit is a red flag naming the regime.
  const a = await evaluate({ ...tx, jurisdictions: ['UN', 'EU', 'IT', 'US'] }, { asOf: '2026-11-30', hits: [[asHit(byId(entries, 'uk-ofsi:14212'))]] });
  assert.match(a.redFlags.find((f) => f.code === 'uk-listed-party')?.message ?? '', /on the UK Sanctions List \(FCDO, regime Russia, score/);
});

test('the ConList still reads as before (layout told apart by the header)', async () => {
  const r = await parseListFile('uk', UK_SAMPLE);
  assert.ok(r.entries.length > 0);
  assert.ok(r.entries.every((e) => e.list === 'UK Consolidated List'));
  assert.deepEqual(Object.keys(r.stats), ['rows', 'groups']);
});

async function fails(path: string, pattern: RegExp): Promise<void> {
  let caught: unknown;
  try { await parseListFile('uk', path); } catch (e) { caught = e; }
  assert.ok(caught instanceof VigilInputError, `expected VigilInputError, got ${String(caught)}`);
  assert.match((caught as Error).message, pattern);
}

test('bad input: missing column, a file cut off mid-row, a designation without a name, an unknown regime, neither layout', async (t) => {
  const dir = tmp(t);
  const variant = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
  const lines = TEXT.split('\r\n');
  await fails(variant('no-regime.csv', TEXT.replace(',Regime Name,', ',Regime,')), /no-regime\.csv:2: missing UK Sanctions List column\(s\) Regime Name/);
  // Cut inside the 12th data row (line 14): the short row names its line.
  const cut = lines.slice(0, 13).join('\r\n') + '\r\n' + lines[13]!.slice(0, 60);
  await fails(variant('cut.csv', cut), /cut\.csv:14: expected 58 fields like the header, found \d+/);
  // Cut inside a quoted field (the statement of reasons of the last row).
  await fails(variant('cut-quote.csv', TEXT.slice(0, TEXT.length - 200)), /cut-quote\.csv:\d+: malformed CSV: Quote Not Closed/);
  const nameless = TEXT.replace(/^(.*?,GHR0086,15672,,)HAQ,Mian,Abdul,/m, '$1,,,').replace(/^(.*?,GHR0086,15672,,)MITT?H?[OU]+,Mian,/gm, '$1,,');
  await fails(variant('nameless.csv', nameless), /nameless\.csv:\d+ \(field Name 6\): designation GHR0086 has no name/);
  const renamed = TEXT.replaceAll('The Global Human Rights Sanctions Regulations 2020', 'The Global Human Rights Sanctions Regulations 2030');
  const r = await parseListFile('uk', variant('regime.csv', renamed));
  assert.deepEqual(byId(r.entries, 'uk-ofsi:15672').programs, ['The Global Human Rights Sanctions Regulations 2030']);
  assert.ok(r.warnings.some((w) => /regime\.csv: Regime Name value\(s\) not in data\/lists\/reference\/uk-regimes\.json.*Regulations 2030" \(1\)/.test(w)), r.warnings.join('\n'));
  await fails(variant('page.csv', '<!DOCTYPE html>\n<html><body>Service unavailable</body></html>\n'), /page\.csv:2: missing ConList column\(s\) .*expected the FCDO UK Sanctions List header \(a Unique ID column\) or the OFSI ConList header/);
});

async function serve(t: TestContext, route: () => Buffer | string | undefined): Promise<string> {
  const server = createServer((req, res: ServerResponse) => {
    const body = req.url === UK_PATH ? route() : undefined;
    if (body === undefined) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': 'text/csv' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

test('lists update uk: fetched from the official path, staged and activated; empty, truncated and halved files refused, the snapshot kept', async (t) => {
  const dir = tmp(t);
  const store = await openTestStore(t, { db: join(dir, 'vigil.db'), pollMs: 50 });
  let serving: Buffer | string = readFileSync(FCDO);
  const base = await serve(t, () => serving);

  const [first] = await updateLists(store, { sources: ['uk'], baseUrl: base, timeoutMs: 10_000 });
  assert.equal(first!.status, 'imported', first!.message);
  assert.deepEqual(first!.urls, [`${base}docs/UK-Sanctions-List.csv`]);
  const active = (await store.activeSnapshots()).find((s) => s.source === 'uk-ofsi')!;
  assert.equal(active.entryCount, 6);
  assert.equal(active.listDate, '2026-11-28');
  assert.equal(active.fileName, 'UK-Sanctions-List.csv');
  assert.ok((await store.listSnapshots()).every((s) => s.status !== 'staged'));

  const lines = TEXT.split('\r\n');
  // Two of the six targets (ABRAMOVICH and HAQ): a fall by more than half is refused without --force.
  const halved = [...lines.slice(0, 2), ...lines.filter((l) => /,(RUS0270|GHR0086),/.test(l)), ''].join('\r\n');
  const cases: [string, string, RegExp][] = [
    ['empty', '', /UK-Sanctions-List\.csv: file is empty/],
    ['truncated', lines.slice(0, 13).join('\r\n') + '\r\n' + lines[13]!.slice(0, 60), /UK-Sanctions-List\.csv:14: expected 58 fields/],
    ['header only', lines.slice(0, 2).join('\r\n') + '\r\n', /no entries; an empty list is never imported/],
    ['halved', halved, /suspicious import: uk-ofsi would fall from 6 entries .* to 2/],
  ];
  for (const [label, body, pattern] of cases) {
    serving = body;
    const [r] = await updateLists(store, { sources: ['uk'], baseUrl: base, timeoutMs: 10_000 });
    assert.equal(r!.status, 'failed', label);
    assert.match(r!.message, pattern, label);
    const now = (await store.activeSnapshots()).find((s) => s.source === 'uk-ofsi')!;
    assert.equal(now.id, active.id, `${label}: the previous snapshot stays active`);
    assert.ok((await store.listSnapshots()).every((s) => s.status !== 'staged'), `${label}: no staged snapshot left`);
  }
  serving = halved;
  const [forced] = await updateLists(store, { sources: ['uk'], baseUrl: base, timeoutMs: 10_000, force: true });
  assert.equal(forced!.status, 'imported', forced!.message);
  assert.equal((await store.activeSnapshots()).find((s) => s.source === 'uk-ofsi')!.entryCount, 2);
});

test('the bundled ConList active: an FCDO update replaces it in place (one UK snapshot), refused when it would shrink by more than half', async (t) => {
  const dir = tmp(t);
  const store = await openTestStore(t, { db: join(dir, 'vigil.db'), pollMs: 50 });
  assert.equal((await importList(store, { format: 'uk-ofsi', path: join(ROOT, 'data/lists/uk-ofsi/ConList_2025-04-14.csv') })).status, 'imported');
  const conlist = (await store.activeSnapshots()).find((s) => s.source === 'uk-ofsi')!;
  assert.equal(conlist.entryCount, 4_688);
  const base = await serve(t, () => readFileSync(FCDO));
  const [refused] = await updateLists(store, { sources: ['uk-ofsi'], baseUrl: base, timeoutMs: 10_000 });
  assert.equal(refused!.status, 'failed');
  assert.match(refused!.message, /would fall from 4688 entries .* to 6, less than half; snapshot #\d+ stays active/);
  assert.equal((await store.activeSnapshots()).find((s) => s.source === 'uk-ofsi')!.id, conlist.id);
  const [forced] = await updateLists(store, { sources: ['uk-ofsi'], baseUrl: base, timeoutMs: 10_000, force: true });
  assert.equal(forced!.status, 'imported', forced!.message);
  const uk = (await store.activeSnapshots()).filter((s) => s.source === 'uk-ofsi');
  assert.deepEqual(uk.map((s) => [s.entryCount, s.listDate]), [[6, '2026-11-28']]);
  assert.equal((await store.listSnapshots()).find((s) => s.id === conlist.id)!.status, 'superseded');
});

test('CLI: vigil lists update --source uk --json imports the FCDO file from the loopback server', async (t) => {
  const dir = tmp(t);
  const base = await serve(t, () => readFileSync(FCDO));
  const r = await vigilAsync(['--db', join(dir, 'vigil.db'), 'lists', 'update', '--source', 'uk', '--base-url', base, '--timeout-ms', '10000', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { ok: boolean; results: { source: string; status: string }[] };
  assert.deepEqual(doc.results.map((x) => [x.source, x.status]), [['uk-ofsi', 'imported']]);
  assert.equal(doc.ok, true);
});

/** The bundled ConList written out in the FCDO layout, row for row (what the FCDO list holds for the same designations). */
function conListAsFcdo(): string {
  const rows = parse(readFileSync(join(ROOT, 'data/lists/uk-ofsi/ConList_2025-04-14.csv'), 'utf8'), { from_line: 2, columns: true }) as Record<string, string>[];
  const titles = new Map<string, string>();
  for (const [title, name] of Object.entries((JSON.parse(readFileSync(join(ROOT, 'data/lists/reference/uk-regimes.json'), 'utf8')) as { regimes: Record<string, string> }).regimes)) {
    if (!titles.has(name)) titles.set(name, title);
  }
  const nameType: Record<string, string> = { 'primary name': 'Primary Name', 'prime alias': 'Primary Name', 'primary name variation': 'Primary name variation', aka: 'Alias', fka: 'Alias' };
  const header = TEXT.split('\r\n')[1]!.split(',');
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const out = ['Report Date: 14-Apr-2025', header.join(',')];
  for (const r of rows) {
    const v: Record<string, string> = {
      'Unique ID': /\(UK Sanctions List Ref\):\s*([A-Z]{3}\d{4})/.exec(r['Other Information']!)?.[1] ?? `G${r['Group ID']}`,
      'OFSI Group ID': r['Group ID']!, 'Name type': nameType[r['Alias Type']!.toLowerCase()] ?? '', 'Alias strength': r['Alias Quality']!,
      Title: r.Title!, 'Name non-latin script': r['Name Non-Latin Script']!, 'Regime Name': titles.get(r.Regime!) ?? r.Regime!,
      'Designation Type': r['Group Type']!, 'Sanctions Imposed': 'Asset freeze', 'Other Information': r['Other Information']!,
      'Date Designated': r['UK Sanctions List Date Designated']!, 'D.O.B': r.DOB!, 'Nationality(/ies)': r.Nationality!,
      'Passport number': r['Passport Number']!, 'Position': r.Position!, 'Address Postal Code': r['Post/Zip Code']!, 'Address Country': r.Country!,
    };
    for (const i of [1, 2, 3, 4, 5, 6]) { v[`Name ${i}`] = r[`Name ${i}`]!; v[`Address Line ${i}`] = r[`Address ${i}`]!; }
    out.push(header.map((h) => q(v[h] ?? '')).join(','));
  }
  return `${out.join('\r\n')}\r\n`;
}

test('the bundled ConList written in the FCDO layout gives the same 4,688 targets: ids, primary names, names, regimes, birth dates, countries', async (t) => {
  const path = join(tmp(t), 'UK-Sanctions-List.csv');
  writeFileSync(path, conListAsFcdo());
  const conlist = await parseListFile('uk', join(ROOT, 'data/lists/uk-ofsi/ConList_2025-04-14.csv'));
  const cpu = process.cpuUsage();
  const started = Date.now();
  const fcdo = await parseListFile('uk', path);
  const { user, system } = process.cpuUsage(cpu);
  t.diagnostic(`FCDO layout, 18,798 rows: ${Date.now() - started} ms wall, ${Math.round((user + system) / 1000)} ms CPU`);
  assert.equal(fcdo.listDate, '2025-04-14');
  assert.equal(fcdo.entries.length, 4_688);
  const shape = (e: ListEntry) => [e.id, e.type, e.names[0]!.name, e.names.map((n) => n.name).sort(), [...e.programs].sort(), [...e.birthDates].sort(), [...e.countries].sort()];
  assert.deepEqual(fcdo.entries.map(shape), conlist.entries.map(shape));
});
