// Batch screening jobs for one running instance: what `vigil serve` and the /api/jobs routes use.
// In PostgreSQL mode it opens the queue and (by default) a worker; on SQLite there is no queue and
// submitting is refused with a pointer to `vigil screen --input`, which screens a file locally.
// On the same pg-boss it also runs the party re-screening queue (rescreen-queue.ts): this store's
// re-screenings go there, this instance works it unless `worker: false`, it queues the re-screening
// of snapshots other instances activate, and jobs left unfinished by a dead process are queued again.
import { createHash } from 'node:crypto';
import type { Vigil } from '../app/vigil.js';
import { VigilRefusal } from '../model/errors.js';
import type { JobRecord } from '../store/store.js';
import { JobQueue } from './queue.js';
import { RescreenQueue } from './rescreen-queue.js';
import { jobResultLines, type ResultReadOptions } from './results.js';
import type { ScreenRow } from './rows.js';
import { jobSettings, type JobSettings } from './settings.js';
import { jobStatus, type JobStatus } from './status.js';
import { submitScreenJob, type ScreenJobOptions } from './submit.js';
import { startScreenWorker, type ChunkEvents } from './worker.js';

export interface JobServiceOptions extends ChunkEvents {
  /** postgres://… — the same database the store uses. Without it, jobs cannot be submitted. */
  databaseUrl?: string;
  /** Run a chunk worker in this process (default true). */
  worker?: boolean;
  concurrency?: number;
  settings?: Partial<JobSettings>;
}

/** The service a running instance offers, found by the HTTP routes through the application. */
const services = new WeakMap<Vigil, JobService>();

export class JobService {
  private constructor(private readonly vigil: Vigil, private readonly queue?: JobQueue, private readonly rescreen?: RescreenQueue) {}

  /** The service started for this application, or one that can read jobs but not submit them. */
  static of(vigil: Vigil): JobService {
    return services.get(vigil) ?? new JobService(vigil);
  }

  /** Open the queue (PostgreSQL mode) and start a worker unless `worker: false`. */
  static async start(vigil: Vigil, opts: JobServiceOptions = {}): Promise<JobService> {
    if (!opts.databaseUrl || vigil.store.kind !== 'postgres') return new JobService(vigil);
    const queue = await JobQueue.open(opts.databaseUrl, jobSettings(opts.settings));
    let rescreen: RescreenQueue;
    try {
      rescreen = await RescreenQueue.on(queue.boss, vigil.store);
      if (opts.worker !== false) {
        await startScreenWorker(vigil, queue, opts);
        await rescreen.work();
        rescreen.sweepEvery(rescreen.settings.sweepSeconds * 1000);
      }
      // An import through the API waits for its re-screening; with no worker here, not forever.
      rescreen.attach(opts.worker === false ? { timeoutMs: 60_000 } : {});
      await rescreen.followActivations();
      await rescreen.requeueUnfinished();
    } catch (err) {
      await queue.stop();
      throw err;
    }
    const service = new JobService(vigil, queue, rescreen);
    services.set(vigil, service);
    return service;
  }

  get enabled(): boolean {
    return this.queue !== undefined;
  }

  /** Queue a job; recorded in the audit trail as one event (who, a hash of the rows, how many). */
  async submit(rows: ScreenRow[], opts: ScreenJobOptions & { actor?: string } = {}): Promise<JobRecord> {
    if (!this.queue) {
      throw new VigilRefusal(
        'batch screening jobs need server mode on PostgreSQL (vigil serve --database-url …); on SQLite use `vigil screen --input FILE`',
        'jobs-need-postgres',
      );
    }
    const { actor, ...tuning } = opts;
    const job = await submitScreenJob(this.vigil.store, this.queue, rows, tuning);
    await this.vigil.store.appendAudit({
      actor: actor ?? 'api',
      action: 'screen.job',
      subject: job.id,
      inputHash: rowsHash(rows),
      outcome: `queued ${job.total} rows in ${job.chunks} chunks`,
      dataVersions: { lists: await this.vigil.listVersions() },
    });
    return job;
  }

  status(id: string): Promise<JobStatus | undefined> {
    return jobStatus(this.vigil.store, id);
  }

  results(id: string, opts: ResultReadOptions = {}): AsyncGenerator<string> {
    return jobResultLines(this.vigil.store, id, opts);
  }

  async close(): Promise<void> {
    if (services.get(this.vigil) === this) services.delete(this.vigil);
    await this.rescreen?.close();
    await this.queue?.stop(); // the shared pg-boss: finishes an entry in hand of either queue
  }
}

/**
 * SHA-256 of JSON.stringify(rows), fed one row at a time: the same digest without building a
 * string as large as the whole job (about 60 MB for a million rows).
 */
export function rowsHash(rows: readonly ScreenRow[]): string {
  const h = createHash('sha256').update('[');
  rows.forEach((r, i) => h.update(i === 0 ? JSON.stringify(r) : ',' + JSON.stringify(r)));
  return h.update(']').digest('hex');
}
