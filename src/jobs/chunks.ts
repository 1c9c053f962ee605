// Splitting a job's rows into chunks. Row numbers are 1-based and global to the job, so a chunk
// carries the number of its first row and results can be written and read back in input order.
import type { ScreenRow } from './rows.js';

/** What a chunk's queue entry carries (and what pg-boss keeps durably until it is done). */
export interface ChunkPayload {
  jobId: string;
  chunk: number;
  /** Row number of rows[0] (1-based). */
  firstRow: number;
  rows: ScreenRow[];
  threshold?: number;
  limit?: number;
}

export function splitIntoChunks(
  jobId: string, rows: ScreenRow[], chunkSize: number, opts: { threshold?: number; limit?: number } = {},
): ChunkPayload[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error(`chunk size must be a positive integer, got ${chunkSize}`);
  const chunks: ChunkPayload[] = [];
  for (let start = 0, chunk = 0; start < rows.length; start += chunkSize, chunk++) {
    const payload: ChunkPayload = { jobId, chunk, firstRow: start + 1, rows: rows.slice(start, start + chunkSize) };
    if (opts.threshold !== undefined) payload.threshold = opts.threshold;
    if (opts.limit !== undefined) payload.limit = opts.limit;
    chunks.push(payload);
  }
  return chunks;
}

export function chunkCount(rows: number, chunkSize: number): number {
  return Math.ceil(rows / chunkSize);
}
