// Audit events for the application's read-only calls (screen, assess): who asked, a hash of what
// they asked, a short outcome and the data versions the answer rests on.
import { userInfo } from 'node:os';
import type { Assessment, ScreenQuery, ScreenResult } from '../model/index.js';
import type { Store } from '../store/store.js';
import { inputHash } from './audit-trail.js';

export interface AuditOptions {
  /** Recorded as the event's actor ('cli:alice', 'IT desk (key_ab12…)' — see keyActor in src/api/auth.ts). */
  actor?: string;
  /** false: do not record this call (the caller records it another way). Default true. */
  audit?: boolean;
}

/** `$VIGIL_ACTOR`, else `cli:<login name>`. */
export function defaultActor(): string {
  if (process.env.VIGIL_ACTOR) return process.env.VIGIL_ACTOR;
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

export function assessmentOutcome(a: Assessment): string {
  return a.determinations.map((d) => `${d.jurisdiction}:${d.outcome}${d.applies ? '' : '(no nexus)'}`).join(' ');
}

export async function recordScreening(store: Pick<Store, 'appendAudit'>, actor: string, q: ScreenQuery, r: ScreenResult): Promise<void> {
  await store.appendAudit({
    actor,
    action: 'screen',
    inputHash: inputHash(q),
    outcome: r.hits.length === 0 ? 'no hits' : `${r.hits.length} hit${r.hits.length === 1 ? '' : 's'}, top ${r.hits[0]!.score.toFixed(3)} ${r.hits[0]!.entityId}`,
    dataVersions: { lists: r.lists },
  });
}

export async function recordAssessment(store: Store, actor: string, input: unknown, a: Assessment): Promise<void> {
  await store.appendAudit({
    actor,
    action: 'assess',
    inputHash: inputHash(input),
    outcome: assessmentOutcome(a),
    dataVersions: a.dataVersions,
    detail: { redFlags: a.redFlags.map((f) => f.code), divergent: a.divergent },
  });
}
