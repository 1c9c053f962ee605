// Tunables of distributed batch screening, with the environment variables that override them.
// Defaults suit production: a 1,000-row chunk screens in about a second, so a chunk whose worker
// died is declared expired after 60 s and retried; maintenance (which expires chunks) runs every
// 10 s in whichever instance takes the turn. Tests shorten both.

export interface JobSettings {
  /** Rows per chunk (the unit of queueing, retry and idempotent result writes). */
  chunkSize: number;
  /** A chunk not finished this long after a worker took it is retried (pg-boss expireIn). */
  expireInSeconds: number;
  /** Retries of a failed or expired chunk before the whole job is marked failed. */
  retryLimit: number;
  /** Seconds between retries of a failed chunk. */
  retryDelaySeconds: number;
  /** How often pg-boss maintenance (expiry of chunks whose worker died) runs. */
  maintenanceIntervalSeconds: number;
  /** How often an idle worker looks for chunks. */
  pollingIntervalSeconds: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  chunkSize: 1000,
  expireInSeconds: 60,
  retryLimit: 5,
  retryDelaySeconds: 1,
  maintenanceIntervalSeconds: 10,
  pollingIntervalSeconds: 1,
};

const ENV: Record<keyof JobSettings, string> = {
  chunkSize: 'VIGIL_JOBS_CHUNK_SIZE',
  expireInSeconds: 'VIGIL_JOBS_EXPIRE_SECONDS',
  retryLimit: 'VIGIL_JOBS_RETRY_LIMIT',
  retryDelaySeconds: 'VIGIL_JOBS_RETRY_DELAY_SECONDS',
  maintenanceIntervalSeconds: 'VIGIL_JOBS_MAINTENANCE_SECONDS',
  pollingIntervalSeconds: 'VIGIL_JOBS_POLL_SECONDS',
};

/** Defaults, overridden by the environment, overridden by `over`. */
export function jobSettings(over: Partial<JobSettings> = {}, env: NodeJS.ProcessEnv = process.env): JobSettings {
  const s: JobSettings = { ...DEFAULT_JOB_SETTINGS };
  for (const key of Object.keys(ENV) as (keyof JobSettings)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${ENV[key]}=${raw}: expected a non-negative number`);
    s[key] = n;
  }
  return { ...s, ...definedOnly(over) };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
