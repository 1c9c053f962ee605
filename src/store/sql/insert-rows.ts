// Multi-row INSERT in batches that stay under the backend's bound-parameter limit. Full batches
// share one SQL text, so SQLite reuses one prepared statement.
import type { Executor } from './executor.js';

export async function insertRows(
  ex: Executor, maxParams: number, table: string, columns: readonly string[], rows: readonly unknown[][],
  suffix = '',
): Promise<void> {
  const perBatch = Math.max(1, Math.min(1000, Math.floor(maxParams / columns.length)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}${suffix}`;
    await ex.run(sql, batch.flat());
  }
}
