// Batch screening for the API: one record per party in input order, yielding to the event loop
// after every party so that other requests (health included) wait at most one query behind a
// batch, and charging each query to the request's work budget (budgets.ts): a batch that uses it
// up is refused rather than left to stall the process. The batch is one audit event (not one per row).
import type { AuditOptions, Vigil } from '../app/vigil.js';
import type { ListVersion, ScreenQuery, ScreeningHit } from '../model/index.js';
import { inputHash } from '../cases/audit-trail.js';
import { WorkBudget } from './budgets.js';

export interface BatchRecord {
  /** 1-based position in the request, as `vigil screen --input` numbers rows. */
  row: number;
  input: Omit<ScreenQuery, 'threshold' | 'limit'>;
  hits: ScreeningHit[];
}

export async function screenBatch(
  vigil: Vigil,
  parties: Omit<ScreenQuery, 'threshold' | 'limit'>[],
  tuning: { threshold?: number; limit?: number },
  audit: AuditOptions = {},
  budget: WorkBudget = new WorkBudget(),
): Promise<BatchRecord[]> {
  const index = await vigil.screening();
  const out: BatchRecord[] = [];
  let lists: ListVersion[] = [];
  for (let i = 0; i < parties.length; i++) {
    const input = parties[i]!;
    // One query at a time, synchronously timed (what vigil.screen does, without its audit event).
    const result = budget.run(() => index.screen({ ...input, ...definedOnly(tuning) }), i + 1, parties.length);
    lists = result.lists;
    out.push({ row: i + 1, input, hits: result.hits });
    await new Promise((r) => setImmediate(r));
  }
  if (audit.audit === false) return out;
  const withHits = out.filter((r) => r.hits.length > 0).length;
  await vigil.store.appendAudit({
    actor: vigil.actorOf(audit),
    action: 'screen.batch',
    inputHash: inputHash({ parties, ...definedOnly(tuning) }),
    outcome: `${out.length} rows, ${withHits} with hits`,
    dataVersions: { lists },
  });
  return out;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
