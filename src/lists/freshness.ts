// Stale lists, said where people screen: a screening answer (CLI, API, UI) carries one warning per
// list it used whose date is older than the freshness setting, so a "no hit" on a months-old list
// is not read as a "no hit" on today's. The same rule as `vigil lists status` (status.ts).
import type { ListVersion, Snapshot } from '../model/index.js';
import { DEFAULT_MAX_AGE_DAYS } from './settings.js';
import { VigilInputError } from '../model/errors.js';

export interface StaleListWarning {
  code: 'stale-list';
  /** The list source (us-csl, un, uk-ofsi…). */
  list: string;
  snapshot: number;
  /** The publisher's date of the list. */
  listDate: string;
  /** When this snapshot became the one screened against. */
  activatedAt?: string;
  ageDays: number;
  maxAgeDays: number;
  message: string;
}

/**
 * The freshness setting: $VIGIL_LIST_MAX_AGE_DAYS (a whole number of days, 0 = anything not dated
 * today is stale), else DEFAULT_MAX_AGE_DAYS. Read at each call so that a server picks up a change
 * without a restart only where the environment does (tests).
 */
export function configuredMaxAgeDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.VIGIL_LIST_MAX_AGE_DAYS?.trim();
  if (!raw) return DEFAULT_MAX_AGE_DAYS;
  if (!/^\d{1,6}$/.test(raw)) throw new VigilInputError(`"${raw}" is not a whole number of days`, 'VIGIL_LIST_MAX_AGE_DAYS');
  return Number(raw);
}

export function ageInDays(listDate: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${listDate}T00:00:00Z`)) / 86_400_000);
}

/** One warning per list used whose date is older than maxAgeDays, in the order the lists were used. */
export function staleListWarnings(
  used: readonly ListVersion[],
  snapshots: readonly Pick<Snapshot, 'id' | 'activatedAt' | 'importedAt'>[],
  o: { maxAgeDays: number; now?: Date },
): StaleListWarning[] {
  const now = o.now ?? new Date();
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const out: StaleListWarning[] = [];
  for (const l of used) {
    const ageDays = ageInDays(l.date, now);
    if (!(ageDays > o.maxAgeDays)) continue;
    const s = byId.get(l.version);
    const activatedAt = s?.activatedAt ?? s?.importedAt;
    out.push({
      code: 'stale-list', list: l.id, snapshot: l.version, listDate: l.date, ...(activatedAt ? { activatedAt } : {}), ageDays, maxAgeDays: o.maxAgeDays,
      message: `list ${l.id} (snapshot #${l.version}) is dated ${l.date}, ${ageDays} days old: older than the ${o.maxAgeDays}-day freshness setting. Entries added since are not screened; run \`vigil lists update\` or import a newer file.`,
    });
  }
  return out;
}
