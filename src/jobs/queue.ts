// The job queue: pg-boss on the same PostgreSQL database as the store. pg-boss connects to
// PostgreSQL itself (it is the queue library); nothing else here touches SQL.
//
// Each chunk of a batch job is one queue entry whose data is the chunk's input rows. pg-boss takes
// entries with SELECT … FOR UPDATE SKIP LOCKED (each chunk goes to one worker at a time), retries a
// chunk whose handler threw, and — through its maintenance pass — expires and retries a chunk whose
// worker died (killed process, lost connection). A chunk that exhausts its retries is moved to a
// dead-letter queue, whose worker marks the whole job failed.
import PgBoss from 'pg-boss';
import type { ChunkPayload } from './chunks.js';
import { chunkQueueId } from './ids.js';
import type { JobSettings } from './settings.js';

export const CHUNK_QUEUE = 'vigil-screen-chunks';
export const FAILED_CHUNK_QUEUE = 'vigil-screen-chunks-failed';
/** pg-boss keeps its tables in their own schema, apart from the store's. */
export const QUEUE_SCHEMA = 'vigil_queue';
const ENQUEUE_BATCH = 50;

export interface ChunkAttempt {
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

export type ChunkHandler = (payload: ChunkPayload, attempt: ChunkAttempt) => Promise<void>;

export class JobQueue {
  private readonly workerIds: string[] = [];

  /** `boss` is shared with the other queues of this process (the re-screening's, rescreen-queue.ts). */
  private constructor(readonly boss: PgBoss, readonly settings: JobSettings) {}

  /** Connect, install or migrate pg-boss's schema (under its own lock) and create the queues. */
  static async open(databaseUrl: string, settings: JobSettings, log: (msg: string) => void = logToStderr): Promise<JobQueue> {
    const boss = await startBoss(databaseUrl, settings, log);
    try {
      await createQueueRetryingDeadlock(boss, FAILED_CHUNK_QUEUE, { name: FAILED_CHUNK_QUEUE, retryLimit: 0 });
      await createQueueRetryingDeadlock(boss, CHUNK_QUEUE, {
        name: CHUNK_QUEUE,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
        expireInSeconds: settings.expireInSeconds,
        deadLetter: FAILED_CHUNK_QUEUE,
      });
    } catch (err) {
      await stopBoss(boss);
      throw err;
    }
    return new JobQueue(boss, settings);
  }

  /**
   * Queue a job's chunks, 50 per INSERT (about 3 MB of rows for chunks of 1,000): workers start on
   * the first chunks while the rest are being written. Ids are deterministic per (job, chunk):
   * enqueueing a chunk twice is harmless.
   */
  async enqueue(chunks: ChunkPayload[]): Promise<void> {
    for (let i = 0; i < chunks.length; i += ENQUEUE_BATCH) {
      await this.boss.insert(chunks.slice(i, i + ENQUEUE_BATCH).map((c) => ({
        id: chunkQueueId(c.jobId, c.chunk),
        name: CHUNK_QUEUE,
        data: c,
        retryLimit: this.settings.retryLimit,
        retryDelay: this.settings.retryDelaySeconds,
        expireInSeconds: this.settings.expireInSeconds,
        deadLetter: FAILED_CHUNK_QUEUE,
      })));
      // Wake this instance's idle workers; other instances find the chunks at their next poll.
      for (const id of this.workerIds) this.boss.notifyWorker(id);
    }
  }

  /**
   * Take chunks with `concurrency` polling loops. Screening is CPU work on this thread; more than
   * one loop only overlaps one chunk's database writes with the next chunk's screening.
   */
  async work(concurrency: number, handler: ChunkHandler): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      const id: string = await this.boss.work<ChunkPayload>(
        CHUNK_QUEUE,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.settings.pollingIntervalSeconds },
        async ([job]) => {
          if (!job) return;
          await handler(job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit });
          // pg-boss's loop sleeps out the polling interval even after a job; a busy worker should
          // go straight to the next chunk.
          this.boss.notifyWorker(id);
        },
      );
      this.workerIds.push(id);
    }
  }

  /** Called for each chunk that exhausted its retries (from any instance). */
  async onFailedChunk(handler: (payload: ChunkPayload, error: string) => Promise<void>): Promise<void> {
    await this.boss.work<ChunkPayload>(
      FAILED_CHUNK_QUEUE,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: Math.max(this.settings.pollingIntervalSeconds, 2) },
      async ([job]) => {
        if (job) await handler(job.data, describeOutput(job.output));
      },
    );
  }

  /** pg-boss's record of one chunk (attempts, state), for diagnostics and tests; null once purged. */
  async chunkState(jobId: string, chunk: number): Promise<{ state: string; retryCount: number } | null> {
    const j = await this.boss.getJobById<ChunkPayload>(CHUNK_QUEUE, chunkQueueId(jobId, chunk), { includeArchive: true });
    return j ? { state: j.state, retryCount: j.retryCount } : null;
  }

  /** Chunks held by a worker right now, across all instances (created/retry < active < completed). */
  async activeChunks(): Promise<number> {
    const [waiting, unfinished] = await Promise.all([
      this.boss.getQueueSize(CHUNK_QUEUE, { before: 'active' }),
      this.boss.getQueueSize(CHUNK_QUEUE, { before: 'completed' }),
    ]);
    return unfinished - waiting;
  }

  /** Stop taking chunks; wait up to `timeoutMs` for the ones in hand, then close the connections. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true });
  }
}

/** A started pg-boss on the database's `vigil_queue` schema (installed or migrated under pg-boss's lock). */
export async function startBoss(databaseUrl: string, settings: JobSettings, log: (msg: string) => void = logToStderr): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    application_name: 'vigil-jobs',
    max: 4,
    schedule: false, // no cron jobs
    supervise: true, // expire chunks of dead workers (one instance per interval does it)
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
    // Chunk input holds customer names: keep finished entries briefly, then drop them.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 1,
  });
  boss.on('error', (err: Error) => log(`job queue: ${err.message}`));
  await boss.start();
  return boss;
}

/** A started pg-boss keeps timers and connections: stop it, or the process never exits. */
export async function stopBoss(boss: PgBoss): Promise<void> {
  await boss.stop({ graceful: false, wait: true, close: true }).catch(() => {});
}

const DEADLOCK_DETECTED = '40P01';

/**
 * Instances that start together on a new database both create the queues. pg-boss's create_queue
 * inserts the queue row and then attaches a partition with a foreign key to the queue table; a second
 * instance's insert of the same row holds a lock on that table while it waits for the first, and
 * PostgreSQL breaks the cycle by aborting one of them ("deadlock detected"). The retry finds the queue
 * made by the winner (its insert is ON CONFLICT DO NOTHING) and returns.
 */
export async function createQueueRetryingDeadlock(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

/** pg-boss stores the handler's error (or "failed by timeout") as the entry's output. */
function describeOutput(output: unknown): string {
  const o = output as { message?: string; value?: { message?: string } } | null;
  return o?.message ?? o?.value?.message ?? 'chunk failed after all retries';
}

function logToStderr(msg: string): void {
  process.stderr.write(`vigil: ${msg}\n`);
}
