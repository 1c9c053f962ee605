// The delta re-screening of the party register after a list snapshot is activated, as a job in the
// store's `jobs` table (kind `rescreen`, one per activated snapshot: id `rescreen-<snapshot>`).
//
// Who runs it: on SQLite, the process that activated the snapshot, in-process. On PostgreSQL, a
// pg-boss worker (queue `vigil-rescreen`, src/jobs/rescreen-queue.ts) in `vigil serve`, `vigil
// worker`, or the `vigil lists import|update` command itself, which works the queue until its own
// job is done. Those instances also queue the job when told of an activation by another process
// (LISTEN/NOTIFY); one job per snapshot, one pg-boss entry per job. pg-boss re-delivers a job whose
// worker died (expiry, then retry).
//
// Whatever delivers it, a run first takes the job's lease: a compare-and-set of the row's status and
// `updated_at` (store.updateJobIf), renewed by every checkpoint and by nothing else. Two processes
// therefore never run the same job at once: a second one waits while the lease is fresh, and takes
// it over only after `leaseMs` without a checkpoint (the holder died); a holder that was taken over
// finds its next write refused and stops, its last page rolled back. Each page of parties is written
// in one transaction together with the checkpoint (the last party id done and the running counts), so
// a killed process leaves either the whole page or none of it, and the next run carries on from the
// checkpoint. Alerts are unique per party ↔ entry pair and matched by the listing's fingerprint, so
// even a page done twice raises no duplicate. The audit event (one per list change, with the counts)
// is written in the same fenced transaction that marks the job done, so there is exactly one.
import type { Snapshot } from '../model/index.js';
import type { JobRecord, Store } from '../store/store.js';
import { ScreeningIndex } from '../screening/index.js';
import { DeltaFilter } from '../screening/delta-filter.js';
import { addCounts, changedEntries, screenParties, writeAlerts, zero, type AlertCounts, type RescreenResult } from '../screening/parties.js';

export const RESCREEN_KIND = 'rescreen';
/** Parties read and screened per checkpointed page. */
const PAGE = 5_000;
/** A running job not checkpointed for this long is taken over (its process died). Pages take far less. */
const DEFAULT_LEASE_SECONDS = 60;
const LEASE_ENV = 'VIGIL_RESCREEN_LEASE_SECONDS';

interface RescreenParams {
  source: string;
  previous?: number;
  current: number;
  actor: string;
  /** Checkpoint: the last party id whose page is written. */
  afterId?: string;
  counts: AlertCounts;
  /** Wall time spent by earlier attempts. */
  spentMs: number;
  /** Set with status done: what the audit event records, for whoever waits on the job. */
  result?: RescreenResult;
}

export const rescreenJobId = (snapshotId: number): string => `rescreen-${snapshotId}`;

/** The lease length from $VIGIL_RESCREEN_LEASE_SECONDS (default 60 s); every process must agree on it. */
export function rescreenLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[LEASE_ENV];
  if (raw === undefined || raw === '') return DEFAULT_LEASE_SECONDS * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${LEASE_ENV}=${raw}: expected a positive number of seconds`);
  return n * 1000;
}

/** Queue the re-screening for `current` (once: a second call for the same snapshot returns the same job). */
export async function queueRescreen(store: Store, previous: Snapshot | undefined, current: Snapshot, actor: string): Promise<string> {
  const id = rescreenJobId(current.id);
  if (await store.getJob(id)) return id;
  const now = new Date().toISOString();
  const params: RescreenParams = { source: current.source, ...(previous ? { previous: previous.id } : {}), current: current.id, actor, counts: zero(), spentMs: 0 };
  try {
    await store.createJob({ id, kind: RESCREEN_KIND, status: 'queued', total: await store.countParties(), chunks: 0, chunksDone: 0, createdAt: now, updatedAt: now, params });
  } catch (err) {
    if (!(await store.getJob(id))) throw err; // else another process queued it first
  }
  return id;
}

/** The result a finished job recorded (undefined while it is unfinished, or if it failed). */
export function rescreenResultOf(job: JobRecord | undefined): RescreenResult | undefined {
  return job?.kind === RESCREEN_KIND && job.status === 'done' ? (job.params as RescreenParams).result : undefined;
}

/** True while a running job's holder has checkpointed within the lease. */
export function leaseHeld(job: JobRecord, now = Date.now(), leaseMs = rescreenLeaseMs()): boolean {
  return job.status === 'running' && now - Date.parse(job.updatedAt) < leaseMs;
}

/** The job was taken over by another process: this run's writes were refused and it stops. */
export class RescreenLeaseLost extends Error {
  constructor(id: string) {
    super(`re-screening job ${id} was taken over by another process (no checkpoint within the lease)`);
  }
}

export interface RunRescreenOptions {
  pageSize?: number;
  afterPage?: (afterId: string) => Promise<void> | void;
  /** Give up waiting on another process's lease at this time (ms since epoch); default: wait. */
  waitUntil?: number;
  leaseMs?: number;
}

/**
 * Run (or carry on with) one re-screening job, once its lease is ours: while another process holds
 * it, wait until that one finishes or its lease lapses. Undefined when the job is (or became) done
 * or failed without this call running it to the end.
 */
export async function runRescreenJob(store: Store, id: string, o: RunRescreenOptions = {}): Promise<RescreenResult | undefined> {
  const leaseMs = o.leaseMs ?? rescreenLeaseMs();
  for (;;) {
    const job = await store.getJob(id);
    if (!job || job.kind !== RESCREEN_KIND || job.status === 'done' || job.status === 'failed') return undefined;
    if (leaseHeld(job, Date.now(), leaseMs)) {
      if (o.waitUntil !== undefined && Date.now() >= o.waitUntil) throw new Error(`re-screening job ${id} is held by another process`);
      await sleep(Math.min(1000, leaseMs / 4));
      continue;
    }
    const lease = nextLease(job.updatedAt);
    if (await store.updateJobIf(id, job.updatedAt, { status: 'running', updatedAt: lease })) return runClaimed(store, { ...job, updatedAt: lease }, o);
    // Another process claimed it between our read and our write: look again.
  }
}

/** A lease stamp later than `previous` even within one millisecond, so that no write repeats it. */
function nextLease(previous: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();
}

async function runClaimed(store: Store, job: JobRecord, o: RunRescreenOptions): Promise<RescreenResult | undefined> {
  const id = job.id;
  let lease = job.updatedAt;
  /**
   * Write with the lease, renewing it; refused (and the transaction rolled back) if it was taken
   * over. Returns the new lease, which is ours once the write commits.
   */
  const fenced = async (tx: Store, patch: Partial<JobRecord>): Promise<string> => {
    const next = nextLease(lease);
    if (!(await tx.updateJobIf(id, lease, { ...patch, updatedAt: next }))) throw new RescreenLeaseLost(id);
    return next;
  };
  const started = Date.now();
  const p = job.params as RescreenParams;
  const current = await store.getSnapshot(p.current);
  const previous = p.previous !== undefined ? await store.getSnapshot(p.previous) : undefined;
  if (!current) {
    await store.updateJobIf(id, lease, { status: 'failed', error: `snapshot ${p.current} no longer exists` });
    return undefined;
  }
  try {
    const delta = await changedEntries(store, previous, current);
    const counts = { ...zero(), ...p.counts };
    let afterId = p.afterId;
    let chunksDone = job.chunksDone;
    if (delta.entries.length > 0) {
      const index = ScreeningIndex.build(delta.entries, [current]);
      const filter = new DeltaFilter(index);
      const listing = new Map([...delta.fingerprints].map(([eid, fingerprint]) => [eid, { fingerprint, snapshotId: current.id }]));
      lease = await fenced(store, {}); // building the index may have taken a while: renew before the first page
      for (;;) {
        const page = await store.listParties({ ...(afterId ? { afterId } : {}), limit: o.pageSize ?? PAGE });
        if (page.length === 0) break;
        const { found, counts: c } = screenParties(index, page, filter);
        const pageEnd = page[page.length - 1]!.id;
        const checkpoint: RescreenParams = { ...p, afterId: pageEnd, counts: addCounts(addCounts(zero(), counts), c) };
        lease = await store.transaction(async (tx) => {
          await writeAlerts(tx, found, listing, checkpoint.counts);
          return fenced(tx, { params: checkpoint, chunksDone: chunksDone + 1 });
        });
        afterId = pageEnd;
        chunksDone++;
        Object.assign(counts, checkpoint.counts);
        await o.afterPage?.(afterId);
      }
    }
    const result: RescreenResult = {
      source: current.source, snapshot: current.id, ...(previous ? { previous: previous.id } : {}),
      added: delta.added, changed: delta.changed, parties: await store.countParties(), ...counts,
      durationMs: p.spentMs + Date.now() - started,
    };
    lease = await store.transaction(async (tx) => {
      const next = await fenced(tx, { status: 'done', chunks: chunksDone, chunksDone, params: { ...p, afterId, counts, spentMs: result.durationMs, result } });
      await tx.appendAudit({
        actor: p.actor, action: 'parties.rescreen', subject: `snapshot:${current.id}`,
        outcome: `${delta.added} added, ${delta.changed} changed entries; ${counts.created} new, ${counts.reopened} reopened alert(s)`,
        dataVersions: [{ id: current.source, version: current.id, date: current.listDate }], detail: { job: id, ...result },
      });
      return next;
    });
    return result;
  } catch (err) {
    // Give the lease back (queued, with the error): a retry carries on from the checkpoint at once
    // (the error may be passing). A lost lease is the new holder's to keep.
    if (!(err instanceof RescreenLeaseLost)) {
      await store.updateJobIf(id, lease, { status: 'queued', error: (err as Error).message.slice(0, 1000) }).catch(() => {});
    }
    throw err;
  }
}

/** Carry on with every re-screening job left queued, or running without a checkpoint within the lease. */
export async function resumeRescreenJobs(store: Store, o: { now?: number } = {}): Promise<RescreenResult[]> {
  const out: RescreenResult[] = [];
  const now = o.now ?? Date.now();
  for (const j of await store.unfinishedJobs(RESCREEN_KIND)) {
    if (leaseHeld(j, now)) continue;
    const r = await runRescreenJob(store, j.id);
    if (r) out.push(r);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type { JobRecord };
