// Batch screening for the API: one record per party in input order, yielding to the event loop
// between slices so that other requests are not stalled behind a 1,000-row batch. The batch is
// one audit event (not one per row).
import type { AuditOptions, Vigil } from '../app/vigil.js';
import type { ListVersion, ScreenQuery, ScreeningHit } from '../model/index.js';
import { inputHash } from '../cases/audit-trail.js';

export interface BatchRecord {
  /** 1-based position in the request, as `vigil screen --input` numbers rows. */
  row: number;
  input: Omit<ScreenQuery, 'threshold' | 'limit'>;
  hits: ScreeningHit[];
}

const SLICE = 50;

export async function screenBatch(
  vigil: Vigil,
  parties: Omit<ScreenQuery, 'threshold' | 'limit'>[],
  tuning: { threshold?: number; limit?: number },
  audit: AuditOptions = {},
): Promise<BatchRecord[]> {
  const out: BatchRecord[] = [];
  let lists: ListVersion[] = [];
  for (let i = 0; i < parties.length; i++) {
    const input = parties[i]!;
    const result = await vigil.screen({ ...input, ...definedOnly(tuning) }, { audit: false });
    lists = result.lists;
    out.push({ row: i + 1, input, hits: result.hits });
    if ((i + 1) % SLICE === 0) await new Promise((r) => setImmediate(r));
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
