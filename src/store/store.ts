// The one storage interface. Two implementations: SQLite (embedded default) and PostgreSQL
// (server mode). Nothing outside src/store/ touches SQL, better-sqlite3 or pg.
import type {
  Alert, AlertStatus, RegisteredParty, ApiKeyRecord, AuditEvent, AuditEventInput, CaseRecord, CaseState, DenialNotification, ListEntry, Snapshot,
} from '../model/index.js';

export interface NewSnapshot {
  source: string;
  format: string;
  listDate: string;
  sha256: string;
  fileName: string;
  note?: string;
}

/** A control catalogue's source documents: path (under data/controls/) → file text. */
export type ControlCatalogDocuments = Readonly<Record<string, string>>;

export interface KeptControlCatalog {
  version: string;
  documents: ControlCatalogDocuments;
  /** Length of the documents as one JSON text, and of what the store holds for them. */
  rawBytes: number;
  storedBytes: number;
}

export interface CaseFilter {
  state?: CaseState;
  applicant?: string;
  destination?: string;
  limit?: number;
}

export interface PartyFilter {
  includeRemoved?: boolean;
  /** Keyset paging: parties with an id after this one, in id order. */
  afterId?: string;
  limit?: number;
}

export interface AlertFilter {
  status?: AlertStatus;
  /** ISO date or timestamp: alerts raised or updated since then. */
  since?: string;
  partyId?: string;
  limit?: number;
}

export interface JobRecord {
  id: string;
  kind: string; // 'screen'
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  chunks: number;
  chunksDone: number;
  createdAt: string;
  updatedAt: string;
  params: unknown;
  error?: string;
}

/** Which audit events to list: oldest first after `afterSeq` unless `newestFirst` (then before `beforeSeq`). */
export interface AuditListOptions {
  afterSeq?: number;
  beforeSeq?: number;
  limit?: number;
  newestFirst?: boolean;
  /** Exact action ('case.create'). */
  action?: string;
  /** Exact subject (a case id, 'snapshot:12'). */
  subject?: string;
  /** Part of the actor, any case ('IT desk' finds 'IT desk (key_…)'). */
  actorContains?: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Human-readable location (file path or URL without password). */
  readonly location: string;

  /** Run pending migrations under a lock; refuse a database whose schema is newer than the code. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /**
   * Run `fn` in one database transaction: all its writes land or none do. The `tx` passed in is a
   * Store bound to the transaction. Nested calls reuse the outer transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  // ---- list snapshots -------------------------------------------------------------------------
  /** Create a snapshot in status 'staged' (invisible to readers). */
  createSnapshot(s: NewSnapshot): Promise<Snapshot>;
  /** Append entries to a staged snapshot (call repeatedly in batches). */
  addEntries(snapshotId: number, entries: ListEntry[]): Promise<void>;
  /**
   * Atomically make a staged snapshot the active one for its source; the previous active snapshot
   * becomes 'superseded' (kept, never deleted: past decisions replay on it). Notifies other
   * instances (PostgreSQL) that snapshots changed.
   */
  activateSnapshot(snapshotId: number): Promise<Snapshot>;
  /** Mark a staged snapshot failed and drop its entries. */
  failSnapshot(snapshotId: number, note: string): Promise<void>;
  getSnapshot(id: number): Promise<Snapshot | undefined>;
  listSnapshots(): Promise<Snapshot[]>;
  activeSnapshots(): Promise<Snapshot[]>;
  /** Entries of the given snapshots (active or superseded), in insertion order. */
  loadEntries(snapshotIds: number[]): Promise<ListEntry[]>;
  /** The entries of these entities in the given snapshots, each with its snapshot (no order). */
  entriesOfEntities(snapshotIds: number[], entityIds: string[]): Promise<{ snapshotId: number; entry: ListEntry }[]>;
  /** Called when any instance activates a snapshot. Returns an unsubscribe function. */
  onSnapshotsChanged(cb: () => void): Promise<() => Promise<void>>;

  // ---- small key/value settings and cached blobs ----------------------------------------------
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  // ---- rule sets, kept by content hash for replay ---------------------------------------------
  putRuleSet(sha256: string, version: string, json: string): Promise<void>;
  getRuleSet(sha256: string): Promise<{ version: string; json: string } | undefined>;

  // ---- control catalogues, kept by content hash for replay (the first write wins) --------------
  putControlCatalog(sha256: string, version: string, documents: ControlCatalogDocuments): Promise<void>;
  getControlCatalog(sha256: string): Promise<KeptControlCatalog | undefined>;

  // ---- API keys --------------------------------------------------------------------------------
  createApiKey(k: ApiKeyRecord): Promise<void>;
  findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  revokeApiKey(id: string, at: string): Promise<boolean>;

  // ---- audit trail (append-only, hash-chained) ------------------------------------------------
  /**
   * Append one event: assigns seq, reads the previous hash and computes this hash, serialised
   * across processes (so the chain stays linear with concurrent writers).
   */
  appendAudit(e: AuditEventInput): Promise<AuditEvent>;
  listAudit(opts?: AuditListOptions): Promise<AuditEvent[]>;

  // ---- licence cases ---------------------------------------------------------------------------
  insertCase(c: CaseRecord): Promise<void>;
  /** Write `c` only if the stored version is `c.version - 1`; false when someone else won. */
  updateCase(c: CaseRecord): Promise<boolean>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  listCases(f?: CaseFilter): Promise<CaseRecord[]>;
  /** Next value of a named counter (case references, notification numbers). */
  nextSequence(name: string): Promise<number>;

  // ---- denial notifications (own and partners') -----------------------------------------------
  putDenialNotification(n: DenialNotification): Promise<void>;
  listDenialNotifications(): Promise<DenialNotification[]>;

  // ---- party register and alerts (issue 14) ----------------------------------------------------
  /** Insert new parties (ids and non-removed external references must be unique). */
  putParties(parties: RegisteredParty[]): Promise<void>;
  getParty(id: string): Promise<RegisteredParty | undefined>;
  findPartyByRef(externalRef: string): Promise<RegisteredParty | undefined>;
  listParties(f?: PartyFilter): Promise<RegisteredParty[]>;
  countParties(): Promise<number>;
  /** Id and name of registered parties in id order after `afterId` (the delta pre-filter's input). */
  partyNames(afterId: string | undefined, limit: number): Promise<{ id: string; name: string }[]>;
  /** These registered parties (removed ones left out), in id order. */
  partiesByIds(ids: string[]): Promise<RegisteredParty[]>;
  /** Entries of `currentId` stored differently from their entity in `previousId`, with its previous documents. */
  entriesDifferingFrom(previousId: number | undefined, currentId: number): Promise<{ entry: ListEntry; previous: ListEntry[] }[]>;
  /** Mark removed (kept for the record); false when unknown or already removed. */
  removeParty(id: string, at: string): Promise<boolean>;
  getAlert(id: string): Promise<Alert | undefined>;
  /** Every alert of these parties (any status). */
  alertsOfParties(partyIds: string[]): Promise<Alert[]>;
  /** Insert, or replace the alert with the same id. One alert per party ↔ entry pair. */
  putAlert(a: Alert): Promise<void>;
  /** Insert new alerts in multi-row statements (none may exist yet: the pair is unique). */
  insertAlerts(alerts: Alert[]): Promise<void>;
  listAlerts(f?: AlertFilter): Promise<Alert[]>;
  countAlerts(status?: AlertStatus): Promise<number>;

  // ---- batch screening jobs (results kept in input order) -------------------------------------
  createJob(j: JobRecord): Promise<void>;
  getJob(id: string): Promise<JobRecord | undefined>;
  updateJob(id: string, patch: Partial<JobRecord>): Promise<void>;
  /** The patch, only if the job's updatedAt is still `ifUpdatedAt` (a lease held by that write); false if not. */
  updateJobIf(id: string, ifUpdatedAt: string, patch: Partial<JobRecord>): Promise<boolean>;
  /** Write one chunk's results idempotently (a retried chunk overwrites, never duplicates). */
  putJobChunk(jobId: string, chunk: number, rows: { row: number; json: string }[]): Promise<void>;
  jobResults(jobId: string, afterRow?: number, limit?: number): Promise<{ row: number; json: string }[]>;
  countJobChunks(jobId: string): Promise<number>;
  /** Jobs of this kind still queued or running, oldest first. */
  unfinishedJobs(kind: string): Promise<JobRecord[]>;
}
