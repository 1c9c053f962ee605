// Reading a job's results as JSON Lines, in input order, a page at a time so that a million-row
// job streams in bounded memory.
import type { Store } from '../store/store.js';

const PAGE = 2000;

export interface ResultReadOptions {
  /** Only rows after this row number (resume a download). */
  after?: number;
  /**
   * Stop at the first row not yet screened, so that a running job yields exactly its finished
   * prefix: chunks land whole (one transaction each), in any order.
   */
  contiguous?: boolean;
  pageSize?: number;
}

export async function* jobResultLines(store: Store, jobId: string, opts: ResultReadOptions = {}): AsyncGenerator<string> {
  const pageSize = opts.pageSize ?? PAGE;
  let after = opts.after ?? 0;
  for (;;) {
    const page = await store.jobResults(jobId, after, pageSize);
    let chunk = '';
    for (const r of page) {
      if (opts.contiguous && r.row !== after + 1) {
        if (chunk) yield chunk;
        return;
      }
      chunk += r.json + '\n';
      after = r.row;
    }
    if (chunk) yield chunk;
    if (page.length < pageSize) return;
  }
}
