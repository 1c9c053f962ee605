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
// finds its next write refused and stops, its last page rolled back. The pre-filter reads only the
// parties' names; a page's alerts are written in one transaction together with the checkpoint (the
// last party id done and the running counts), so a killed process leaves either the whole page or
// none of it, and the next run carries on from the checkpoint. Pages without alerts are checkpointed
// at most every CHECKPOINT_MS (one transaction per page was most of the time on PostgreSQL), which
// therefore must stay well under the lease. Alerts are unique per party ↔ entry pair and matched by the listing's fingerprint, so
// even a page done twice raises no duplicate. The audit event (one per list change, with the counts)
// is written in the same fenced transaction that marks the job done, so there is exactly one.
import type { Snapshot } from '../model/index.js';
import type { JobRecord, Store } from '../store/store.js';
import { ScreeningIndex } from '../screening/index.js';
import { DeltaFilter } from '../screening/delta-filter.js';
import { addCounts, changedEntries, screenPartyNames, writeAlerts, zero, type AlertCounts, type RescreenResult } from '../screening/parties.js';

export const RESCREEN_KIND = 'rescreen';
/** Parties read and screened per checkpointed page. */
const PAGE = 5_000;
/** Longest screening between two checkpoints when no page raises an alert. */
const CHECKPOINT_MS = 2_000;
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
  /** Wall and CPU time per phase, added up here (the bench prints them). */
  phases?: Record<string, { wallMs: number; cpuMs: number }>;
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
  // Wall and CPU time per phase (the bench prints them; on a shared machine CPU is the steadier figure).
  let mark = { wall: performance.now(), cpu: process.cpuUsage() };
  const phase = (name: string): void => {
    if (!o.phases) return;
    const now = { wall: performance.now(), cpu: process.cpuUsage() };
    const t = (o.phases[name] ??= { wallMs: 0, cpuMs: 0 });
    t.wallMs += now.wall - mark.wall;
    t.cpuMs += (now.cpu.user + now.cpu.system - mark.cpu.user - mark.cpu.system) / 1000;
    mark = now;
  };
  const started = Date.now();
  const p = job.params as RescreenParams;
  const current = await store.getSnapshot(p.current);
  const previous = p.previous !== undefined ? await store.getSnapshot(p.previous) : undefined;
  if (!current) {
    await store.updateJobIf(id, lease, { status: 'failed', error: `snapshot ${p.current} no longer exists` });
    return undefined;
  }
  phase('start');
  try {
    const delta = await changedEntries(store, previous, current);
    phase('changed entries');
    const counts = { ...zero(), ...p.counts };
    let afterId = p.afterId;
    let chunksDone = job.chunksDone;
    if (delta.entries.length > 0) {
      // Scored with the statistics of the whole active index (name frequencies, vocabulary), so a
      // party scores against a changed entry exactly as a full screening scores it.
      const full = await ScreeningIndex.load(store);
      phase('full index');
      const index = ScreeningIndex.build(delta.entries, [current], full);
      const filter = new DeltaFilter(index);
      const listing = new Map([...delta.fingerprints].map(([eid, fingerprint]) => [eid, { fingerprint, snapshotId: current.id }]));
      lease = await fenced(store, {}); // building the indexes may have taken a while: renew before the first page
      phase('index');
      let savedAt = performance.now();
      for (;;) {
        const names = await store.partyNames(afterId, o.pageSize ?? PAGE);
        phase('read names');
        if (names.length === 0) break;
        const { found, counts: c } = await screenPartyNames(store, index, filter, names);
        phase('screen');
        const pageEnd = names[names.length - 1]!.id;
        const pageCounts = addCounts(addCounts(zero(), counts), c);
        // A page without alerts needs no transaction of its own: its checkpoint waits for the next
        // page with alerts or for CHECKPOINT_MS (a resume redoes at most that much screening).
        if (found.length > 0 || performance.now() - savedAt >= CHECKPOINT_MS) {
          const checkpoint: RescreenParams = { ...p, afterId: pageEnd, counts: pageCounts };
          lease = await store.transaction(async (tx) => {
            await writeAlerts(tx, found, listing, checkpoint.counts);
            return fenced(tx, { params: checkpoint, chunksDone: chunksDone + 1 });
          });
          savedAt = performance.now();
          phase('write page');
        }
        afterId = pageEnd;
        chunksDone++;
        Object.assign(counts, pageCounts);
        await o.afterPage?.(afterId);
      }
    }
    const result: RescreenResult = {
      source: current.source, snapshot: current.id, ...(previous ? { previous: previous.id } : {}),
      added: delta.added, changed: delta.changed, parties: await store.countParties(), ...counts,
      durationMs: p.spentMs + Date.now() - started,
    };
    phase('count');
    lease = await store.transaction(async (tx) => {
      const next = await fenced(tx, { status: 'done', chunks: chunksDone, chunksDone, params: { ...p, afterId, counts, spentMs: result.durationMs, result } });
      await tx.appendAudit({
        actor: p.actor, action: 'parties.rescreen', subject: `snapshot:${current.id}`,
        outcome: `${delta.added} added, ${delta.changed} changed entries; ${counts.created} new, ${counts.reopened} reopened alert(s)`,
        dataVersions: [{ id: current.source, version: current.id, date: current.listDate }], detail: { job: id, ...result },
      });
      return next;
    });
    phase('finish');
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
