// Batch screening jobs for one running instance: what `vigil serve` and the /api/jobs routes use.
// In PostgreSQL mode it opens the queue and (by default) a worker; on SQLite there is no queue and
// submitting is refused with a pointer to `vigil screen --input`, which screens a file locally.
import type { Vigil } from '../app/vigil.js';
import { VigilRefusal } from '../model/errors.js';
import type { JobRecord } from '../store/store.js';
import { JobQueue } from './queue.js';
import { jobResultLines } from './results.js';
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

export class JobService {
  private constructor(private readonly vigil: Vigil, private readonly queue?: JobQueue) {}

  static async start(vigil: Vigil, opts: JobServiceOptions = {}): Promise<JobService> {
    if (!opts.databaseUrl || vigil.store.kind !== 'postgres') return new JobService(vigil);
    const queue = await JobQueue.open(opts.databaseUrl, jobSettings(opts.settings));
    try {
      if (opts.worker !== false) await startScreenWorker(vigil, queue, opts);
    } catch (err) {
      await queue.stop();
      throw err;
    }
    return new JobService(vigil, queue);
  }

  get enabled(): boolean {
    return this.queue !== undefined;
  }

  async submit(rows: ScreenRow[], opts: ScreenJobOptions = {}): Promise<JobRecord> {
    if (!this.queue) {
      throw new VigilRefusal(
        'batch screening jobs need server mode on PostgreSQL (vigil serve --database-url …); on SQLite use `vigil screen --input FILE`',
        'jobs-need-postgres',
      );
    }
    return submitScreenJob(this.vigil.store, this.queue, rows, opts);
  }

  status(id: string): Promise<JobStatus | undefined> {
    return jobStatus(this.vigil.store, id);
  }

  results(id: string): AsyncGenerator<string> {
    return jobResultLines(this.vigil.store, id);
  }

  async close(): Promise<void> {
    await this.queue?.stop();
  }
}
