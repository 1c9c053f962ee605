// The delta pre-filter is exact: every name that screening against an index of changed entries hits
// (at the filter's threshold) is passed by it (on the public variant, cross-script and negative samples, plus glued words and
// dangling compound prefixes that only other readings of the name reach), and the tokens it
// prepares screen exactly as the name does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Vigil } from '../../src/app/vigil.js';
import { csvRecords } from '../../src/lists/csv-records.js';
import { DeltaFilter } from '../../src/screening/delta-filter.js';
import { DEFAULT_THRESHOLD, ScreeningIndex } from '../../src/screening/index.js';
import { seededDb } from '../api/seeded-db.js';
import { ROOT } from '../api/support.js';

async function column(file: string, col: string): Promise<string[]> {
  const out: string[] = [];
  let at = -1;
  async function* lines() { yield readFileSync(join(ROOT, 'test/fixtures/matching', file), 'utf8'); }
  for await (const r of csvRecords(lines(), file)) {
    if (at < 0) { at = r.fields.indexOf(col); assert.ok(at >= 0, `${file}: no column ${col}`); continue; }
    if (r.fields[at]) out.push(r.fields[at]!);
  }
  return out;
}

test('the delta pre-filter passes every name the delta index hits, with the tokens the screening would prepare', async (t) => {
  const v = await Vigil.open({ db: await seededDb(t), bundled: false });
  t.after(() => v.close());
  const snaps = await v.store.activeSnapshots();
  const all = await v.store.loadEntries(snaps.map((s) => s.id));
  const wanted = new Set((await column('variants_sample.csv', 'entity_id')));
  // A realistic update: a few hundred entries, those the variant sample names and every 60th other.
  const changed = all.filter((e, i) => wanted.has(e.id) || i % 60 === 0 || (e.source === 'un' && i % 7 === 0));
  assert.ok(changed.length > 300 && changed.length < 2000, String(changed.length));
  const index = ScreeningIndex.build(changed, snaps, await v.screening());

  const names = [
    ...(await column('variants_sample.csv', 'query')), ...(await column('variants_sample.csv', 'original')),
    ...(await column('un_cross_script_pairs_sample.csv', 'primary_name')), ...(await column('un_cross_script_pairs_sample.csv', 'variant_name')),
    ...(await column('negatives_global_sample.csv', 'name')), ...(await column('negatives_sample.csv', 'full_name')),
  ];
  // Names reached only through another reading: two words glued, a compound prefix left at the end.
  const readings = changed.slice(0, 200).flatMap((e) => {
    const words = e.names[0]!.name.split(/\s+/).filter(Boolean);
    return words.length >= 2 ? [words.slice(0, 2).join('') + ' ' + words.slice(2).join(' '), `${words.slice(1).join(' ')} Abdul`, `Abd ${words.join(' ')}`] : [];
  });
  // At the job's threshold, and at a lower one (more names reach a hit: the filter must follow).
  for (const threshold of [DEFAULT_THRESHOLD, 0.6]) {
    const filter = new DeltaFilter(index, threshold);
    let hitNames = 0;
    let spared = 0;
    const missed: string[] = [];
    for (const name of [...names, ...readings]) {
      let hits: string[];
      try { hits = index.screen({ name, threshold }).hits.map((h) => `${h.entityId} ${h.score}`); } catch { continue; }
      const tokens = filter.candidate(name);
      if (tokens) assert.deepEqual(index.screen({ name, threshold }, { tokens }).hits.map((h) => `${h.entityId} ${h.score}`), hits, name);
      if (hits.length > 0) { hitNames++; if (!tokens) missed.push(name); } else if (!tokens) spared++;
    }
    t.diagnostic(`threshold ${threshold}: ${hitNames} names hit, ${spared} of ${names.length + readings.length} spared`);
    assert.deepEqual(missed, [], `names with a hit at ${threshold} that the pre-filter dropped`);
    assert.ok(hitNames > 300, `only ${hitNames} names hit the index at ${threshold}: the sample does not exercise the filter`);
    // Most names meet some token of a thousand changed entries; the score bound spares most of them.
    assert.ok(spared > (threshold === DEFAULT_THRESHOLD ? 0.5 : 0.2) * (names.length + readings.length - hitNames), `the pre-filter spared only ${spared} names at ${threshold}`);
  }
});
