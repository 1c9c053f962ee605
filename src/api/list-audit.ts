// Audit events for list changes, from the API and the CLI alike: who imported or updated which list,
// with what result (a refused import is recorded too: the attempt is the admin act).
import type { Store } from '../store/store.js';
import type { ImportResult } from '../lists/import.js';
import type { UpdateOutcome } from '../lists/update.js';

export async function recordListImport(
  store: Pick<Store, 'appendAudit'>, actor: string,
  input: { format: string; fileName?: string; listDate?: string; force?: boolean },
  result: ImportResult | { error: string },
): Promise<void> {
  const ok = !('error' in result);
  await store.appendAudit({
    actor, action: 'lists.import',
    subject: ok && result.snapshot ? `snapshot:${result.snapshot.id}` : `format:${input.format}`,
    inputHash: ok ? result.sha256 : undefined,
    outcome: ok ? `${result.status}: ${result.message}` : `failed: ${result.error}`,
    detail: {
      ...input,
      ...(ok ? { source: result.source, status: result.status, listDate: result.listDate, entries: result.entries, previous: result.previous?.id } : {}),
    },
  });
}

export async function recordListUpdate(store: Pick<Store, 'appendAudit'>, actor: string, input: { sources?: string[]; force?: boolean }, outcomes: UpdateOutcome[]): Promise<void> {
  await store.appendAudit({
    actor, action: 'lists.update',
    subject: outcomes.length === 1 ? `source:${outcomes[0]!.source}` : undefined,
    outcome: outcomes.map((o) => `${o.source}: ${o.status}`).join(', ') || 'nothing to update',
    detail: {
      ...input,
      results: outcomes.map((o) => ({ source: o.source, status: o.status, message: o.message, ...(o.result?.snapshot ? { snapshot: o.result.snapshot.id } : {}) })),
    },
  });
}
