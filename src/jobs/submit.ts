// Submitting a batch screening job: record it in the store, then queue its chunks.
//
// The chunk input lives in the queue entries' data (pg-boss's table in the same PostgreSQL
// database), not in the store: the INSERT that makes a chunk visible to workers is the one that
// stores its rows, so no chunk can be queued without its input or stored without being queued;
// a retried chunk is handed exactly the same rows; and pg-boss drops the input once the job is
// long done, while results stay in the store.
//
// The job record is written first and the id is returned only after every chunk is queued: if
// this process dies in between, no client ever received the id (the record and any chunks already
// queued are orphans, screened for nobody); if queueing fails, the job is marked failed and
// workers skip its remaining chunks.
import type { JobRecord, Store } from '../store/store.js';
import { splitIntoChunks } from './chunks.js';
import { newJobId } from './ids.js';
import type { JobQueue } from './queue.js';
import type { ScreenRow } from './rows.js';

export interface ScreenJobOptions {
  threshold?: number;
  limit?: number;
}

export interface ScreenJobParams extends ScreenJobOptions {
  chunkSize: number;
}

export async function submitScreenJob(store: Store, queue: JobQueue, rows: ScreenRow[], opts: ScreenJobOptions = {}): Promise<JobRecord> {
  const id = newJobId();
  const chunkSize = queue.settings.chunkSize;
  const chunks = splitIntoChunks(id, rows, chunkSize, opts);
  const now = new Date().toISOString();
  const params: ScreenJobParams = { chunkSize, ...opts };
  const job: JobRecord = {
    id, kind: 'screen', status: 'queued', total: rows.length, chunks: chunks.length, chunksDone: 0,
    createdAt: now, updatedAt: now, params,
  };
  await store.createJob(job);
  try {
    await queue.enqueue(chunks);
  } catch (err) {
    const error = `could not queue the job: ${(err as Error).message}`;
    await store.updateJob(id, { status: 'failed', error });
    throw err;
  }
  return job;
}
