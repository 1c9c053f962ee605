// The chunk worker: takes chunks from the queue, screens them with this instance's in-memory
// index and writes their results. Any number of workers in any number of processes can run: a
// chunk is held by one worker at a time, and writing a chunk's results is idempotent, so a chunk
// retried after its worker died (or after a timeout while the first attempt was still running)
// replaces its rows instead of adding to them.
import type { Vigil } from '../app/vigil.js';
import type { ChunkPayload } from './chunks.js';
import type { JobQueue } from './queue.js';
import { screenChunk } from './screen-chunk.js';

export interface WorkerOptions {
  /** Polling loops in this process (default 2: one screens while the other writes). */
  concurrency?: number;
}

export interface ChunkEvents {
  /** After a chunk's results are stored (tests and benches watch this). */
  onChunkDone?: (payload: ChunkPayload) => void;
}

export async function startScreenWorker(vigil: Vigil, queue: JobQueue, opts: WorkerOptions & ChunkEvents = {}): Promise<void> {
  const concurrency = opts.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  // Build the index before taking the first chunk, so a chunk's time is screening time.
  await vigil.screening();
  const store = vigil.store;

  await queue.work(concurrency, async (payload) => {
    const job = await store.getJob(payload.jobId);
    if (!job || job.status === 'failed') return; // nothing to do for a vanished or failed job
    // 'running' is not written: status is derived from the stored chunks (see status.ts), and a
    // write here could race with another process marking the job failed.
    // The index is read once per chunk: a snapshot activated mid-chunk applies from the next one.
    const index = await vigil.screening();
    await store.putJobChunk(payload.jobId, payload.chunk, await screenChunk(index, payload));
    const done = await store.countJobChunks(payload.jobId);
    if (done >= job.chunks) await store.updateJob(job.id, { status: 'done', chunksDone: done });
    opts.onChunkDone?.(payload);
  });

  await queue.onFailedChunk(async (payload, error) => {
    const last = payload.firstRow + payload.rows.length - 1;
    await store.updateJob(payload.jobId, {
      status: 'failed',
      error: `chunk ${payload.chunk} (rows ${payload.firstRow}–${last}) failed after all retries: ${error}`,
    });
  });
}
