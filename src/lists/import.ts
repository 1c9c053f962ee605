// The one import pipeline (used by `lists import`, `lists update` and the bundled first-use import):
// parse the whole file first (a parse error writes nothing), refuse empty and suspicious lists,
// then stage → add entries in batches → sanity check → activate atomically. Any failure after
// staging marks the staged snapshot failed and rethrows; the previous snapshot stays active.
import { VigilInputError, VigilRefusal } from '../model/errors.js';
import type { Snapshot } from '../model/index.js';
import type { Store } from '../store/store.js';
import { progressBar } from './progress.js';
import { parseListFile, type ListDateOrigin } from './registry.js';
import { IMPORT_BATCH_SIZE, SUSPICIOUS_SHRINK_RATIO } from './settings.js';
import { recordSubListCounts } from './sub-list-counts.js';

export interface ImportOptions {
  format: string;
  path: string;
  /** --list-date (YYYY-MM-DD). */
  listDate?: string;
  /** Date to use when neither the option, the file nor its name gives one (downloads). */
  fallbackListDate?: string;
  /** Accept an import that shrinks the active list by more than half. */
  force?: boolean;
  progress?: boolean;
  /**
   * First-use import of a bundled snapshot: do nothing if the source has an active snapshot by the
   * time we would activate (another process got there first).
   */
  onlyIfNoActive?: boolean;
}

export interface ImportResult {
  status: 'imported' | 'unchanged' | 'skipped';
  message: string;
  source: string;
  format: string;
  listDate: string;
  listDateFrom: ListDateOrigin;
  sha256: string;
  entries: number;
  names: number;
  /** The snapshot now active for the source. */
  snapshot?: Snapshot;
  /** The snapshot that was active before, when this import replaced it. */
  previous?: Snapshot;
  stats: Record<string, number>;
  warnings: string[];
  durationMs: number;
  /** Delta re-screening of the registered parties against the added/changed entries (when any party is registered). */
  rescreen?: import('../screening/parties.js').RescreenResult;
}

export async function importList(store: Store, o: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const bar = progressBar(o.progress);
  let parsed;
  let barStarted = false;
  try {
    parsed = await parseListFile(o.format, o.path, {
      listDate: o.listDate, fallbackListDate: o.fallbackListDate,
      onBytes: (n, total) => {
        if (!barStarted) { bar.start(`parse ${o.format}`, total); barStarted = true; }
        bar.update(n);
      },
    });
  } finally {
    bar.stop();
  }
  const names = parsed.entries.reduce((n, e) => n + e.names.length, 0);
  const base = {
    source: parsed.source, format: parsed.format, listDate: parsed.listDate, listDateFrom: parsed.listDateFrom,
    sha256: parsed.sha256, entries: parsed.entries.length, names, stats: parsed.stats, warnings: parsed.warnings,
  };
  const done = (r: Omit<ImportResult, keyof typeof base | 'durationMs'>): ImportResult => ({ ...base, ...r, durationMs: Date.now() - started });

  if (parsed.entries.length === 0) {
    throw new VigilInputError('the list has no entries; an empty list is never imported', o.path);
  }
  const current = (await store.activeSnapshots()).find((s) => s.source === parsed.source);
  if (current && current.sha256 === parsed.sha256) {
    return done({ status: 'unchanged', message: `${parsed.source}: this file (sha256 ${parsed.sha256.slice(0, 12)}…) is already the active snapshot #${current.id}; nothing to do`, snapshot: current });
  }
  if (current && o.onlyIfNoActive) {
    return done({ status: 'skipped', message: `${parsed.source}: snapshot #${current.id} is already active`, snapshot: current });
  }
  refuseIfSuspicious(parsed.source, parsed.entries.length, current, o.force);

  const staged = await store.createSnapshot({
    source: parsed.source, format: parsed.format, listDate: parsed.listDate, sha256: parsed.sha256, fileName: parsed.fileName,
    note: `list date from ${parsed.listDateFrom}`,
  });
  try {
    bar.start(`store ${parsed.source}`, parsed.entries.length);
    for (let i = 0; i < parsed.entries.length; i += IMPORT_BATCH_SIZE) {
      await store.addEntries(staged.id, parsed.entries.slice(i, i + IMPORT_BATCH_SIZE));
      bar.update(Math.min(i + IMPORT_BATCH_SIZE, parsed.entries.length));
    }
    bar.stop();
    await sanityCheck(store, staged.id, parsed.entries.length, names);
    const outcome = await store.transaction(async (tx) => {
      // Re-read inside the write transaction: another process may have activated meanwhile.
      const now = (await tx.activeSnapshots()).find((s) => s.source === parsed.source);
      if (now && now.id !== current?.id) {
        if (o.onlyIfNoActive || now.sha256 === parsed.sha256) {
          await tx.failSnapshot(staged.id, `not activated: snapshot #${now.id} of the same source was activated by another process first`);
          return { won: false as const, snapshot: now };
        }
        refuseIfSuspicious(parsed.source, parsed.entries.length, now, o.force);
      }
      return { won: true as const, snapshot: await tx.activateSnapshot(staged.id) };
    });
    if (!outcome.won) {
      return done({ status: outcome.snapshot.sha256 === parsed.sha256 ? 'unchanged' : 'skipped', message: `${parsed.source}: another process activated snapshot #${outcome.snapshot.id} first; this import was discarded`, snapshot: outcome.snapshot });
    }
    await recordSubListCounts(store, outcome.snapshot.id, parsed.entries);
    // Re-screen the party register against what this snapshot added or changed. The snapshot is
    // active whatever happens here; a failure is reported, and re-running is safe (alerts are keyed).
    let rescreen: ImportResult['rescreen'];
    try {
      const { rescreenAfterActivation } = await import('../screening/parties.js');
      rescreen = await rescreenAfterActivation(store, current, outcome.snapshot);
    } catch (err) {
      // A job still running elsewhere is not a failure: it finishes there (rescreen-queue.ts).
      parsed.warnings.push((err as { code?: string }).code === 'rescreen-pending' ? (err as Error).message : `re-screening the registered parties failed: ${(err as Error).message}`);
    }
    return done({
      ...(rescreen ? { rescreen } : {}),
      status: 'imported',
      message: `${parsed.source}: imported ${parsed.entries.length} entries (${names} names), list date ${parsed.listDate}, as snapshot #${outcome.snapshot.id}${current ? `, replacing #${current.id}` : ''}`,
      snapshot: outcome.snapshot,
      ...(current ? { previous: current } : {}),
    });
  } catch (err) {
    bar.stop();
    await store.failSnapshot(staged.id, `import failed: ${(err as Error).message}`.slice(0, 1000)).catch(() => { /* keep the first error */ });
    throw err;
  }
}

function refuseIfSuspicious(source: string, count: number, active: Snapshot | undefined, force: boolean | undefined): void {
  if (!active || force) return;
  if (count < active.entryCount * SUSPICIOUS_SHRINK_RATIO) {
    throw new VigilRefusal(
      `suspicious import: ${source} would fall from ${active.entryCount} entries (active snapshot #${active.id}, list date ${active.listDate}) to ${count}, less than half; snapshot #${active.id} stays active. Use --force if the list really shrank.`,
      'suspicious-import',
    );
  }
}

/** The store must hold exactly what was parsed before the snapshot may become visible. */
async function sanityCheck(store: Store, snapshotId: number, entries: number, names: number): Promise<void> {
  const s = await store.getSnapshot(snapshotId);
  if (!s || s.status !== 'staged' || s.entryCount !== entries || s.nameCount !== names) {
    throw new Error(`sanity check failed for staged snapshot #${snapshotId}: stored ${s?.entryCount} entries / ${s?.nameCount} names, parsed ${entries} / ${names}`);
  }
}
