// Screening one chunk: each row through the in-memory index, one JSON Lines record per row in
// the batch format `{ row, input, hits }` (the same shape as `vigil screen --input`).
import type { ScreenQuery } from '../model/index.js';
import type { ScreeningIndex } from '../screening/index.js';
import type { ChunkPayload } from './chunks.js';

export function screenChunk(index: ScreeningIndex, payload: ChunkPayload): { row: number; json: string }[] {
  return payload.rows.map((input, i) => {
    const q: ScreenQuery = { ...input };
    if (payload.threshold !== undefined) q.threshold = payload.threshold;
    if (payload.limit !== undefined) q.limit = payload.limit;
    const row = payload.firstRow + i;
    return { row, json: JSON.stringify({ row, input, hits: index.screen(q).hits }) };
  });
}
