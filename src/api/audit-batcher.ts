// Group commit for the audit events of API reads. The SQLite store commits each event with an
// fsync (synchronous=FULL) — about 3–5 ms — so one event per request caps screening at a few
// hundred requests a second with long queues behind it. Events queued during one turn of the
// event loop are appended in one store transaction (one fsync, the chain order kept), and every
// request still waits until its own event is committed before it answers: nothing is acknowledged
// that is not on disk. On PostgreSQL the queued events go one by one, each a one-statement append.
import type { AuditEvent, AuditEventInput } from '../model/index.js';
import type { Store } from '../store/store.js';

interface Pending { event: AuditEventInput; resolve: (e: AuditEvent) => void; reject: (err: unknown) => void }

export class AuditBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly store: Store) {}

  /** Resolves once the event is committed (with whatever else was queued alongside it). */
  appendAudit = (event: AuditEventInput): Promise<AuditEvent> =>
    new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      this.schedule();
    });

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      if (this.store.kind === 'sqlite' && batch.length > 1) await this.appendInOneTransaction(batch);
      else await this.appendOneByOne(batch);
    } finally {
      this.scheduled = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  /** SQLite: one commit, one fsync, for the whole batch. */
  private async appendInOneTransaction(batch: Pending[]): Promise<void> {
    try {
      const stored = await this.store.transaction(async (tx) => {
        const out: AuditEvent[] = [];
        for (const p of batch) out.push(await tx.appendAudit(p.event));
        return out;
      });
      batch.forEach((p, i) => p.resolve(stored[i]!));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }

  /**
   * PostgreSQL: a standalone append is one round trip (one statement, its own commit), cheaper
   * than a transaction's BEGIN, lock, read, insert and COMMIT; in sequence, each knows the tail.
   */
  private async appendOneByOne(batch: Pending[]): Promise<void> {
    for (const p of batch) {
      try {
        p.resolve(await this.store.appendAudit(p.event));
      } catch (err) {
        p.reject(err);
      }
    }
  }
}
