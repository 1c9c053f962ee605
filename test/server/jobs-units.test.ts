// The pieces of batch jobs that need no database: input parsing, chunking, ids, settings, status,
// and screening a chunk with a real index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VigilInputError } from '../../src/model/errors.js';
import { ScreeningIndex } from '../../src/screening/index.js';
import { splitIntoChunks } from '../../src/jobs/chunks.js';
import { chunkQueueId, isJobId, newJobId } from '../../src/jobs/ids.js';
import { parseCsvRows, parseJsonRows } from '../../src/jobs/rows.js';
import { screenChunk } from '../../src/jobs/screen-chunk.js';
import { jobSettings, DEFAULT_JOB_SETTINGS } from '../../src/jobs/settings.js';
import { derivedStatus } from '../../src/jobs/status.js';
import { rowsHash } from '../../src/jobs/service.js';
import { createHash } from 'node:crypto';
import type { JobRecord } from '../../src/store/store.js';
import { entry } from './support.js';

const refused = (fn: () => unknown, where: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof VigilInputError && where.test(e.message), `expected a VigilInputError matching ${where}`);

test('CSV rows: header names are forgiving, values are checked, errors name the line and field', () => {
  const rows = parseCsvRows('\uFEFFName,Type,Country,Birth Year\n"Acme, Ltd",organization,it,\nJohn Smith,person,,1961\n\n');
  assert.deepEqual(rows, [{ name: 'Acme, Ltd', type: 'organization', country: 'IT' }, { name: 'John Smith', type: 'person', birthYear: 1961 }]);
  refused(() => parseCsvRows('company\nAcme\n'), /line 1: has no "name" column/);
  refused(() => parseCsvRows(''), /is empty/);
  refused(() => parseCsvRows('name\n'), /header but no rows/);
  refused(() => parseCsvRows('name,country\nAcme,IT\nBeta,Italy\n'), /line 3, field "country"/);
  refused(() => parseCsvRows('name,type\nAcme,company\n'), /line 2, field "type"/);
  refused(() => parseCsvRows('name,birth_year\nAcme,61\n'), /line 2, field "birth_year"/);
  refused(() => parseCsvRows('name\nAcme\n"Bad\u0007Name"\n'), /line 3, field "name".*control characters/);
  refused(() => parseCsvRows('name,country\nAcme,IT,extra\n'), /CSV body/);
});

test('JSON rows: an array of objects with a name', () => {
  assert.deepEqual(parseJsonRows([{ name: ' Acme ', birth_year: '1970' }, { name: 'B', birthYear: 1980, country: 'ly' }]),
    [{ name: 'Acme', birthYear: 1970 }, { name: 'B', birthYear: 1980, country: 'LY' }]);
  refused(() => parseJsonRows({ name: 'x' }), /expected an array/);
  refused(() => parseJsonRows([]), /no rows/);
  refused(() => parseJsonRows([{ name: 'a' }, 'b']), /rows\[1\]: is not an object/);
  refused(() => parseJsonRows([{ name: 'a' }, { nom: 'b' }]), /rows\[1\], field "name"/);
});

test('chunks carry global 1-based row numbers', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ name: `N${i + 1}` }));
  const chunks = splitIntoChunks('job', rows, 4, { threshold: 0.9 });
  assert.deepEqual(chunks.map((c) => [c.chunk, c.firstRow, c.rows.length, c.rows[0]!.name]), [[0, 1, 4, 'N1'], [1, 5, 4, 'N5'], [2, 9, 2, 'N9']]);
  assert.ok(chunks.every((c) => c.threshold === 0.9 && c.limit === undefined));
  assert.throws(() => splitIntoChunks('job', rows, 0));
});

test('job ids are time-ordered v7 UUIDs; chunk queue ids are deterministic and sort in chunk order', () => {
  const a = newJobId(1_700_000_000_000);
  const b = newJobId(1_700_000_000_001);
  assert.ok(isJobId(a) && isJobId(b), `${a} ${b}`);
  assert.ok(a < b);
  assert.equal(isJobId('01a00000-0000-4000-8000-000000000000'), false);
  const ids = [0, 1, 2, 15, 16, 255, 4096, 99_999].map((c) => chunkQueueId(a, c));
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(chunkQueueId(a, 7), chunkQueueId(a, 7));
  assert.notEqual(chunkQueueId(a, 7), chunkQueueId(b, 7));
  assert.match(ids[3]!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

test('settings: defaults, environment, explicit overrides; a bad value names its variable', () => {
  assert.deepEqual(jobSettings({}, {}), DEFAULT_JOB_SETTINGS);
  const s = jobSettings({ retryLimit: 1 }, { VIGIL_JOBS_CHUNK_SIZE: '250', VIGIL_JOBS_RETRY_LIMIT: '9' });
  assert.equal(s.chunkSize, 250);
  assert.equal(s.retryLimit, 1);
  assert.throws(() => jobSettings({}, { VIGIL_JOBS_EXPIRE_SECONDS: 'soon' }), /VIGIL_JOBS_EXPIRE_SECONDS=soon/);
});

test('status is derived from the stored chunks; a failed job stays failed', () => {
  const job = { status: 'queued', chunks: 3 } as JobRecord;
  assert.equal(derivedStatus(job, 0), 'queued');
  assert.equal(derivedStatus(job, 1), 'running');
  assert.equal(derivedStatus({ ...job, status: 'running' }, 3), 'done');
  assert.equal(derivedStatus({ ...job, status: 'failed' }, 3), 'failed');
});

test('a chunk screens each row against the index; a row the screener refuses gets an error, not an empty answer', async () => {
  const snapshot = { id: 7, source: 'test-list', format: 'test', listDate: '2026-01-01', sha256: 'a'.repeat(64), fileName: 't', entryCount: 2, nameCount: 2, importedAt: '2026-01-01T00:00:00Z', status: 'active' as const };
  const index = ScreeningIndex.build([entry('test-list', 1, 'Zubair Qasimov Engineering Works'), entry('test-list', 2, 'Filler Logistics Company')], [snapshot]);
  const out = await screenChunk(index, {
    jobId: 'j', chunk: 3, firstRow: 31,
    rows: [{ name: 'Zubair Qasimov Engineering Works' }, { name: 'Ingeborg Abrahamsen' }, { name: 'x'.repeat(100_000) }],
  });
  const lines = out.map((o) => ({ ...o, doc: JSON.parse(o.json) }));
  assert.deepEqual(lines.map((l) => [l.row, l.doc.row]), [[31, 31], [32, 32], [33, 33]]);
  assert.equal(lines[0]!.doc.hits[0]?.entityId, 'test-list:1');
  assert.deepEqual(lines[1]!.doc.hits, []);
  assert.equal(lines[2]!.doc.hits, undefined);
  assert.match(lines[2]!.doc.error, /limit/);
});

test('the job input hash is the SHA-256 of the rows as JSON, computed row by row', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  for (const rows of [[], [{ name: 'Acme' }], [{ name: 'Acme, "Ltd"', type: 'organization' as const }, { name: 'Ивано́в', country: 'RU', birthYear: 1961 }]]) {
    assert.equal(rowsHash(rows), sha(JSON.stringify(rows)));
  }
});
