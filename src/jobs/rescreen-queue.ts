// Re-screening jobs on PostgreSQL go through pg-boss: queue `vigil-rescreen` in the `vigil_queue`
// schema, one entry per job with singletonKey = the job id (`rescreen-<snapshot>`). The queue's
// policy is `short`: at most one waiting entry per key, so two instances queueing the same snapshot
// (or one asking twice) put one entry in the queue. Any process that works the queue may take it
// (pg-boss hands each entry to one worker, SELECT … FOR UPDATE SKIP LOCKED); an entry whose worker
// died is expired after `expireInSeconds` and retried, and the retry resumes from the job's
// checkpoint. The job's lease in the store (rescreen.ts) is what keeps two runs apart, whatever
// delivered them: pg-boss's expiry only fails a long handler, it does not stop it.
import type PgBoss from 'pg-boss';
import type { Snapshot } from '../model/index.js';
import type { Store } from '../store/store.js';
import type { RescreenResult } from '../screening/parties.js';
import { createQueueRetryingDeadlock, QUEUE_SCHEMA, startBoss, stopBoss } from './queue.js';
import { attachRescreenDispatcher } from './rescreen-dispatch.js';
import { leaseHeld, queueRescreen, rescreenResultOf, runRescreenJob, RESCREEN_KIND, type RunRescreenOptions } from './rescreen.js';
import { jobSettings } from './settings.js';

export const RESCREEN_QUEUE = 'vigil-rescreen';

export interface RescreenQueueSettings {
  /** An entry not finished this long after a worker took it is retried (its worker is taken for dead). */
  expireInSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  pollingIntervalSeconds: number;
  /** How often a worker process queues again unfinished jobs nobody holds. */
  sweepSeconds: number;
}

/**
 * A run is seconds to minutes (one pass over the register); the expiry bounds how long a dead
 * worker's job waits to be picked up again. A run longer than the expiry is not harmed: the retry
 * waits on the running holder's lease.
 */
const DEFAULTS: Omit<RescreenQueueSettings, 'pollingIntervalSeconds'> = { expireInSeconds: 300, retryLimit: 20, retryDelaySeconds: 5, sweepSeconds: 300 };
const ENV: Record<keyof typeof DEFAULTS, string> = {
  expireInSeconds: 'VIGIL_RESCREEN_EXPIRE_SECONDS',
  sweepSeconds: 'VIGIL_RESCREEN_SWEEP_SECONDS',
  retryLimit: 'VIGIL_RESCREEN_RETRY_LIMIT',
  retryDelaySeconds: 'VIGIL_RESCREEN_RETRY_DELAY_SECONDS',
};

export function rescreenQueueSettings(env: NodeJS.ProcessEnv = process.env): RescreenQueueSettings {
  const s: RescreenQueueSettings = { ...DEFAULTS, pollingIntervalSeconds: jobSettings({}, env).pollingIntervalSeconds };
  for (const key of Object.keys(ENV) as (keyof typeof DEFAULTS)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < (key === 'expireInSeconds' || key === 'sweepSeconds' ? 1 : 0)) throw new Error(`${ENV[key]}=${raw}: expected a whole number of${key === 'retryLimit' ? '' : ' seconds'}`);
    s[key] = n;
  }
  return s;
}

interface Payload { jobId: string }

export class RescreenQueue {
  private workerId?: string;
  private detach?: () => void;
  private sweeper?: NodeJS.Timeout;
  private unfollow?: () => Promise<void>;
  private readonly sending = new Map<string, Promise<string | null>>();

  private constructor(readonly boss: PgBoss, private readonly store: Store, readonly settings: RescreenQueueSettings, private readonly ownsBoss: boolean) {}

  /** The queue on a started pg-boss (shared with the chunk queue: `JobQueue.boss`). */
  static async on(boss: PgBoss, store: Store, settings = rescreenQueueSettings(), ownsBoss = false): Promise<RescreenQueue> {
    await createQueueRetryingDeadlock(boss, RESCREEN_QUEUE, {
      name: RESCREEN_QUEUE, policy: 'short',
      retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, expireInSeconds: settings.expireInSeconds,
    });
    return new RescreenQueue(boss, store, settings, ownsBoss);
  }

  /** Its own pg-boss (a CLI command that has no job service), stopped by close(). */
  static async open(databaseUrl: string, store: Store, settings = rescreenQueueSettings()): Promise<RescreenQueue> {
    const boss = await startBoss(databaseUrl, jobSettings());
    try {
      return await RescreenQueue.on(boss, store, settings, true);
    } catch (err) {
      await stopBoss(boss);
      throw err;
    }
  }

  /**
   * Queue job `id` unless it is finished, held by a live run, or has an entry already (waiting,
   * retrying or taken). The pg-boss id, or null when nothing was queued.
   */
  async send(id: string): Promise<string | null> {
    // One check-then-send per job at a time in this process (an import and the notification of its
    // activation ask together); between processes the window is a few milliseconds, and a second
    // entry would only find the job held or done.
    const previous = this.sending.get(id) ?? Promise.resolve(null);
    const mine = previous.catch(() => null).then(() => this.sendNow(id));
    this.sending.set(id, mine);
    try {
      return await mine;
    } finally {
      if (this.sending.get(id) === mine) this.sending.delete(id);
    }
  }

  private async sendNow(id: string): Promise<string | null> {
    const job = await this.store.getJob(id);
    if (!job || job.kind !== RESCREEN_KIND || job.status === 'done' || job.status === 'failed' || leaseHeld(job)) return null;
    // The `short` policy refuses a second waiting entry, not one beside an entry already taken (an
    // instance told of the activation may have sent it and a worker taken it, the job not yet
    // claimed): look for any unfinished entry first.
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' LIMIT 1`, [RESCREEN_QUEUE, id],
    );
    if (rows.length > 0) return null;
    const sent = await this.boss.send(RESCREEN_QUEUE, { jobId: id } satisfies Payload, {
      singletonKey: id, retryLimit: this.settings.retryLimit, retryDelay: this.settings.retryDelaySeconds, expireInSeconds: this.settings.expireInSeconds,
    });
    if (this.workerId) this.boss.notifyWorker(this.workerId);
    return sent;
  }

  /** Queue every unfinished job nobody holds (a process died before queueing it, or pg-boss gave up on it). */
  async requeueUnfinished(): Promise<string[]> {
    const ids: string[] = [];
    for (const j of await this.store.unfinishedJobs(RESCREEN_KIND)) {
      if (!leaseHeld(j)) {
        await this.send(j.id);
        ids.push(j.id);
      }
    }
    return ids;
  }

  /**
   * Every `everyMs`, queue again the unfinished jobs nobody holds: a job whose importer died before
   * queueing it, or ran it in-process without a queue and died, is not left for the next restart.
   */
  sweepEvery(everyMs: number): void {
    clearInterval(this.sweeper);
    this.sweeper = setInterval(() => {
      this.requeueUnfinished().catch((err: Error) => process.stderr.write(`vigil: queueing party re-screenings: ${err.message}\n`));
    }, everyMs);
    this.sweeper.unref();
  }

  /**
   * Queue the re-screening of every snapshot another process activates, as told by the store's
   * snapshot notifications (PostgreSQL LISTEN/NOTIFY): an importer that died between activating and
   * queueing leaves no change unscreened. The importer queues the same job (`rescreen-<snapshot>`);
   * whichever creates it first decides its `previous` (an instance that missed a notification
   * screens a larger delta, which raises the same alerts), and the singletonKey keeps one entry.
   */
  async followActivations(): Promise<void> {
    const bySource = (list: Snapshot[]) => new Map(list.map((s) => [s.source, s]));
    let known = bySource(await this.store.activeSnapshots());
    let chain = Promise.resolve();
    const check = async () => {
      const now = await this.store.activeSnapshots();
      const fresh = now.filter((s) => (known.get(s.source)?.id ?? -1) < s.id);
      if (fresh.length > 0 && (await this.store.countParties()) > 0) {
        for (const s of fresh) await this.send(await queueRescreen(this.store, known.get(s.source), s, 'system'));
      }
      known = bySource(now);
    };
    this.unfollow = await this.store.onSnapshotsChanged(() => {
      chain = chain.then(check).catch((err: Error) => { process.stderr.write(`vigil: queueing party re-screening: ${err.message}\n`); });
    });
  }

  /** Take entries in this process, one at a time (a run is one pass over the register). */
  async work(o: Pick<RunRescreenOptions, 'pageSize' | 'afterPage'> = {}): Promise<void> {
    if (this.workerId) return;
    const expireMs = this.settings.expireInSeconds * 1000;
    this.workerId = await this.boss.work<Payload>(
      RESCREEN_QUEUE, { batchSize: 1, pollingIntervalSeconds: this.settings.pollingIntervalSeconds },
      async ([entry]) => {
        if (!entry) return;
        // Waiting on another holder ends just before pg-boss would time this attempt out: the
        // entry then fails into a retry that looks again.
        await runRescreenJob(this.store, entry.data.jobId, { ...o, waitUntil: Date.now() + Math.max(expireMs - 2000, expireMs / 2) });
      },
    );
  }

  /** Until detached, this store's re-screenings are queued here and awaited (rescreen-dispatch.ts). */
  attach(o: { timeoutMs?: number } = {}): void {
    this.detach?.();
    this.detach = attachRescreenDispatcher(this.store, {
      dispatch: async (id) => {
        await this.send(id);
        return this.waitFor(id, o);
      },
    });
  }

  /** Resolve to the job's result once done (by any process); reject if it failed or `timeoutMs` passes. */
  async waitFor(id: string, o: { timeoutMs?: number; pollMs?: number } = {}): Promise<RescreenResult | undefined> {
    const until = o.timeoutMs === undefined ? Infinity : Date.now() + o.timeoutMs;
    for (;;) {
      const job = await this.store.getJob(id);
      if (!job) return undefined;
      if (job.status === 'done') return rescreenResultOf(job);
      if (job.status === 'failed') throw new Error(`re-screening job ${id} failed: ${job.error ?? 'no reason recorded'}`);
      if (Date.now() >= until) {
        const msg = `re-screening job ${id} is queued and not finished after ${Math.round(o.timeoutMs! / 1000)} s; a vigil worker or vigil serve finishes it (its alerts and audit event appear then)`;
        throw Object.assign(new Error(msg), { code: 'rescreen-pending' });
      }
      await new Promise((r) => setTimeout(r, o.pollMs ?? 200));
    }
  }

  /** Stop taking entries (an entry in hand is finished first, up to `timeoutMs`), and detach. */
  async close(timeoutMs = 10_000): Promise<void> {
    this.detach?.();
    this.detach = undefined;
    clearInterval(this.sweeper);
    await this.unfollow?.();
    this.unfollow = undefined;
    if (this.ownsBoss) {
      await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true }).catch(() => stopBoss(this.boss));
    } else if (this.workerId) {
      await this.boss.offWork(RESCREEN_QUEUE).catch(() => {});
    }
    this.workerId = undefined;
  }
}

/**
 * Run `fn` (a list import or update) with this store's re-screenings on pg-boss: the queue opens on
 * the first re-screening `fn` asks for, this process works it, and each import waits for its job.
 */
export async function withRescreenQueue<T>(store: Store, databaseUrl: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!databaseUrl || store.kind !== 'postgres') return fn();
  let opened: Promise<RescreenQueue> | undefined;
  const detach = attachRescreenDispatcher(store, {
    dispatch: async (id) => {
      opened ??= RescreenQueue.open(databaseUrl, store).then(async (q) => { await q.work(); return q; });
      const q = await opened;
      await q.send(id);
      return q.waitFor(id);
    },
  });
  try {
    return await fn();
  } finally {
    detach();
    if (opened) await (await opened.catch(() => undefined))?.close();
  }
}

/**
 * `vigil parties rescreen`: carry on with the unfinished jobs nobody holds. On PostgreSQL they are
 * queued again and this process works the queue until each is done (another worker may take one);
 * elsewhere they run here.
 */
export async function resumeUnfinishedRescreens(store: Store, databaseUrl: string | undefined): Promise<RescreenResult[]> {
  if (!databaseUrl || store.kind !== 'postgres') {
    const { resumeRescreenJobs } = await import('./rescreen.js');
    return resumeRescreenJobs(store);
  }
  const q = await RescreenQueue.open(databaseUrl, store);
  try {
    await q.work();
    const out: RescreenResult[] = [];
    for (const id of await q.requeueUnfinished()) {
      const r = await q.waitFor(id);
      if (r) out.push(r);
    }
    return out;
  } finally {
    await q.close();
  }
}
