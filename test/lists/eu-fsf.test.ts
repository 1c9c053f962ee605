// The EU Financial Sanctions Files reader on fixtures written to the published 1.1 layouts (XML and
// CSV: the same five real EU listings, four of them also on the UN list), and `lists update eu`
// against a loopback server serving the official path: import, refusal of an empty, truncated or
// halved file, the previous snapshot kept active.
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { importList } from '../../src/lists/import.js';
import { parseListFile } from '../../src/lists/registry.js';
import { updateLists } from '../../src/lists/update.js';
import { openTestStore } from '../support/stores.js';
import { FIX, byId, tmp } from './helpers.js';

const XML = join(FIX, 'eu-fsf/fsf_xml_1_1_sample.xml');
const CSV = join(FIX, 'eu-fsf/fsf_csv_1_1_sample.csv');
const EU_PATH = '/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw';

test('EU FSF XML 1.1: entities, names (original script apart), birth dates, citizenship, identifiers, programme and regulation', async () => {
  const r = await parseListFile('eu', XML);
  assert.equal(r.source, 'eu');
  assert.equal(r.listDate, '2026-11-20');
  assert.equal(r.listDateFrom, 'file content');
  assert.deepEqual(r.stats, { persons: 3, organizations: 2, withUnReference: 4, withOriginalScript: 2 });
  assert.deepEqual(r.warnings, []);
  const baghdadi = byId(r.entries, 'eu:90001');
  assert.equal(baghdadi.type, 'person');
  assert.equal(baghdadi.list, 'EU Consolidated Financial Sanctions List');
  assert.deepEqual(baghdadi.names, [{ name: 'Abdulqader Mohammed Al-Baghdadi', kind: 'primary' }]);
  assert.deepEqual(baghdadi.birthDates, ['1950-07-01']);
  assert.deepEqual(baghdadi.countries, ['LY']);
  assert.deepEqual(baghdadi.programs, ['LBY']);
  assert.ok(baghdadi.identifiers.some((i) => i.type === 'UN Reference Number' && i.value === 'LYi.001'));
  assert.ok(baghdadi.identifiers.some((i) => i.type === 'National passport' && i.value === 'B010574' && i.country === 'LY'));
  assert.match(baghdadi.remarks!, /EU regulation\(s\): 2016\/44 \(OJ L12\)/);
  assert.match(baghdadi.sourceUrl!, /CELEX:32016R0044/);
  const khamis = byId(r.entries, 'eu:90002');
  assert.deepEqual(khamis.names.map((n) => n.kind), ['primary', 'original-script']);
  assert.deepEqual(khamis.birthDates, ['1978']);
  const komid = byId(r.entries, 'eu:90004');
  assert.equal(komid.type, 'organization');
  assert.deepEqual(komid.names.map((n) => n.name), ['Korea Mining Development Trading Corporation', 'KOMID', 'Changgwang Sinyong Corporation']);
  assert.deepEqual(komid.countries, ['KP']);
  assert.deepEqual(komid.programs, ['PRK']);
  const abramovich = byId(r.entries, 'eu:90005');
  assert.ok(abramovich.names.some((n) => n.name === 'Роман Аркадьевич Абрамович' && n.kind === 'original-script'));
  assert.deepEqual(abramovich.programs, ['UKR']);
});

test('EU FSF CSV 1.1 (semicolons, one row per sub-record, BOM) gives the same entries as the XML', async () => {
  const [x, c] = await Promise.all([parseListFile('eu', XML), parseListFile('eu-fsf', CSV)]);
  assert.equal(c.listDate, '2026-11-20');
  assert.deepEqual(c.entries, x.entries);
});

test('not an EU file: a wrong XML root and a CSV without the 1.1 header are refused, naming the file', async (t) => {
  const dir = tmp(t);
  const wrong = join(dir, 'wrong.xml');
  writeFileSync(wrong, '<?xml version="1.0"?><html><body>Service unavailable</body></html>');
  await assert.rejects(parseListFile('eu', wrong), /not an EU Financial Sanctions File/);
  const csv = join(dir, 'wrong.csv');
  writeFileSync(csv, 'name;country\nX;Y\n');
  await assert.rejects(parseListFile('eu', csv), /missing EU FSF CSV column\(s\) Entity_LogicalId, NameAlias_WholeName/);
});

async function serve(t: TestContext, route: ((res: ServerResponse) => void) | undefined): Promise<string> {
  const server = createServer((req, res) => {
    if (req.url !== EU_PATH || !route) { res.writeHead(404).end('not found'); return; }
    route(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

test('vigil lists update eu: fetched from the official path, staged and activated; bad files refused and the snapshot kept', async (t) => {
  const dir = tmp(t);
  const store = await openTestStore(t, { db: join(dir, 'vigil.db'), pollMs: 50 });
  const bytes = readFileSync(XML);
  let serving: Buffer | string = bytes;
  const base = await serve(t, (res) => res.writeHead(200, { 'content-type': 'application/xml' }).end(serving));

  const [first] = await updateLists(store, { sources: ['eu'], baseUrl: base, timeoutMs: 10_000 });
  assert.equal(first!.status, 'imported', first!.message);
  assert.deepEqual(first!.urls, [`${base}${EU_PATH.slice(1)}`]);
  const active = (await store.activeSnapshots()).find((s) => s.source === 'eu')!;
  assert.equal(active.entryCount, 5);
  assert.equal(active.listDate, '2026-11-20');

  const text = bytes.toString('utf8');
  const cases: [string, string, RegExp][] = [
    ['empty', '', /file is empty/],
    ['truncated', text.slice(0, Math.floor(text.length * 0.6)), /malformed XML/],
    // Three of five entities: a fall by more than half of the active list is refused without --force.
    ['halved', text.replace(/<sanctionEntity designationDetails="" unitedNationId="LYi\.011"[\s\S]*?<\/sanctionEntity>\s*<sanctionEntity designationDetails="" unitedNationId="LYe\.001"[\s\S]*?<\/sanctionEntity>\s*<sanctionEntity designationDetails="" unitedNationId="KPe\.001"[\s\S]*?<\/sanctionEntity>/, ''), /suspicious import: eu would fall from 5 entries .* to 2/],
  ];
  for (const [label, body, pattern] of cases) {
    serving = body;
    const [r] = await updateLists(store, { sources: ['eu'], baseUrl: base, timeoutMs: 10_000 });
    assert.equal(r!.status, 'failed', label);
    assert.match(r!.message, pattern, label);
    const now = (await store.activeSnapshots()).find((s) => s.source === 'eu')!;
    assert.equal(now.id, active.id, `${label}: the previous snapshot stays active`);
  }
  // The CSV variant imports through `lists import` too (another file, so another snapshot).
  const csv = await importList(store, { format: 'eu-csv', path: CSV });
  assert.equal(csv.status, 'imported');
  assert.equal(csv.entries, 5);
});
