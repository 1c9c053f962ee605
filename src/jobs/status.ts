// A job's status and progress as clients see it. Progress is counted from the chunks whose results
// are stored, at read time: workers in several processes finish chunks concurrently, and a count
// taken after the fact cannot lose a race the way a stored counter can.
import type { JobRecord, Store } from '../store/store.js';

export interface JobStatus {
  id: string;
  kind: string;
  status: JobRecord['status'];
  rows: number;
  chunks: number;
  chunksDone: number;
  /** chunksDone / chunks, 0..1. */
  progress: number;
  createdAt: string;
  updatedAt: string;
  params: unknown;
  error?: string;
}

export async function jobStatus(store: Store, id: string): Promise<JobStatus | undefined> {
  const job = await store.getJob(id);
  if (!job) return undefined;
  const chunksDone = Math.min(await store.countJobChunks(id), job.chunks);
  const s: JobStatus = {
    id: job.id, kind: job.kind, status: derivedStatus(job, chunksDone), rows: job.total, chunks: job.chunks, chunksDone,
    progress: job.chunks === 0 ? 1 : chunksDone / job.chunks, createdAt: job.createdAt, updatedAt: job.updatedAt,
    params: job.params,
  };
  if (job.error !== undefined) s.error = job.error;
  return s;
}

/** A failed job stays failed; otherwise the stored chunks decide. */
export function derivedStatus(job: JobRecord, chunksDone: number): JobRecord['status'] {
  if (job.status === 'failed') return 'failed';
  if (chunksDone >= job.chunks) return 'done';
  if (chunksDone > 0) return 'running';
  return job.status;
}
