// Screening one chunk: each row through the in-memory index, one JSON Lines record per row in
// the batch format `{ row, input, hits }` (the same shape as `vigil screen --input`).
import type { ScreenQuery } from '../model/index.js';
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
    out.push({ row, json: JSON.stringify({ row, input, hits: index.screen(q).hits }) });
    if ((i + 1) % SLICE === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}
