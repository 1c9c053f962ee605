// `lists update` against a real HTTP server on 127.0.0.1 serving the fixture files by the official
// paths: a good file is imported; an empty file, a truncated file, a 404 and a server that never
// answers each fail with a message naming the address or file, and leave the active snapshot as it was.
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { importList } from '../../src/lists/import.js';
import { updateLists } from '../../src/lists/update.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore } from '../support/stores.js';
import { UN_2026, tmp, vigil, vigilAsync } from './helpers.js';

const ROOT_DIR = new URL('../..', import.meta.url).pathname;

const UN_PATH = '/resources/xml/en/consolidated.xml';
const UN_BYTES = readFileSync(UN_2026);

type Route = (res: ServerResponse) => void;

async function serve(t: TestContext, routes: Record<string, Route>): Promise<string> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    route(res);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const body = (bytes: Buffer | string, headers: Record<string, string> = {}): Route => (res) => {
  res.writeHead(200, { 'content-type': 'application/xml', ...headers }).end(bytes);
};

async function storeWithUn(t: TestContext): Promise<{ store: Store; dir: string }> {
  const dir = tmp(t);
  const store = await openTestStore(t, { db: join(dir, 'vigil.db'), pollMs: 50 });
  // The previous snapshot: the same list under another list date, so that a good update replaces it.
  const older = join(dir, 'older.xml');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(older, UN_BYTES.toString('utf8').replace('dateGenerated="2026-02-27', 'dateGenerated="2026-01-30'));
  assert.equal((await importList(store, { format: 'un', path: older })).status, 'imported');
  return { store, dir };
}

test('a good file is downloaded from the base URL (same path) and imported atomically', async (t) => {
  const { store } = await storeWithUn(t);
  const before = (await store.activeSnapshots())[0]!;
  const base = await serve(t, { [UN_PATH]: body(UN_BYTES, { 'last-modified': 'Fri, 27 Feb 2026 06:00:00 GMT' }) });
  const [r] = await updateLists(store, { sources: ['un'], baseUrl: base, timeoutMs: 10_000 });
  assert.equal(r!.status, 'imported', r!.message);
  assert.deepEqual(r!.urls, [`${base}resources/xml/en/consolidated.xml`]);
  const now = (await store.activeSnapshots())[0]!;
  assert.notEqual(now.id, before.id);
  assert.equal(now.listDate, '2026-02-27');
  assert.equal(now.entryCount, 1_003);
  assert.equal(now.sha256, '66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf');
  // Same file again: nothing to do.
  const [again] = await updateLists(store, { sources: ['un'], baseUrl: base, timeoutMs: 10_000 });
  assert.equal(again!.status, 'unchanged');
});

for (const [label, route, pattern] of [
  ['an empty file', body(''), /consolidated\.xml: file is empty/],
  ['a truncated file', body(UN_BYTES.subarray(0, 700_000)), /consolidated\.xml:\d+:\d+: malformed XML: unclosed tag/],
  ['a 404', undefined, /GET http:\/\/127\.0\.0\.1:\d+\/resources\/xml\/en\/consolidated\.xml: HTTP 404 Not Found/],
  ['a server that never answers', (() => { /* accept the request, never respond */ }) as Route, /no complete answer within 500 ms \(timeout\)/],
] as const) {
  test(`${label}: fails, names the address or file, previous snapshot stays active`, async (t) => {
    const { store } = await storeWithUn(t);
    const before = await store.activeSnapshots();
    const base = await serve(t, route ? { [UN_PATH]: route } : {});
    const started = Date.now();
    const [r] = await updateLists(store, { sources: ['un'], baseUrl: base, timeoutMs: 500 });
    assert.equal(r!.status, 'failed');
    assert.match(r!.message, pattern);
    assert.ok(Date.now() - started < 30_000);
    assert.deepEqual(await store.activeSnapshots(), before);
    assert.ok((await store.listSnapshots()).every((s) => s.status !== 'staged'));
  });
}

test('CLI: lists update --json exits non-zero on failure, prints one JSON document, status unchanged', async (t) => {
  const { store, dir } = await storeWithUn(t);
  const before = await store.activeSnapshots();
  await store.close();
  const base = await serve(t, { [UN_PATH]: body('') });
  const db = join(dir, 'vigil.db');
  const r = await vigilAsync(['--db', db, 'lists', 'update', '--source', 'un', '--base-url', base, '--timeout-ms', '5000', '--json']);
  assert.equal(r.status, 1, r.stderr);
  assert.ok(r.stdout.length > 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { ok: boolean; results: { source: string; status: string; message: string }[] };
  assert.equal(doc.ok, false);
  assert.equal(doc.results[0]!.status, 'failed');
  assert.match(r.stderr, /vigil: un: .*consolidated\.xml: file is empty/);
  const status = vigil(['--db', db, 'lists', 'status', '--json']);
  assert.equal(status.status, 0, status.stderr);
  const s = JSON.parse(status.stdout) as { lists: { snapshot: number; entries: number }[] };
  assert.deepEqual(s.lists.map((l) => [l.snapshot, l.entries]), before.map((b) => [b.id, b.entryCount]));
});

test('a multi-file OFAC download with one file missing (404) fails naming it, and nothing is imported', async (t) => {
  const dir = tmp(t);
  const store = await openTestStore(t, { db: join(dir, 'vigil.db'), pollMs: 50 });
  const fx = join(ROOT_DIR, 'test/fixtures/lists/ofac/sdn_2021-07-07');
  const prefix = '/api/PublicationPreview/exports/';
  const csv = (name: string): Route => (res) => { res.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(join(fx, name))); };
  // alt.csv is missing on the server; the other three files are there.
  const base = await serve(t, { [`${prefix}sdn.csv`]: csv('sdn.csv'), [`${prefix}add.csv`]: csv('add.csv'), [`${prefix}sdn_comments.csv`]: csv('sdn_comments.csv') });
  const [r] = await updateLists(store, { sources: ['ofac-sdn'], baseUrl: base, timeoutMs: 10_000 });
  assert.equal(r!.status, 'failed', r!.message);
  assert.match(r!.message, /alt\.csv/);
  assert.match(r!.message, /404/);
  assert.deepEqual(await store.activeSnapshots(), []);
  assert.ok((await store.listSnapshots()).every((s) => s.status !== 'staged'));
  // With every file present the same download imports.
  const full = await serve(t, { [`${prefix}sdn.csv`]: csv('sdn.csv'), [`${prefix}alt.csv`]: csv('alt.csv'), [`${prefix}add.csv`]: csv('add.csv'), [`${prefix}sdn_comments.csv`]: csv('sdn_comments.csv') });
  const [ok] = await updateLists(store, { sources: ['ofac-sdn'], baseUrl: full, timeoutMs: 30_000 });
  assert.equal(ok!.status, 'imported', ok!.message);
});
