// The control catalogue a replay uses: the one the case was assessed with, rebuilt from the
// documents the store kept under its sha256. Cases assessed before catalogues were kept name no
// sha256 and replay on today's catalogue with a caveat, as does a case whose catalogue this store
// lacks (lists and rule sets refuse instead: those cases predate keeping catalogues).
import type { Vigil } from '../app/vigil.js';
import type { ControlCatalog } from '../controls/catalog.js';
import type { DataVersions } from '../model/index.js';
import { VigilRefusal } from '../model/errors.js';

export interface ReplayCatalog {
  catalog: ControlCatalog;
  caveats: string[];
  /** Release a catalogue built for this replay (not the application's own). */
  release(): void;
}

export async function catalogForReplay(vigil: Vigil, caseId: string, used: DataVersions['controls']): Promise<ReplayCatalog> {
  const current = await vigil.controls();
  const today = (caveats: string[]): ReplayCatalog => ({ catalog: current, caveats, release: () => {} });
  if (used.sha256 === current.sha256) return today([]);
  if (!used.sha256) {
    return today(current.version === used.version ? [] : [
      `control lists are replayed at version ${current.version}; the case used ${used.version} (assessed before control list versions were kept)`,
    ]);
  }
  const kept = await vigil.store.getControlCatalog(used.sha256);
  if (!kept) {
    return today([
      `control lists are replayed at version ${current.version}; the case used ${used.version} (sha256 ${used.sha256}), which this store does not keep`,
    ]);
  }
  const { buildControlCatalog, ControlSources } = await import('../controls/catalog.js');
  const catalog = buildControlCatalog(ControlSources.fromDocuments(kept.documents, `kept control catalogue ${used.sha256}`));
  if (catalog.sha256 !== used.sha256) {
    catalog.close();
    throw new VigilRefusal(
      `case ${caseId} used control catalogue ${used.version}; the documents kept under sha256 ${used.sha256} hash to ${catalog.sha256}`,
      'controls-changed',
    );
  }
  return { catalog, caveats: [], release: () => catalog.close() };
}
