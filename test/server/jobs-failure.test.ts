// A chunk that fails on every attempt: pg-boss retries it, then moves it to the dead-letter queue,
// whose worker marks the job failed, naming the chunk and its rows; its results are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitIntoChunks } from '../../src/jobs/chunks.js';
import { newJobId } from '../../src/jobs/ids.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { jobSettings } from '../../src/jobs/settings.js';
import { jobStatus } from '../../src/jobs/status.js';
import { startScreenWorker } from '../../src/jobs/worker.js';
import { freshPgDatabase, pgTestServer } from '../support/pg.js';
import { cleanupStack, openInstance, waitFor } from './support.js';

const pg = await pgTestServer();

test('a chunk that always fails is retried, then fails the job with its rows named', { skip: pg.skip, timeout: 120_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(t);
  const vigil = await openInstance(t, db.url);
  const queue = await JobQueue.open(db.url, jobSettings({ chunkSize: 2, retryLimit: 2, retryDelaySeconds: 0, pollingIntervalSeconds: 0.5 }));
  t.after(() => queue.stop());
  const attempts: number[] = [];
  await startScreenWorker(vigil, queue, { concurrency: 1, onChunkDone: (p) => attempts.push(p.chunk) });

  const id = newJobId();
  const rows = [{ name: 'Alpha' }, { name: 'Beta' }, { name: 'Gamma' }, { name: 'Delta' }];
  const chunks = splitIntoChunks(id, rows, 2);
  // Chunk 1 is corrupt (a row number the store cannot hold): writing its results fails every time.
  (chunks[1] as { firstRow: unknown }).firstRow = 'three';
  const now = new Date().toISOString();
  await vigil.store.createJob({ id, kind: 'screen', status: 'queued', total: 4, chunks: 2, chunksDone: 0, createdAt: now, updatedAt: now, params: {} });
  await queue.enqueue(chunks);

  const failed = await waitFor('the job to fail', async () => {
    const s = await jobStatus(vigil.store, id);
    return s?.status === 'failed' ? s : undefined;
  }, 60_000, 100);
  assert.match(failed.error ?? '', /^chunk 1 \(rows three/);
  assert.match(failed.error ?? '', /failed after all retries/);
  assert.equal(failed.chunksDone, 1, 'the good chunk was still stored');
  assert.deepEqual(attempts, [0]);
  const state = await queue.chunkState(id, 1);
  assert.equal(state?.state, 'failed');
  assert.equal(state?.retryCount, 2, 'tried 1 + retryLimit times');
});
