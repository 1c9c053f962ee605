// Reproducing a stored determination: the same transaction on the list snapshots, the rule set and
// the control catalogue it used (kept, never overwritten), and optionally on today's data, with the
// differences.
import type { Vigil } from '../app/vigil.js';
import type { Assessment, CaseRecord, DataVersions, Snapshot } from '../model/index.js';
import { VigilRefusal } from '../model/errors.js';
import { ScreeningIndex } from '../screening/index.js';
import { assessTransaction } from '../policy/index.js';
import { assessmentOutcome } from './audit-calls.js';
import { diffAssessments, type Difference } from './assessment-diff.js';
import { ruleSetFromJson } from './rule-set-json.js';
import { catalogForReplay } from './replay-catalog.js';

export interface ReplayRun {
  dataVersions: DataVersions;
  outcome: string;
  /** True when nothing an officer relies on differs from the stored determination. */
  same: boolean;
  differences: Difference[];
  assessment: Assessment;
}

export interface ReplayResult {
  caseId: string;
  asOf: string;
  assessedAt?: string;
  stored: { dataVersions: DataVersions; outcome: string };
  replay: ReplayRun;
  current?: ReplayRun;
  caveats: string[];
}

export async function replayCase(vigil: Vigil, c: CaseRecord, opts: { current?: boolean } = {}): Promise<ReplayResult> {
  const stored = c.determination;
  if (!stored) throw new VigilRefusal(`case ${c.id} has no stored determination to replay; assess it first`, 'not-assessed');
  const dv = stored.dataVersions;
  const store = vigil.store;
  const caveats: string[] = [];

  const snapshots: Snapshot[] = [];
  for (const l of dv.lists) {
    const s = await store.getSnapshot(l.version);
    if (!s) throw new VigilRefusal(`case ${c.id} used list snapshot ${l.version} (${l.id}, ${l.date}), which this store no longer has`, 'snapshot-missing');
    if (l.sha256 && s.sha256 !== l.sha256) throw new VigilRefusal(`list snapshot ${l.version} (${l.id}) does not hold the data the case used: sha256 ${s.sha256} differs from ${l.sha256}`, 'snapshot-changed');
    snapshots.push(s);
  }
  const index = ScreeningIndex.build(await store.loadEntries(snapshots.map((s) => s.id)), snapshots);
  const kept = await store.getRuleSet(dv.rules.sha256);
  if (!kept) throw new VigilRefusal(`case ${c.id} used rule set ${dv.rules.version} (sha256 ${dv.rules.sha256}), which this store does not keep`, 'rules-missing');
  const rules = ruleSetFromJson(kept.json, dv.rules.sha256);
  const controls = await catalogForReplay(vigil, c.id, dv.controls);
  caveats.push(...controls.caveats);

  let replayed: Assessment;
  try {
    replayed = assessTransaction(c.transaction, { asOf: stored.asOf, index, catalog: controls.catalog, rules });
  } finally {
    controls.release();
  }
  const result: ReplayResult = {
    caseId: c.id,
    asOf: stored.asOf,
    assessedAt: c.assessedAt,
    stored: { dataVersions: dv, outcome: assessmentOutcome(stored) },
    replay: run(stored, replayed),
    caveats,
  };
  if (opts.current) {
    result.current = run(stored, await vigil.assess(c.transaction, stored.asOf, { audit: false }));
  }
  return result;
}

function run(stored: Assessment, a: Assessment): ReplayRun {
  const differences = diffAssessments(stored, a);
  return { dataVersions: a.dataVersions, outcome: assessmentOutcome(a), same: differences.length === 0, differences, assessment: a };
}
