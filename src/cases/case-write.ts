// Every change to a case goes through here: read the case inside one transaction, let the caller
// compute the next version, write it with optimistic concurrency together with its audit event(s)
// and any extra rows (denial notifications). All of it lands, or none of it does.
import type { AuditEventInput, CaseRecord, CaseTimelineEntry } from '../model/index.js';
import { VigilInputError, VigilRefusal } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { pauseInsideCaseWrite } from './test-hooks.js';

export interface CaseChange {
  next: CaseRecord;
  /** Audit events to append with the write; actor and subject are filled in. */
  events: Omit<AuditEventInput, 'actor' | 'subject'>[];
  /** Further writes in the same transaction. */
  also?: (tx: Store) => Promise<void>;
}

export type ChangeFn = (current: CaseRecord, tx: Store, now: string) => Promise<CaseChange>;

/** Someone else wrote the case between our read and our write. */
class VersionConflict extends Error {}

const ATTEMPTS = 3;

export async function changeCase(store: Store, id: string, actor: string, change: ChangeFn): Promise<CaseRecord> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(async (tx) => {
        const current = await tx.getCase(id);
        if (!current) throw new VigilInputError(`no case ${id}`, 'case');
        const now = new Date().toISOString();
        const { next, events, also } = await change(current, tx, now);
        next.version = current.version + 1;
        next.updatedAt = now;
        if (!(await tx.updateCase(next))) throw new VersionConflict();
        await also?.(tx);
        for (const e of events) await tx.appendAudit({ ...e, actor, subject: id });
        await pauseInsideCaseWrite();
        return next;
      });
    } catch (err) {
      if (err instanceof VersionConflict && attempt < ATTEMPTS) continue;
      if (err instanceof VersionConflict) {
        throw new VigilRefusal(`case ${id} was changed by someone else ${ATTEMPTS} times while this change was being made; try again`, 'conflict');
      }
      throw err;
    }
  }
}

/** A copy of the case with one more timeline entry (the stored case is never mutated in place). */
export function withTimeline(c: CaseRecord, entry: CaseTimelineEntry): CaseRecord {
  return { ...c, timeline: [...(c.timeline ?? []), entry] };
}
