// Screening one chunk: each row through the in-memory index, one JSON Lines record per row in
// the batch format `{ row, input, hits }` (the same shape as `vigil screen --input`).
import { VigilInputError, type ScreenQuery } from '../model/index.js';
import type { ScreeningIndex } from '../screening/index.js';
import type { ChunkPayload } from './chunks.js';

/**
 * Rows screened between yields to the event loop: a worker inside `vigil serve` shares the loop
 * with HTTP requests, which should not wait behind a whole chunk.
 */
const SLICE = 100;

export async function screenChunk(index: ScreeningIndex, payload: ChunkPayload): Promise<{ row: number; json: string }[]> {
  const out: { row: number; json: string }[] = [];
  for (let i = 0; i < payload.rows.length; i++) {
    const input = payload.rows[i]!;
    const q: ScreenQuery = { ...input };
    if (payload.threshold !== undefined) q.threshold = payload.threshold;
    if (payload.limit !== undefined) q.limit = payload.limit;
    const row = payload.firstRow + i;
    out.push({ row, json: JSON.stringify(screenRow(index, row, input, q)) });
    if ((i + 1) % SLICE === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}

/**
 * Rows are validated when the job is submitted; a row the screener still refuses (its rules may
 * be stricter in a newer version) gets an `error` and no `hits` — never an empty, clean-looking
 * answer — and does not fail the other rows of its chunk.
 */
function screenRow(index: ScreeningIndex, row: number, input: ChunkPayload['rows'][number], q: ScreenQuery): object {
  try {
    return { row, input, hits: index.screen(q).hits };
  } catch (err) {
    if (err instanceof VigilInputError) return { row, input, error: err.message };
    throw err;
  }
}
