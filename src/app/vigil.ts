// The application object: one store, the in-memory screening index, the control catalogue and
// the rule set, opened once and shared by the CLI, the HTTP API and the workers.
import type {
  Assessment, ClassifyResponse, CompareResult, EntityType, ListVersion, ScreenQuery, ScreenResult, Transaction,
} from '../model/index.js';
import type { Store } from '../store/store.js';
import { openStore } from '../store/open.js';
import { ensureBundledLists } from '../lists/bundled.js';
import { ScreeningIndex, compareNames } from '../screening/index.js';
import { loadControlCatalog, type ControlCatalog } from '../controls/catalog.js';
import { loadRuleSet, assessTransaction, type RuleSet } from '../policy/index.js';

export interface VigilOptions {
  /** SQLite file path (embedded default). */
  db?: string;
  /** postgres://… — server mode. */
  databaseUrl?: string;
  /** Import the bundled list snapshots when the store has none (default true). */
  bundled?: boolean;
  /** Show progress bars on stderr (CLI on a TTY). */
  progress?: boolean;
}

export class Vigil {
  private index?: Promise<ScreeningIndex>;
  private catalog?: Promise<ControlCatalog>;
  private ruleSet?: Promise<RuleSet>;
  private unsubscribe?: () => Promise<void>;

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

  reloadScreening(): Promise<ScreeningIndex> {
    const next = ScreeningIndex.load(this.store);
    // Keep serving the old index until the new one is complete.
    next.then(() => { this.index = next; }, () => {});
    return next;
  }

  async listVersions(): Promise<ListVersion[]> {
    return (await this.screening()).versions;
  }

  async screen(q: ScreenQuery): Promise<ScreenResult> {
    return (await this.screening()).screen(q);
  }

  compare(a: string, b: string, type?: EntityType): CompareResult {
    return compareNames(a, b, type);
  }

  controls(): Promise<ControlCatalog> {
    if (!this.catalog) this.catalog = loadControlCatalog();
    return this.catalog;
  }

  async classify(query: string, opts: { asOf?: string; limit?: number } = {}): Promise<ClassifyResponse> {
    return (await this.controls()).classify(query, opts);
  }

  rules(): Promise<RuleSet> {
    if (!this.ruleSet) this.ruleSet = loadRuleSet();
    return this.ruleSet;
  }

  async assess(tx: Transaction, asOf?: string): Promise<Assessment> {
    const [index, catalog, rules] = await Promise.all([this.screening(), this.controls(), this.rules()]);
    return assessTransaction(tx, { asOf: asOf ?? tx.date, index, catalog, rules });
  }

  async close(): Promise<void> {
    await this.unsubscribe?.();
    await this.store.close();
  }
}
