// End to end: the reference scenarios through the real catalogue, the real screening index over the
// bundled lists (SQLite in a temp dir) and the rules; then `vigil assess` as a process, for the JSON
// contract, the table and bad input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vigil } from '../../src/app/vigil.js';
import type { Assessment } from '../../src/model/index.js';
import { loadScenarios, type Scenario } from './support.js';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'vigil-assess-'));
const db = join(dir, 'vigil.db');

const scenarios = loadScenarios();

const results = new Map<string, Assessment>();

before(async () => {
  const v = await Vigil.open({ db });
  try {
    for (const s of scenarios) results.set(s.id, await v.assess(s.transaction, s.asOf));
  } finally {
    await v.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, VIGIL_DB: db }, timeout: 180_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function check(s: Scenario, a: Assessment): string[] {
  const errs: string[] = [];
  const dets = new Map(a.determinations.map((d) => [d.jurisdiction, d]));
  for (const [j, ok] of Object.entries(s.expect)) if (!ok.includes(dets.get(j)?.outcome ?? '')) errs.push(`${j}=${dets.get(j)?.outcome}`);
  for (const [j, want] of Object.entries(s.applies ?? {})) if (dets.get(j)?.applies !== want) errs.push(`${j}.applies=${dets.get(j)?.applies}`);
  const text = JSON.stringify(a.determinations);
  for (const c of s.mustCite ?? []) if (!text.includes(c)) errs.push(`no cite ${c}`);
  const got = a.redFlags.map((f) => f.code);
  for (const f of s.redFlags ?? []) if (!got.includes(f)) errs.push(`no flag ${f}`);
  if (s.divergent !== undefined && a.divergent !== s.divergent) errs.push(`divergent=${a.divergent}`);
  return errs;
}

for (const s of scenarios) {
  test(`scenario ${s.id} end to end (catalogue, bundled lists, rules)`, () => {
    const a = results.get(s.id);
    assert.ok(a, 'assessed');
    assert.deepEqual(check(s, a), [], `${s.id}: ${JSON.stringify(a.screening.map((p) => p.hits.map((h) => `${h.list}:${h.name}:${h.score}`)))}`);
    assert.ok(a.dataVersions.lists.length > 0, 'list versions recorded');
  });
}

test('S2 end to end: thiodiglycol resolves by CAS to 1C350 (Schedule 2) and the CWC ban cites Part VII', () => {
  const a = results.get('S2-thiodiglycol-2003')!;
  assert.equal(a.items[0]!.classified, true);
  assert.equal(a.items[0]!.cwcSchedule ?? a.items[0]!.entries[0]!.cwcSchedule, '2');
  const eu = a.determinations.find((d) => d.jurisdiction === 'EU')!;
  assert.ok(eu.reasons.some((r) => r.ruleId === 'EU-CWC-schedule-2-non-party' && /1C350/.test(r.citation)));
});

test('vigil assess --json prints exactly one JSON document with the contract fields', () => {
  const s = scenarios.find((x) => x.id === 'S1-thermal-cameras-2003')!;
  const file = join(dir, 's1.json');
  writeFileSync(file, JSON.stringify(s.transaction));
  const r = cli(['assess', file, '--as-of', s.asOf, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout) as Assessment;
  assert.equal(a.asOf, '2003-10-14');
  assert.deepEqual(a.determinations.map((d) => d.jurisdiction), ['UN', 'EU', 'IT', 'US']);
  for (const d of a.determinations) {
    for (const k of ['jurisdiction', 'applies', 'nexus', 'outcome', 'reasons']) assert.ok(k in d, k);
    for (const reason of d.reasons) for (const k of ['ruleId', 'effect', 'citation', 'summary', 'from', 'to']) assert.ok(k in reason, k);
  }
  for (const k of ['divergent', 'items', 'screening', 'redFlags', 'dataVersions']) assert.ok(k in a, k);
  assert.equal(a.divergent, true);
  assert.equal(a.dataVersions.rules.sha256.length, 64);
});

test('vigil assess without --json prints the side-by-side table; --as-of defaults to the transaction date', () => {
  const s = scenarios.find((x) => x.id === 'S3-thiodiglycol-2004')!;
  const file = join(dir, 's3.json');
  writeFileSync(file, JSON.stringify(s.transaction));
  const r = cli(['assess', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Assessment as of 2004-03-15/);
  assert.match(r.stdout, /outcome\s+\S+\s+licence-required\s+licence-required\s+prohibited/);
  assert.match(r.stdout, /DIVERGE/);
  assert.doesNotMatch(r.stdout, /\b(cleared|approved)\b/i);
});

test('bad input: an error naming the field, exit code 2; under --json one error document on stdout', () => {
  const s = scenarios[0]!;
  const cases: [unknown, string[], RegExp][] = [
    [{ ...s.transaction, destination: 'XX' }, [], /destination: unknown country code/],
    [{ ...s.transaction, items: [{ ...s.transaction.items[0], quantity: -5 }] }, [], /items\[0\]\.quantity: must be greater than 0/],
    [s.transaction, ['--as-of', '2003-02-30'], /--as-of: not a real date/],
    [{ ...s.transaction, jurisdictions: ['UN', 'XY'] }, [], /jurisdictions\[1\]: unknown jurisdiction "XY"/],
  ];
  for (const [doc, extra, pattern] of cases) {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = cli(['assess', file, '--json', ...extra]);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, '');
    const e = (JSON.parse(r.stdout) as { error: { code: string; message: string; path: string } }).error;
    assert.equal(e.code, 'bad-input');
    assert.match(`${e.path}: ${e.message}`, pattern);
  }
  const r = cli(['assess', join(dir, 'missing.json')]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /missing\.json: cannot read the transaction file: ENOENT/);
});
