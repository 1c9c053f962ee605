// Reading a finished job's results as JSON Lines, in input order, a page at a time so that a
// million-row job streams in bounded memory.
import type { Store } from '../store/store.js';

const PAGE = 2000;

export async function* jobResultLines(store: Store, jobId: string, pageSize = PAGE): AsyncGenerator<string> {
  let after = 0;
  for (;;) {
    const page = await store.jobResults(jobId, after, pageSize);
    if (page.length === 0) return;
    let chunk = '';
    for (const r of page) chunk += r.json + '\n';
    yield chunk;
    after = page[page.length - 1]!.row;
    if (page.length < pageSize) return;
  }
}
