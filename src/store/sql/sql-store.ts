// The Store, written once over a Backend (SQLite or PostgreSQL). Inside transaction(fn) the `tx`
// passed to fn is bound to the transaction; calls on the outer store made from within fn's async
// flow join it too (AsyncLocalStorage), so a forgotten `tx` cannot deadlock or escape it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  Alert, AlertStatus, RegisteredParty, ApiKeyRecord, AuditEvent, AuditEventInput, CaseRecord, DenialNotification, ListEntry, Snapshot,
} from '../../model/index.js';
import type { AlertFilter, AuditListOptions, PartyFilter, CaseFilter, ControlCatalogDocuments, JobRecord, KeptControlCatalog, NewSnapshot, Store } from '../store.js';
import { migrate } from '../migrate.js';
import type { Backend, Executor } from './executor.js';
import * as audit from './audit.js';
import * as cases from './cases.js';
import * as controlCatalogs from './control-catalogs.js';
import * as jobs from './jobs.js';
import * as keys from './keys.js';
import * as meta from './meta.js';
import * as parties from './parties.js';
import * as snapshots from './snapshots.js';

/** A transaction's executor and whether it is still open. */
interface TxScope { ex: Executor; open: boolean }

/** The audit chain's last link as this process last committed or saw it (shared by a store's tx views). */
interface ChainGuess { tail?: audit.AuditTail }

const ended = () => Promise.reject(new Error('this transaction has already ended; use the store, not the old tx'));
/** What a `tx` kept past its transaction gets: every call rejects. */
const ENDED: TxScope = { ex: { all: ended, get: ended, run: ended, column: ended }, open: true };

export class SqlStore implements Store {
  private constructor(
    private readonly backend: Backend,
    private readonly scopes: AsyncLocalStorage<TxScope>,
    private readonly chain: ChainGuess,
    private readonly bound?: TxScope,
  ) {}

  static over(backend: Backend): SqlStore {
    return new SqlStore(backend, new AsyncLocalStorage<TxScope>(), {});
  }

  get kind(): 'sqlite' | 'postgres' { return this.backend.kind; }
  get location(): string { return this.backend.location; }

  /** The open transaction this call belongs to, if any. */
  private scope(): TxScope | undefined {
    if (this.bound) return this.bound.open ? this.bound : ENDED;
    const s = this.scopes.getStore();
    return s?.open ? s : undefined;
  }

  private ex(): Executor {
    return this.scope()?.ex ?? this.backend.root;
  }

  async migrate(): Promise<void> {
    await migrate(this.backend);
  }

  async close(): Promise<void> {
    await this.backend.close();
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const current = this.scope();
    if (current) return fn(this.bound ? this : new SqlStore(this.backend, this.scopes, this.chain, current));
    return this.backend.transaction(async (ex) => {
      const scope: TxScope = { ex, open: true };
      try {
        return await this.scopes.run(scope, () => fn(new SqlStore(this.backend, this.scopes, this.chain, scope)));
      } finally {
        scope.open = false;
      }
    });
  }

  /** Run in the current transaction or a new one (multi-statement writes). */
  private atomically<T>(fn: (ex: Executor) => Promise<T>): Promise<T> {
    const current = this.scope();
    if (current) return fn(current.ex);
    return this.transaction(() => fn(this.ex()));
  }

  // ---- snapshots ------------------------------------------------------------------------------
  createSnapshot(s: NewSnapshot): Promise<Snapshot> { return snapshots.createSnapshot(this.ex(), s); }

  addEntries(snapshotId: number, entries: ListEntry[]): Promise<void> {
    return this.atomically((ex) => snapshots.addEntries(ex, this.backend.maxParams, snapshotId, entries));
  }

  async activateSnapshot(snapshotId: number): Promise<Snapshot> {
    const s = await this.atomically(async (ex) => {
      await this.backend.lock(ex, 'snapshots');
      const activated = await snapshots.activateSnapshot(ex, snapshotId);
      await meta.bumpSnapshotGeneration(ex);
      await this.backend.notifySnapshotsChanged(ex);
      return activated;
    });
    this.backend.pokeSnapshotsChanged();
    return s;
  }

  failSnapshot(snapshotId: number, note: string): Promise<void> {
    return this.atomically((ex) => snapshots.failSnapshot(ex, snapshotId, note));
  }

  getSnapshot(id: number): Promise<Snapshot | undefined> { return snapshots.getSnapshot(this.ex(), id); }
  listSnapshots(): Promise<Snapshot[]> { return snapshots.listSnapshots(this.ex()); }
  activeSnapshots(): Promise<Snapshot[]> { return snapshots.activeSnapshots(this.ex()); }
  loadEntries(snapshotIds: number[]): Promise<ListEntry[]> { return snapshots.loadEntries(this.ex(), snapshotIds); }
  entriesOfEntities(snapshotIds: number[], entityIds: string[]): Promise<{ snapshotId: number; entry: ListEntry }[]> { return snapshots.entriesOfEntities(this.ex(), snapshotIds, entityIds); }
  onSnapshotsChanged(cb: () => void): Promise<() => Promise<void>> { return this.backend.onSnapshotsChanged(cb); }

  // ---- meta, rule sets, control catalogues, keys ------------------------------------------------
  /**
   * Inside transaction() a read of a meta key holds that key until the transaction ends, so a
   * read-then-write (a counter, a flag) never loses a concurrent update: SQLite's BEGIN IMMEDIATE
   * already serialises writers; on PostgreSQL (READ COMMITTED) a transaction-level advisory lock on
   * the key does it — a lock, unlike SELECT … FOR UPDATE, that also holds a key not yet written.
   */
  async getMeta(key: string): Promise<string | undefined> {
    const scope = this.scope();
    if (scope && this.backend.kind === 'postgres') await meta.lockMetaKey(scope.ex, key);
    return meta.getMeta(this.ex(), key);
  }
  setMeta(key: string, value: string): Promise<void> { return meta.setMeta(this.ex(), key, value); }
  putRuleSet(sha256: string, version: string, json: string): Promise<void> { return keys.putRuleSet(this.ex(), sha256, version, json); }
  getRuleSet(sha256: string): Promise<{ version: string; json: string } | undefined> { return keys.getRuleSet(this.ex(), sha256); }
  putControlCatalog(sha256: string, version: string, documents: ControlCatalogDocuments): Promise<void> {
    return controlCatalogs.putControlCatalog(this.ex(), sha256, version, documents);
  }
  getControlCatalog(sha256: string): Promise<KeptControlCatalog | undefined> { return controlCatalogs.getControlCatalog(this.ex(), sha256); }
  createApiKey(k: ApiKeyRecord): Promise<void> { return keys.createApiKey(this.ex(), k); }
  findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> { return keys.findApiKeyByHash(this.ex(), hash); }
  listApiKeys(): Promise<ApiKeyRecord[]> { return keys.listApiKeys(this.ex()); }
  revokeApiKey(id: string, at: string): Promise<boolean> { return keys.revokeApiKey(this.ex(), id, at); }

  // ---- audit ----------------------------------------------------------------------------------
  async appendAudit(e: AuditEventInput): Promise<AuditEvent> {
    const standalone = !this.scope();
    const lockQuery = this.backend.auditLockQuery;
    if (standalone && lockQuery) {
      // One round trip when this process knows the tail (it wrote the last event); a miss writes
      // nothing and falls through to the locked read-then-insert.
      const event = await audit.appendAuditAfter(this.backend.root, e, this.chain.tail, lockQuery);
      if (event) {
        this.chain.tail = { seq: event.seq, hash: event.hash };
        return event;
      }
    }
    const event = await this.atomically(async (ex) => {
      await this.backend.lock(ex, 'audit');
      return audit.appendAudit(ex, e);
    });
    // Inside a caller's transaction the event may still roll back: only a committed one is the tail.
    if (standalone) this.chain.tail = { seq: event.seq, hash: event.hash };
    return event;
  }

  listAudit(opts?: AuditListOptions): Promise<AuditEvent[]> { return audit.listAudit(this.ex(), opts); }

  // ---- cases and denial notifications ---------------------------------------------------------
  insertCase(c: CaseRecord): Promise<void> { return cases.insertCase(this.ex(), c); }
  updateCase(c: CaseRecord): Promise<boolean> { return cases.updateCase(this.ex(), c); }
  getCase(id: string): Promise<CaseRecord | undefined> { return cases.getCase(this.ex(), id); }
  listCases(f?: CaseFilter): Promise<CaseRecord[]> { return cases.listCases(this.ex(), f); }
  nextSequence(name: string): Promise<number> { return meta.nextSequence(this.ex(), name); }
  putDenialNotification(n: DenialNotification): Promise<void> { return cases.putDenialNotification(this.ex(), n); }
  listDenialNotifications(): Promise<DenialNotification[]> { return cases.listDenialNotifications(this.ex()); }

  // ---- parties and alerts ---------------------------------------------------------------------
  putParties(ps: RegisteredParty[]): Promise<void> { return this.atomically((ex) => parties.putParties(ex, this.backend.maxParams, ps)); }
  getParty(id: string): Promise<RegisteredParty | undefined> { return parties.getParty(this.ex(), id); }
  findPartyByRef(externalRef: string): Promise<RegisteredParty | undefined> { return parties.findPartyByRef(this.ex(), externalRef); }
  listParties(f?: PartyFilter): Promise<RegisteredParty[]> { return parties.listParties(this.ex(), f); }
  countParties(): Promise<number> { return parties.countParties(this.ex()); }
  partyNames(afterId: string | undefined, limit: number): Promise<{ id: string; name: string }[]> { return parties.partyNames(this.ex(), afterId, limit); }
  partiesByIds(ids: string[]): Promise<RegisteredParty[]> { return parties.partiesByIds(this.ex(), ids); }
  entriesDifferingFrom(previousId: number | undefined, currentId: number): Promise<{ entry: ListEntry; previous: ListEntry[] }[]> { return parties.entriesDifferingFrom(this.ex(), previousId, currentId, this.backend.kind === 'postgres'); }
  removeParty(id: string, at: string): Promise<boolean> { return this.atomically((ex) => parties.removeParty(ex, id, at)); }
  getAlert(id: string): Promise<Alert | undefined> { return parties.getAlert(this.ex(), id); }
  alertsOfParties(partyIds: string[]): Promise<Alert[]> { return parties.alertsForPairs(this.ex(), partyIds); }
  putAlert(a: Alert): Promise<void> { return this.atomically((ex) => parties.putAlert(ex, a)); }
  insertAlerts(alerts: Alert[]): Promise<void> { return this.atomically((ex) => parties.insertAlerts(ex, this.backend.maxParams, alerts)); }
  listAlerts(f?: AlertFilter): Promise<Alert[]> { return parties.listAlerts(this.ex(), f); }
  countAlerts(status?: AlertStatus): Promise<number> { return parties.countAlerts(this.ex(), status); }

  // ---- jobs -----------------------------------------------------------------------------------
  createJob(j: JobRecord): Promise<void> { return jobs.createJob(this.ex(), j); }
  getJob(id: string): Promise<JobRecord | undefined> { return jobs.getJob(this.ex(), id); }
  updateJob(id: string, patch: Partial<JobRecord>): Promise<void> { return jobs.updateJob(this.ex(), id, patch); }
  updateJobIf(id: string, ifUpdatedAt: string, patch: Partial<JobRecord>): Promise<boolean> { return jobs.updateJobIf(this.ex(), id, ifUpdatedAt, patch); }

  putJobChunk(jobId: string, chunk: number, rows: { row: number; json: string }[]): Promise<void> {
    return this.atomically((ex) => jobs.putJobChunk(ex, this.backend.maxParams, jobId, chunk, rows));
  }

  jobResults(jobId: string, afterRow?: number, limit?: number): Promise<{ row: number; json: string }[]> {
    return jobs.jobResults(this.ex(), jobId, afterRow, limit);
  }

  countJobChunks(jobId: string): Promise<number> { return jobs.countJobChunks(this.ex(), jobId); }
  unfinishedJobs(kind: string): Promise<JobRecord[]> { return jobs.unfinishedJobs(this.ex(), kind); }
}
