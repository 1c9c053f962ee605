// UK as a fifth jurisdiction (issue 11), assessed only when a transaction names it, and UK list hits
// feeding its determination (issue 14). Through the real catalogue, the real screening index over the
// bundled lists (SQLite in a temp dir) and the rules; `vigil assess` and `vigil measures` as processes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vigil } from '../../src/app/vigil.js';
import type { Transaction } from '../../src/model/index.js';
import { timelineFor } from '../../src/policy/timeline.js';
import { det, evaluate, fired, hit, rules, transaction } from './support.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/vigil');
const dir = mkdtempSync(join(tmpdir(), 'vigil-uk-'));
const db = join(dir, 'vigil.db');
let vigil: Vigil;
before(async () => { vigil = await Vigil.open({ db }); });
after(async () => { await vigil.close(); rmSync(dir, { recursive: true, force: true }); });

/** FPGAs (3A001.a.7) from a UK exporter to a Russian factory in 2023, for civil use. */
const fpgaToRussia = (over: Partial<Transaction> = {}): Transaction => ({
  date: '2023-06-01',
  exporter: { name: 'Example Electronics Ltd', country: 'GB' },
  destination: 'RU',
  parties: [{ role: 'end-user', name: 'Example Machine Works', country: 'RU', type: 'organization', sector: 'private' }],
  items: [{ description: 'field-programmable gate arrays', code: '3A001.a.7', quantity: 50 }],
  endUse: { statement: 'factory automation', categories: ['civil'] },
  jurisdictions: ['UN', 'EU', 'IT', 'US', 'UK'],
  ...over,
});

test('assess with UK named: Russia, 3A001 FPGA, 2023 → UK prohibited citing SI 2019/855; the UK nexus holds for a UK exporter', async () => {
  const a = await vigil.assess(fpgaToRussia());
  const uk = det(a, 'UK');
  assert.equal(uk.outcome, 'prohibited');
  assert.equal(uk.applies, true, uk.nexus);
  assert.match(uk.nexus, /leaves the United Kingdom/);
  const r = uk.reasons.find((x) => x.ruleId === 'UK-RU-dual-use');
  assert.ok(r, JSON.stringify(uk.reasons.map((x) => x.ruleId)));
  assert.match(r.citation, /SI 2019\/855/);
  assert.match(r.summary, /3A001/);
  assert.ok(uk.notModelled.some((n) => /before 1 January 2021/.test(n)), 'the pre-2021 EU period is said');
  assert.ok(uk.notModelled.some((n) => /modelled in part/.test(n)), 'the partial regime says what it leaves out');
  // The day before the 2022 ban the FPGA for civil use is not caught by the UK (military end use only then).
  const before2022 = await vigil.assess(fpgaToRussia({ date: '2022-02-28' }));
  assert.equal(det(before2022, 'UK').outcome, 'no-licence-required');
});

test('an Italian exporter: the UK outcome is shown, but the UK does not reach the export', async () => {
  const a = await vigil.assess(fpgaToRussia({ exporter: { name: 'Officine Esempio S.p.A.', country: 'IT' } }));
  const uk = det(a, 'UK');
  assert.equal(uk.applies, false);
  assert.match(uk.nexus, /not in the United Kingdom/);
  assert.equal(uk.outcome, 'prohibited', 'what UK law would require if it reached the deal');
});

test('UK is assessed only on request: without UK in jurisdictions (or with none) the determinations are those of UN, EU, IT, US', async () => {
  const rs = await rules();
  assert.ok(rs.jurisdictions.get('UK')?.onRequest);
  const named = await vigil.assess(fpgaToRussia({ jurisdictions: ['UN', 'EU', 'IT', 'US'] }));
  assert.deepEqual(named.determinations.map((d) => d.jurisdiction), ['UN', 'EU', 'IT', 'US']);
  const none = await evaluate(transaction({ jurisdictions: [] }));
  assert.deepEqual(none.determinations.map((d) => d.jurisdiction).sort(), ['EU', 'IT', 'UN', 'US']);
});

test('a party on the UK list only (Roman Abramovich, Russia regime): UK prohibited under SI 2019/855 regs 11-15; without UK a red flag', async () => {
  const chairs = fpgaToRussia({
    parties: [{ role: 'end-user', name: 'Roman Abramovich', country: 'RU', type: 'person' }],
    items: [{ description: 'office chairs', quantity: 4 }],
    endUse: { statement: 'office furnishing', categories: ['civil'] },
  });
  const a = await vigil.assess(chairs);
  const ukHits = a.screening[0]!.hits.filter((h) => h.source === 'uk-ofsi');
  assert.ok(ukHits.length > 0, 'the bundled UK list finds him');
  const uk = det(a, 'UK');
  assert.equal(uk.outcome, 'prohibited');
  const r = uk.reasons.find((x) => x.ruleId === 'UK-RU-asset-freeze');
  assert.ok(r, JSON.stringify(uk.reasons.map((x) => x.ruleId)));
  assert.match(r.citation, /SI 2019\/855\) regs 11-15/);
  assert.match(r.subject ?? '', /uk-ofsi/);
  assert.ok(!a.redFlags.some((f) => f.code === 'uk-listed-party'), 'with UK requested the hit is determined, not flagged');
  const without = await vigil.assess({ ...chairs, jurisdictions: ['UN', 'EU', 'IT', 'US'] });
  assert.ok(without.redFlags.some((f) => f.code === 'uk-listed-party'), 'without UK it stays a red flag');
});

test('UK list hits by regime: Iran (Nuclear) and Iran are told apart; other regimes fall to the general rule; before 2021 the EU-period rule', async () => {
  const tx = transaction({ date: '2024-01-10', destination: 'IR', jurisdictions: ['UK'] });
  const on = (programs: string[], asOf = '2024-01-10') =>
    evaluate({ ...tx, date: asOf }, { asOf, hits: [[hit({ list: 'UK Consolidated List', source: 'uk-ofsi', entityId: 'uk-ofsi:1', programs })]] });
  assert.deepEqual(fired(await on(['Iran (Nuclear)']), 'UK'), ['UK-IR-nuclear-asset-freeze']);
  assert.deepEqual(fired(await on(['Iran']), 'UK'), ['UK-IR-asset-freeze']);
  assert.deepEqual(fired(await on(["ISIL (Da'esh) and Al-Qaida"]), 'UK'), ['UK-listed-asset-freeze']);
  assert.deepEqual(fired(await on(['Russia'], '2020-12-31'), 'UK'), ['UK-listed-before-2021']);
  assert.deepEqual(fired(await on(['Russia'], '2021-01-01'), 'UK'), ['UK-RU-asset-freeze']);
  // A hit on another list does not feed the UK determination.
  const us = await evaluate(tx, { hits: [[hit({ list: 'SDN', programs: ['IRAN'] })]] });
  assert.deepEqual(fired(us, 'UK'), []);
});

test('vigil assess with UK in the transaction file, and vigil measures RU --jurisdiction UK', () => {
  const file = join(dir, 'fpga.json');
  writeFileSync(file, JSON.stringify(fpgaToRussia()));
  const env = { ...process.env, VIGIL_DB: db };
  const a = spawnSync(process.execPath, [BIN, 'assess', file, '--json'], { encoding: 'utf8', env, timeout: 180_000 });
  assert.equal(a.status, 0, a.stderr);
  const uk = JSON.parse(a.stdout).determinations.find((d: { jurisdiction: string }) => d.jurisdiction === 'UK');
  assert.equal(uk?.outcome, 'prohibited');

  const m = spawnSync(process.execPath, [BIN, 'measures', 'RU', '--jurisdiction', 'UK', '--as-of', '2023-06-01', '--json'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(m.status, 0, m.stderr);
  const ms = JSON.parse(m.stdout).measures as { id: string; jurisdiction: string; status: string; citation: string }[];
  // On a date: the measures in force (the military-end-use dual-use ban ended on 1 Mar 2022).
  assert.deepEqual(ms.map((x) => x.id).sort(), ['UK-RU-dual-use', 'UK-RU-military']);
  assert.ok(ms.every((x) => x.jurisdiction === 'UK' && x.status === 'in-force' && /SI 2019\/855/.test(x.citation)));
  const all = spawnSync(process.execPath, [BIN, 'measures', 'RU', '--jurisdiction', 'UK', '--json'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(all.status, 0, all.stderr);
  const every = JSON.parse(all.stdout).measures as { id: string; periods: { from: string; to: string | null }[] }[];
  assert.deepEqual(every.map((x) => x.id).sort(), ['UK-RU-dual-use', 'UK-RU-dual-use-military', 'UK-RU-military']);
  assert.deepEqual(every.find((x) => x.id === 'UK-RU-dual-use-military')!.periods.map((p) => [p.from, p.to]), [['2021-01-01', '2022-03-01']]);
  const text = spawnSync(process.execPath, [BIN, 'measures', 'RU', '--jurisdiction', 'UK'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /UK-RU-military/);
});

test('timeline: a UK lane where the UK has a regime for the destination (RU), none where it has not (LY)', async () => {
  const rs = await rules();
  const ru = timelineFor(rs, 'RU', { today: '2026-12-02' });
  assert.deepEqual(ru.lanes.map((l) => l.jurisdiction), ['UN', 'EU', 'IT', 'US', 'UK']);
  const uk = ru.lanes.find((l) => l.jurisdiction === 'UK')!;
  assert.deepEqual(uk.bands.map((b) => b.measure).sort(), ['UK-RU-dual-use', 'UK-RU-dual-use-military', 'UK-RU-military']);
  assert.ok(!timelineFor(rs, 'LY', { today: '2026-12-02' }).lanes.some((l) => l.jurisdiction === 'UK'));
});
