// Point-in-time screening (issue 14): a name screened against the list snapshots that were active
// on a past day, so that a past decision's screening can be shown as it stood. Snapshots are kept
// when superseded; the one of each source in force on day D is the last activated before D ended.
import type { ScreenQuery, ScreenResult, Snapshot } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { ScreeningIndex } from './index.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Per source, the snapshot in force on `date` (YYYY-MM-DD, a UTC day). */
export async function snapshotsActiveOn(store: Store, date: string): Promise<Snapshot[]> {
  if (!DAY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new VigilInputError(`as-of must be a date YYYY-MM-DD, got ${JSON.stringify(date)}`, 'asOf');
  const end = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();
  const bySource = new Map<string, Snapshot>();
  for (const s of await store.listSnapshots()) {
    if ((s.status !== 'active' && s.status !== 'superseded') || !s.activatedAt || s.activatedAt >= end) continue;
    const prev = bySource.get(s.source);
    if (!prev || s.activatedAt > prev.activatedAt! || (s.activatedAt === prev.activatedAt && s.id > prev.id)) bySource.set(s.source, s);
  }
  return [...bySource.values()].sort((a, b) => a.source.localeCompare(b.source));
}

// Indexes of past snapshot sets are built on demand; the last few are kept (a review screen asks
// for the same day again and again).
const built = new Map<string, ScreeningIndex>();
const KEEP = 4;

export async function indexAsOf(store: Store, date: string): Promise<ScreeningIndex> {
  const snaps = await snapshotsActiveOn(store, date);
  if (snaps.length === 0) throw new VigilInputError(`no list snapshot was active on ${date} (the first was activated later)`, 'asOf');
  const key = `${store.location}|${snaps.map((s) => s.id).join(',')}`;
  let index = built.get(key);
  if (!index) {
    index = ScreeningIndex.build(await store.loadEntries(snaps.map((s) => s.id)), snaps);
    if (built.size >= KEEP) built.delete(built.keys().next().value!);
    built.set(key, index);
  }
  return index;
}

/** Screen `q` against the snapshots active on `date`; the answer's `lists` name them. */
export async function screenAsOf(store: Store, q: ScreenQuery, date: string): Promise<ScreenResult & { asOf: string }> {
  return { ...(await indexAsOf(store, date)).screen(q), asOf: date };
}
