// The application object: one store, the in-memory screening index, the control catalogue and
// the rule set, opened once and shared by the CLI, the HTTP API and the workers.
import type {
  Assessment, ClassifyResponse, CompareResult, EntityType, ListVersion, ScreenQuery, ScreenResult, Transaction,
} from '../model/index.js';
import type { Store } from '../store/store.js';
import { openStore } from '../store/open.js';
import { ensureBundledLists } from '../lists/bundled.js';
import { configuredMaxAgeDays, staleListWarnings, type StaleListWarning } from '../lists/freshness.js';
import { ScreeningIndex, compareNames } from '../screening/index.js';
import { screenAsOf } from '../screening/as-of.js';
// The catalogue and the policy engine are imported on first use: `vigil screen` never needs them
// and loading them costs a cold start about half a second.
import type { ControlCatalog } from '../controls/catalog.js';
import type { RuleSet } from '../policy/index.js';
import { defaultActor, recordAssessment, recordScreening, type AuditOptions } from '../cases/audit-calls.js';

export interface VigilOptions {
  /** SQLite file path (embedded default). */
  db?: string;
  /** postgres://… — server mode. */
  databaseUrl?: string;
  /** Import the bundled list snapshots when the store has none (default true). */
  bundled?: boolean;
  /** Show progress bars on stderr (CLI on a TTY). */
  progress?: boolean;
  /** A list older than this many days is stale (default: $VIGIL_LIST_MAX_AGE_DAYS, else 45). */
  maxListAgeDays?: number;
  /**
   * Who screenings and assessments are recorded against in the audit trail when a call names no
   * actor (default: `cli:<login>` or $VIGIL_ACTOR).
   */
  actor?: string;
  /** A catalogue built elsewhere instead of the shipped files' (tests: one built from changed documents). */
  controlCatalog?: ControlCatalog;
  /** A rule set built elsewhere instead of the shipped files' (tests: one built from changed rules). */
  ruleSet?: RuleSet;
}

export type { AuditOptions } from '../cases/audit-calls.js';

export class Vigil {
  private index?: Promise<ScreeningIndex>;
  private catalog?: Promise<ControlCatalog>;
  private ruleSet?: Promise<RuleSet>;
  private unsubscribe?: () => Promise<void>;
  private queuedReload?: Promise<ScreeningIndex>;
  private lastReload: Promise<void> = Promise.resolve();

  private constructor(readonly store: Store, private readonly opts: VigilOptions) {}

  static async open(opts: VigilOptions = {}): Promise<Vigil> {
    const store = await openStore({ db: opts.db, databaseUrl: opts.databaseUrl });
    await store.migrate();
    if (opts.bundled !== false) await ensureBundledLists(store, { progress: opts.progress });
    const v = new Vigil(store, opts);
    // Another instance (or `vigil lists import`) activated a snapshot: rebuild the index in the
    // background and swap it in whole, so no request ever sees a partial snapshot.
    v.unsubscribe = await store.onSnapshotsChanged(() => v.reloadScreening());
    return v;
  }

  /** The current index; building it is lazy so that `vigil classify` never pays for it. */
  screening(): Promise<ScreeningIndex> {
    if (!this.index) this.index = ScreeningIndex.load(this.store);
    return this.index;
  }

  /**
   * Rebuild the index and swap it in whole; until then the old one keeps serving. Rebuilds run one
   * at a time, in order, so an older rebuild can never finish last and win; notifications that
   * arrive while a rebuild waits to start share it (it will read their snapshots too).
   */
  reloadScreening(): Promise<ScreeningIndex> {
    if (this.queuedReload) return this.queuedReload;
    const next = this.lastReload.then(() => {
      this.queuedReload = undefined;
      return ScreeningIndex.load(this.store);
    });
    this.queuedReload = next;
    this.lastReload = next.then((index) => { this.index = Promise.resolve(index); }, () => {});
    return next;
  }

  async listVersions(): Promise<ListVersion[]> {
    return (await this.screening()).versions;
  }

  /**
   * Screen one party. Recorded in the audit trail (actor, input hash, hit count, list versions)
   * unless `audit: false` — for callers that record a whole batch as one event themselves.
   */
  async screen(q: ScreenQuery, opts: AuditOptions = {}): Promise<ScreenResult> {
    const result = (await this.screening()).screen(q);
    if (opts.audit !== false) await recordScreening(this.store, this.actorOf(opts), q, result);
    return result;
  }

  /** Screening against the list snapshots in force on `asOf` (YYYY-MM-DD), audited like screen(). */
  async screenAsOf(q: ScreenQuery, asOf: string, opts: AuditOptions = {}): Promise<ScreenResult> {
    const result = await screenAsOf(this.store, q, asOf);
    if (opts.audit !== false) await recordScreening(this.store, this.actorOf(opts), q, result);
    return result;
  }

  /** A warning for each of these lists (an answer's `lists`) older than the freshness setting. */
  async staleListWarnings(used: ListVersion[], now?: Date): Promise<StaleListWarning[]> {
    const maxAgeDays = this.opts.maxListAgeDays ?? configuredMaxAgeDays();
    return staleListWarnings(used, await this.store.activeSnapshots(), { maxAgeDays, now });
  }

  /** The audit actor for a call: the call's, else the application's, else the login. */
  actorOf(opts: AuditOptions = {}): string {
    return opts.actor ?? this.opts.actor ?? defaultActor();
  }

  compare(a: string, b: string, type?: EntityType): CompareResult {
    return compareNames(a, b, type);
  }

  controls(): Promise<ControlCatalog> {
    if (!this.catalog) {
      this.catalog = this.opts.controlCatalog
        ? Promise.resolve(this.opts.controlCatalog)
        : import('../controls/catalog.js').then((m) => m.loadControlCatalog());
    }
    return this.catalog;
  }

  async classify(query: string, opts: { asOf?: string; limit?: number } = {}): Promise<ClassifyResponse> {
    return (await this.controls()).classify(query, opts);
  }

  rules(): Promise<RuleSet> {
    if (!this.ruleSet) {
      this.ruleSet = this.opts.ruleSet
        ? Promise.resolve(this.opts.ruleSet)
        : import('../policy/index.js').then((m) => m.loadRuleSet());
    }
    return this.ruleSet;
  }

  /**
   * Determinations per jurisdiction. The rule set and the control catalogue it used are kept in the
   * store by their sha256 (so the answer can be replayed later), and the call is recorded in the
   * audit trail unless `audit: false` (a case assessment records its own event with the case write).
   */
  async assess(tx: Transaction, asOf?: string, opts: AuditOptions = {}): Promise<Assessment> {
    const { checkAsOf, inputCaveats } = await import('../policy/transaction-schema.js');
    // A date outside the modelled range (1850, 2099) would be answered from no data as if from law.
    if (asOf !== undefined) checkAsOf(asOf, 'asOf');
    const [index, catalog, rules] = await Promise.all([this.screening(), this.controls(), this.rules()]);
    const { assessTransaction } = await import('../policy/index.js');
    const result = assessTransaction(tx, { asOf: asOf ?? tx.date, index, catalog, rules });
    result.caveats.push(...inputCaveats(tx));
    await Promise.all([this.keepRuleSet(rules), this.keepCatalog(catalog)]);
    if (opts.audit !== false) await recordAssessment(this.store, this.actorOf(opts), { transaction: tx, asOf: result.asOf }, result);
    return result;
  }

  /** Store the rule set by content hash, once per process (a failure is tried again next time). */
  private readonly keepRuleSet = onceUntilFailure(async (rules: RuleSet) => {
    if (!(await this.store.getRuleSet(rules.sha256))) {
      const { ruleSetToJson } = await import('../cases/rule-set-json.js');
      await this.store.putRuleSet(rules.sha256, rules.version, ruleSetToJson(rules));
    }
  });

  /** Store the catalogue's documents by content hash, once per process (the store ignores a known hash). */
  private readonly keepCatalog = onceUntilFailure((catalog: ControlCatalog) =>
    this.store.putControlCatalog(catalog.sha256, catalog.version, catalog.sources.documents));

  async close(): Promise<void> {
    await this.unsubscribe?.();
    await this.store.close();
  }
}

/** `make` runs on the first call only; its promise is shared, and forgotten if it fails so that a later call tries again. */
function onceUntilFailure<A>(make: (arg: A) => Promise<void>): (arg: A) => Promise<void> {
  let done: Promise<void> | undefined;
  return (arg) => (done ??= make(arg).catch((err: unknown) => {
    done = undefined;
    throw err;
  }));
}
