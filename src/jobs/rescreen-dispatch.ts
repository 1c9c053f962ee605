// Who runs a queued re-screening job. A process with a PostgreSQL job queue (`vigil serve`, `vigil
// worker`, `vigil lists import|update`) attaches a dispatcher to its store: the job goes to pg-boss
// and the caller waits for whichever worker finishes it. Without one (SQLite; a library caller) it
// runs here, in-process. Either way the job's lease (rescreen.ts) keeps two runs apart. This module
// does not import pg-boss, so the SQLite path never loads it.
import type { Store } from '../store/store.js';
import type { RescreenResult } from '../screening/parties.js';
import { rescreenResultOf, runRescreenJob } from './rescreen.js';

export interface RescreenDispatcher {
  /** Have job `id` run (somewhere) and resolve to its result once it is done. */
  dispatch(id: string): Promise<RescreenResult | undefined>;
}

const dispatchers = new WeakMap<Store, RescreenDispatcher>();

/** Route this store's re-screenings through `d` until the returned function is called. */
export function attachRescreenDispatcher(store: Store, d: RescreenDispatcher): () => void {
  dispatchers.set(store, d);
  return () => {
    if (dispatchers.get(store) === d) dispatchers.delete(store);
  };
}

/**
 * Run job `id` and return its result. A job already done (asking again for the same activation, or
 * an instance told of the activation ran it first) is not run again: its recorded result is returned.
 */
export async function runQueuedRescreen(store: Store, id: string): Promise<RescreenResult | undefined> {
  const before = await store.getJob(id);
  if (!before || before.status === 'done' || before.status === 'failed') return rescreenResultOf(before);
  const d = dispatchers.get(store);
  if (d) return d.dispatch(id);
  // In-process; if another process held the job and finished it meanwhile, report its result.
  return (await runRescreenJob(store, id)) ?? rescreenResultOf(await store.getJob(id));
}
