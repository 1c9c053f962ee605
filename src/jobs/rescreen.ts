// The delta re-screening of the party register after a list snapshot is activated, as a job in the
// store's `jobs` table (kind `rescreen`, one per activated snapshot: id `rescreen-<snapshot>`).
//
// It runs in the process that activated the snapshot (SQLite and PostgreSQL alike: the work is one
// pass over the register, seconds, not the many independent chunks pg-boss spreads over workers).
// The pre-filter reads only the parties' names; a page's alerts are written in one transaction
// together with the job's checkpoint (the last party id done and the running counts), so a killed
// process leaves either the whole page or none of it. Pages without alerts are checkpointed at most
// every CHECKPOINT_MS (one transaction per page was most of the time on PostgreSQL); `resumeRescreenJobs` (run by `vigil serve`, `vigil worker` and `vigil parties rescreen`)
// carries on from the checkpoint. Alerts are unique per party ↔ entry pair and matched by the
// listing's fingerprint, so even a page done twice raises no duplicate. The audit event (one per
// list change, with the counts) is written in the same transaction that marks the job done.
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
/** A job marked running but not checkpointed for this long is taken over (its process died). */
const STALE_MS = 60_000;

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
}

export const rescreenJobId = (snapshotId: number): string => `rescreen-${snapshotId}`;

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

/** Run (or carry on with) one re-screening job. Undefined when it is already done or failed. */
export async function runRescreenJob(store: Store, id: string, o: { pageSize?: number; afterPage?: (afterId: string) => Promise<void> | void; phases?: Record<string, { wallMs: number; cpuMs: number }> } = {}): Promise<RescreenResult | undefined> {
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
  const job = await store.getJob(id);
  if (!job || job.kind !== RESCREEN_KIND || job.status === 'done' || job.status === 'failed') return undefined;
  const started = Date.now();
  const p = job.params as RescreenParams;
  const current = await store.getSnapshot(p.current);
  const previous = p.previous !== undefined ? await store.getSnapshot(p.previous) : undefined;
  if (!current) {
    await store.updateJob(id, { status: 'failed', error: `snapshot ${p.current} no longer exists` });
    return undefined;
  }
  await store.updateJob(id, { status: 'running' });
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
      phase('index');
      let savedAt = performance.now();
      for (;;) {
        const names = await store.partyNames(afterId, o.pageSize ?? PAGE);
        phase('read names');
        if (names.length === 0) break;
        const { found, counts: c } = await screenPartyNames(store, index, filter, names);
        phase('screen');
        afterId = names[names.length - 1]!.id;
        chunksDone++;
        addCounts(counts, c);
        // A page without alerts needs no transaction of its own: its checkpoint waits for the next
        // page with alerts or for CHECKPOINT_MS (a resume redoes at most that much screening).
        if (found.length > 0 || performance.now() - savedAt >= CHECKPOINT_MS) {
          const checkpoint: RescreenParams = { ...p, afterId, counts: { ...counts } };
          await store.transaction(async (tx) => {
            await writeAlerts(tx, found, listing, checkpoint.counts);
            await tx.updateJob(id, { params: checkpoint, chunksDone });
          });
          Object.assign(counts, checkpoint.counts);
          savedAt = performance.now();
          phase('write page');
        }
        await o.afterPage?.(afterId);
      }
    }
    const result: RescreenResult = {
      source: current.source, snapshot: current.id, ...(previous ? { previous: previous.id } : {}),
      added: delta.added, changed: delta.changed, parties: await store.countParties(), ...counts,
      durationMs: p.spentMs + Date.now() - started,
    };
    phase('count');
    await store.transaction(async (tx) => {
      await tx.updateJob(id, { status: 'done', chunks: chunksDone, chunksDone, params: { ...p, afterId, counts, spentMs: result.durationMs } });
      await tx.appendAudit({
        actor: p.actor, action: 'parties.rescreen', subject: `snapshot:${current.id}`,
        outcome: `${delta.added} added, ${delta.changed} changed entries; ${counts.created} new, ${counts.reopened} reopened alert(s)`,
        dataVersions: [{ id: current.source, version: current.id, date: current.listDate }], detail: { job: id, ...result },
      });
    });
    phase('finish');
    return result;
  } catch (err) {
    // Left running: a later resume carries on from the checkpoint (the error may be passing).
    await store.updateJob(id, { error: (err as Error).message.slice(0, 1000) }).catch(() => {});
    throw err;
  }
}

/** Carry on with every re-screening job left queued, or running without a checkpoint for a minute. */
export async function resumeRescreenJobs(store: Store, o: { now?: number } = {}): Promise<RescreenResult[]> {
  const out: RescreenResult[] = [];
  const now = o.now ?? Date.now();
  for (const j of await store.unfinishedJobs(RESCREEN_KIND)) {
    if (j.status === 'running' && now - Date.parse(j.updatedAt) < STALE_MS) continue;
    const r = await runRescreenJob(store, j.id);
    if (r) out.push(r);
  }
  return out;
}

export type { JobRecord };
