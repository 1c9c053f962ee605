// Batch screening jobs and their per-row results, kept in input order. A chunk's results are
// written idempotently: a retried chunk replaces its rows, never duplicates them.
import type { JobRecord } from '../store.js';
import type { Executor } from './executor.js';
import { insertRows } from './insert-rows.js';

interface JobRow {
  id: string; kind: string; status: JobRecord['status']; total: number; chunks: number; chunks_done: number;
  created_at: string; updated_at: string; params: string; error: string | null;
}

function toJob(r: JobRow): JobRecord {
  const j: JobRecord = {
    id: r.id, kind: r.kind, status: r.status, total: Number(r.total), chunks: Number(r.chunks),
    chunksDone: Number(r.chunks_done), createdAt: r.created_at, updatedAt: r.updated_at, params: JSON.parse(r.params),
  };
  if (r.error !== null) j.error = r.error;
  return j;
}

export async function createJob(ex: Executor, j: JobRecord): Promise<void> {
  await ex.run(
    `INSERT INTO jobs (id, kind, status, total, chunks, chunks_done, created_at, updated_at, params, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [j.id, j.kind, j.status, j.total, j.chunks, j.chunksDone, j.createdAt, j.updatedAt, JSON.stringify(j.params ?? null), j.error ?? null],
  );
}

export async function getJob(ex: Executor, id: string): Promise<JobRecord | undefined> {
  const row = await ex.get<JobRow>('SELECT * FROM jobs WHERE id = ?', [id]);
  return row && toJob(row);
}

const PATCHABLE: Record<string, (v: unknown) => [string, unknown]> = {
  kind: (v) => ['kind', v],
  status: (v) => ['status', v],
  total: (v) => ['total', v],
  chunks: (v) => ['chunks', v],
  chunksDone: (v) => ['chunks_done', v],
  createdAt: (v) => ['created_at', v],
  params: (v) => ['params', JSON.stringify(v ?? null)],
  error: (v) => ['error', v ?? null],
};

export async function updateJob(ex: Executor, id: string, patch: Partial<JobRecord>): Promise<void> {
  await patchJob(ex, id, patch);
}

/**
 * Compare-and-set on `updated_at`: the patch applies only if the row still carries `ifUpdatedAt`.
 * A job's runner holds it by the timestamp it last wrote (a lease; see src/jobs/rescreen.ts), so a
 * process that took the job over makes every later write of the first one change nothing.
 */
export async function updateJobIf(ex: Executor, id: string, ifUpdatedAt: string, patch: Partial<JobRecord>): Promise<boolean> {
  return (await patchJob(ex, id, patch, ifUpdatedAt)) > 0;
}

async function patchJob(ex: Executor, id: string, patch: Partial<JobRecord>, ifUpdatedAt?: string): Promise<number> {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const column = PATCHABLE[key];
    if (!column) continue;
    const [name, v] = column(value);
    sets.push(`${name} = ?`);
    params.push(v);
  }
  sets.push('updated_at = ?');
  params.push(patch.updatedAt ?? new Date().toISOString(), id);
  if (ifUpdatedAt !== undefined) params.push(ifUpdatedAt);
  // A failed job stays failed: a worker that read the job before another process marked it failed
  // must not write 'done' (or anything else) over that — the check is in the UPDATE itself, so no
  // read-then-write window is left between the two processes.
  return ex.run(
    `UPDATE jobs SET ${sets.join(', ')} WHERE id = ?${patch.status === 'failed' ? '' : " AND status <> 'failed'"}${ifUpdatedAt !== undefined ? ' AND updated_at = ?' : ''}`,
    params,
  );
}

/** Call inside a transaction. Also keeps jobs.chunks_done equal to the chunks written. */
export async function putJobChunk(
  ex: Executor, maxParams: number, jobId: string, chunk: number, rows: { row: number; json: string }[],
): Promise<void> {
  const now = new Date().toISOString();
  await ex.run('DELETE FROM job_results WHERE job_id = ? AND chunk = ?', [jobId, chunk]);
  await insertRows(
    ex, maxParams, 'job_results', ['job_id', 'row_no', 'chunk', 'json'],
    rows.map((r) => [jobId, r.row, chunk, r.json]),
    ' ON CONFLICT (job_id, row_no) DO UPDATE SET chunk = excluded.chunk, json = excluded.json',
  );
  await ex.run(
    `INSERT INTO job_chunks (job_id, chunk, row_count, done_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (job_id, chunk) DO UPDATE SET row_count = excluded.row_count, done_at = excluded.done_at`,
    [jobId, chunk, rows.length, now],
  );
  await ex.run(
    'UPDATE jobs SET chunks_done = (SELECT COUNT(*) FROM job_chunks WHERE job_id = ?), updated_at = ? WHERE id = ?',
    [jobId, now, jobId],
  );
}

export async function jobResults(
  ex: Executor, jobId: string, afterRow?: number, limit?: number,
): Promise<{ row: number; json: string }[]> {
  const params: unknown[] = [jobId];
  let sql = 'SELECT row_no, json FROM job_results WHERE job_id = ?';
  if (afterRow !== undefined) { sql += ' AND row_no > ?'; params.push(afterRow); }
  sql += ' ORDER BY row_no';
  if (limit !== undefined) { sql += ' LIMIT ?'; params.push(limit); }
  return (await ex.all<{ row_no: number; json: string }>(sql, params)).map((r) => ({ row: Number(r.row_no), json: r.json }));
}

export async function countJobChunks(ex: Executor, jobId: string): Promise<number> {
  const row = await ex.get<{ n: number }>('SELECT COUNT(*) AS n FROM job_chunks WHERE job_id = ?', [jobId]);
  return Number(row?.n ?? 0);
}

/** Jobs of one kind not yet done or failed (queued, or running in a process that may have died), oldest first. */
export async function unfinishedJobs(ex: Executor, kind: string): Promise<JobRecord[]> {
  return (await ex.all<JobRow>("SELECT * FROM jobs WHERE kind = ? AND status IN ('queued', 'running') ORDER BY created_at, id", [kind])).map(toJob);
}
