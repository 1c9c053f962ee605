// Delta re-screening scores a party against the changed entries only, but with the statistics of
// the whole active index (name frequencies, vocabulary for other readings): every hit it gives has
// the score, matched name and explanation a full screening gives for that entry, and it misses none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Vigil } from '../../src/app/vigil.js';
import { csvRecords } from '../../src/lists/csv-records.js';
import { ScreeningIndex } from '../../src/screening/index.js';
import type { ScreeningHit } from '../../src/model/index.js';
import { seededDb } from '../api/seeded-db.js';
import { ROOT } from '../api/support.js';

async function column(file: string, col: string, every = 1): Promise<string[]> {
  const out: string[] = [];
  let at = -1;
  let row = 0;
  async function* lines() { yield readFileSync(join(ROOT, 'test/fixtures/matching', file), 'utf8'); }
  for await (const r of csvRecords(lines(), file)) {
    if (at < 0) { at = r.fields.indexOf(col); assert.ok(at >= 0, `${file}: no column ${col}`); continue; }
    if (row++ % every === 0 && r.fields[at]) out.push(r.fields[at]!);
  }
  return out;
}

const show = (h: ScreeningHit): string => `${h.entityId} ${h.score} ${h.matchedName} ${JSON.stringify(h.explanation)}`;

test('a party screened against the changed entries scores as in a full screening (the full index\'s statistics)', async (t) => {
  const v = await Vigil.open({ db: await seededDb(t), bundled: false });
  t.after(() => v.close());
  const full = await v.screening();
  const snaps = await v.store.activeSnapshots();
  const all = await v.store.loadEntries(snaps.map((s) => s.id));
  const wanted = new Set(await column('variants_sample.csv', 'entity_id'));
  const changed = all.filter((e, i) => wanted.has(e.id) || i % 60 === 0);
  const ids = new Set(changed.map((e) => e.id));
  const delta = ScreeningIndex.build(changed, snaps, full);
  const alone = ScreeningIndex.build(changed, snaps);

  const names = [
    ...(await column('variants_sample.csv', 'query', 3)),
    ...(await column('un_cross_script_pairs_sample.csv', 'variant_name', 3)),
    ...(await column('negatives_global_sample.csv', 'name', 5)),
  ];
  let compared = 0;
  let differAlone = 0;
  for (const name of names) {
    const q = { name, threshold: 0.6, limit: 10_000 };
    let expected: string[];
    try { expected = full.screen(q).hits.filter((h) => ids.has(h.entityId)).map(show).sort(); } catch { continue; }
    assert.deepEqual(delta.screen(q).hits.map(show).sort(), expected, name);
    compared += expected.length;
    const own = alone.screen(q).hits.map(show).sort();
    if (JSON.stringify(own) !== JSON.stringify(expected)) differAlone++;
  }
  t.diagnostic(`${compared} hits compared, ${differAlone} names scored differently without the basis`);
  assert.ok(compared > 150, `only ${compared} hits compared: the sample does not exercise the delta index`);
  // The control: an index of the changed entries with their own statistics scores differently.
  assert.ok(differAlone > 50, `only ${differAlone} names scored differently without the full index's statistics`);
});
