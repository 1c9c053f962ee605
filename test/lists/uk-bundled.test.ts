// The bundled UK OFSI Consolidated List (ConList of 2025-04-14, CSV layout): its counts as the
// shared data README states them, and a UK-only listed person found by Cyrillic and transliterated
// spellings through the real CLI (on neither the UN nor the US list).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundledSnapshots } from '../../src/lists/bundled.js';
import { parseListFile } from '../../src/lists/registry.js';
import { seededDb } from '../api/seeded-db.js';
import { ROOT } from './helpers.js';

const UK = join(ROOT, 'data/lists/uk-ofsi/ConList_2025-04-14.csv');

test('bundled UK ConList 2025-04-14: 18,798 name rows → 4,688 targets (3,663 individuals, 1,010 entities, 15 ships), 31 regimes', async () => {
  const b = bundledSnapshots().find((s) => s.source === 'uk-ofsi');
  assert.ok(b, 'uk-ofsi is in data/lists/bundled.json');
  assert.equal(b.listDate, '2025-04-14');
  // The file is the shared data's CSV conversion, byte for byte (PROVENANCE.md records this hash).
  assert.equal(createHash('sha256').update(readFileSync(UK)).digest('hex'), '9f97d1326e459808ec5794d6f2461e4abbd9a3cd87c35c2cdae6bbf21ca13f5f');
  const r = await parseListFile('uk-ofsi', UK);
  assert.equal(r.listDate, '2025-04-14');
  assert.equal(r.listDateFrom, 'file content');
  assert.deepEqual(r.stats, { rows: 18_798, groups: 4_688 });
  const byType: Record<string, number> = {};
  for (const e of r.entries) byType[e.type] = (byType[e.type] ?? 0) + 1;
  assert.deepEqual(byType, { person: 3_663, organization: 1_010, vessel: 15 });
  assert.equal(new Set(r.entries.flatMap((e) => e.programs)).size, 31);
  assert.equal(r.entries.filter((e) => e.programs.includes('Russia')).length, 2_181);
  // Non-Latin names (3,990 rows carry one; many repeat within a target) are kept as original-script names.
  const cyrillic = r.entries.filter((e) => e.names.some((n) => n.kind === 'original-script' && /[\u0400-\u04FF]/.test(n.name)));
  assert.ok(cyrillic.length > 1_000, `${cyrillic.length} targets with a Cyrillic name`);
  const abramovich = r.entries.find((e) => e.id === 'uk-ofsi:14212')!;
  assert.equal(abramovich.names[0]!.name, 'Roman Arkadyevich ABRAMOVICH');
  assert.ok(abramovich.names.some((n) => n.name === 'Roman ABRAMOVICH'));
  assert.ok(abramovich.names.some((n) => n.name === 'Роман Аркадьевич АБРАМОВИЧ' && n.kind === 'original-script'));
  assert.deepEqual(abramovich.birthDates, ['1966-10-24']);
  assert.ok(abramovich.identifiers.some((i) => i.type === 'Passport'), 'the 2022+ Passport Number column is read');
});

function screen(db: string, name: string): { lists: { id: string }[]; hits: { source: string; entityId: string; score: number }[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'screen', name, '--json'], {
    cwd: ROOT, env: { ...process.env, VIGIL_DB: db }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('vigil screen finds a UK-only listed person (Roman Abramovich: not on the UN or US lists) by Cyrillic and transliterated spellings', async (t) => {
  const db = await seededDb(t);
  for (const name of ['Роман Абрамович', 'Roman Abramovitch', 'Roman Abramowitsch']) {
    const doc = screen(db, name);
    assert.ok(doc.lists.some((l) => l.id === 'uk-ofsi'), 'the UK list is active by default');
    const top = doc.hits[0];
    assert.ok(top, `${name}: no hit`);
    assert.equal(top.entityId, 'uk-ofsi:14212', `${name}: top hit ${JSON.stringify(top)}`);
    assert.ok(!doc.hits.some((h) => h.source !== 'uk-ofsi' && h.score >= top.score), `${name}: a UN/US entry scored as high`);
  }
});

test('a plain `lists update` includes the UK source: its address serves the FCDO UK Sanctions List, which the UK reader reads', async (t) => {
  const { defaultUpdateSources } = await import('../../src/lists/update.js');
  const { openTestStore } = await import('../support/stores.js');
  const { tmp } = await import('./helpers.js');
  const store = await openTestStore(t, { db: join(tmp(t), 'vigil.db') });
  assert.deepEqual(await defaultUpdateSources(store), ['us-csl', 'un', 'uk-ofsi']);
});
