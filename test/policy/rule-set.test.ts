// Loading data/rules: validation errors name the file and the rule id; the rule-set hash identifies
// the content; a stored rule set rebuilds exactly and refuses tampering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDir } from '../../src/app/paths.js';
import { VigilInputError } from '../../src/model/errors.js';
import { loadRuleSet, readRuleBundle, ruleSetFromJson, RuleSet } from '../../src/policy/index.js';

/** A private copy of everything a rule set is read from, to break on purpose. */
function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-rules-'));
  cpSync(join(dataDir(), 'rules'), join(dir, 'rules'), { recursive: true });
  mkdirSync(join(dir, 'controls/us-ear'), { recursive: true });
  for (const f of ['controls/us-ear/country-chart.json', 'controls/us-ear/country-groups.json', 'countries.json']) cpSync(join(dataDir(), f), join(dir, f));
  return dir;
}

function edit(dir: string, file: string, fn: (doc: any) => void): void {
  const p = join(dir, 'rules', file);
  const doc = JSON.parse(readFileSync(p, 'utf8'));
  fn(doc);
  writeFileSync(p, JSON.stringify(doc, null, 2));
}

async function loadError(dir: string): Promise<VigilInputError> {
  try {
    await loadRuleSet({ dataDir: dir });
  } catch (e) {
    assert.ok(e instanceof VigilInputError, `expected VigilInputError, got ${e}`);
    return e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.fail('the rule set loaded');
}

test('the shipped rule set loads: four jurisdictions, every rule cited, hash over the canonical files', async () => {
  const rs = await loadRuleSet();
  assert.deepEqual(rs.jurisdictionIds().sort(), ['EU', 'IT', 'UK', 'UN', 'US']);
  assert.deepEqual(rs.defaultJurisdictionIds().sort(), ['EU', 'IT', 'UN', 'US'], 'UK is assessed only when named');
  assert.ok(rs.allRules().length >= 50);
  for (const r of rs.allRules()) {
    assert.ok(r.citation.length > 5 && r.summary.length > 10, r.id);
    assert.ok(r.id.startsWith(`${r.jurisdiction}-`), r.id);
  }
  assert.match(rs.sha256, /^[0-9a-f]{64}$/);
  // IT applies the EU rules first, then its own.
  const it = rs.applicableRules('IT').map((r) => r.jurisdiction);
  assert.ok(it.includes('EU') && it.includes('IT') && it.indexOf('EU') < it.indexOf('IT'));
});

test('serialize / fromJSON rebuild the same rule set; JSON.stringify gives the same text; a tampered copy is refused', async () => {
  const rs = await loadRuleSet();
  const json = rs.serialize();
  assert.equal(JSON.stringify(rs), json);
  const back = ruleSetFromJson(json, rs.sha256);
  assert.equal(back.sha256, rs.sha256);
  assert.equal(back.version, rs.version);
  assert.deepEqual(back.allRules().map((r) => r.id), rs.allRules().map((r) => r.id));
  const tampered = json.replace('"2004-09-21"', '"2005-09-21"');
  assert.notEqual(tampered, json);
  assert.throws(() => ruleSetFromJson(tampered, rs.sha256), (e: Error) => e instanceof VigilInputError && /hashes to/.test(e.message));
  assert.throws(() => ruleSetFromJson('{"nope"', rs.sha256), VigilInputError);
});

test('the hash changes with any content change, not with key order or formatting', async () => {
  const bundle = readRuleBundle();
  const a = RuleSet.fromBundle(bundle);
  const reordered = { format: bundle.format, files: Object.fromEntries(Object.entries(bundle.files).reverse()) } as typeof bundle;
  assert.equal(RuleSet.fromBundle(reordered).sha256, a.sha256);
  const dir = copyData();
  try {
    edit(dir, 'US/regimes/LY.json', (d) => { d.measures[0].summary += ' (edited)'; });
    assert.notEqual((await loadRuleSet({ dataDir: dir })).sha256, a.sha256);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rule with a misspelt condition key is an error naming the file and the rule id', async () => {
  const dir = copyData();
  edit(dir, 'US/party-lists.json', (d) => { d.rules[0].when = { destinaton: ['LY'] }; });
  const e = await loadError(dir);
  assert.match(e.message, /data\/rules\/US\/party-lists\.json rule US-OFAC-SDN-blocked/);
  assert.match(e.message, /destinaton|exactly one/);
});

test('an impossible date, a reversed period and an unknown effect are errors naming the rule', async () => {
  for (const [mutate, pattern] of [
    [(m: any) => { m.periods[0].from = '2003-02-30'; }, /real date/],
    [(m: any) => { m.periods[0].from = '2005-01-01'; m.periods[0].to = '2004-01-01'; }, /before `to`/],
    [(m: any) => { m.effect = 'cleared'; }, /effect/],
    [(m: any) => { m.suspensions[0].from = '1990-01-01'; }, /outside every period/],
  ] as const) {
    const dir = copyData();
    edit(dir, 'UN/regimes/LY.json', (d) => mutate(d.measures[0]));
    const e = await loadError(dir);
    assert.match(e.message, /UN\/regimes\/LY\.json measure UN-748-arms-military-list/);
    assert.match(e.message, pattern);
  }
});

test('an unknown country code or group in a condition is an error', async () => {
  const dir = copyData();
  edit(dir, 'EU/regimes/LY.json', (d) => { d.measures[0].when = { destination: ['XX'] }; });
  const e = await loadError(dir);
  assert.match(e.message, /EU-LY-1986-arms-embargo-military-list: unknown country code or group "XX"/);
  const target = copyData();
  edit(target, 'EU/regimes/LY.json', (d) => { d.target.destinations = ['XX']; });
  assert.match((await loadError(target)).message, /EU\/regimes\/LY\.json: unknown country code "XX" in target/);
  const dir2 = copyData();
  edit(dir2, 'EU/dual-use.json', (d) => { d.rules[0].when.all[0].not.destination = ['EU:members']; });
  assert.match((await loadError(dir2)).message, /"EU:members"/);
});

test('duplicate rule ids, rules in the wrong folder and non-JSON files are errors', async () => {
  const dup = copyData();
  edit(dup, 'US/cwc.json', (d) => { d.rules[1].id = d.rules[0].id; });
  assert.match((await loadError(dup)).message, /duplicate rule id/);

  const wrong = copyData();
  edit(wrong, 'IT/national-measures.json', (d) => { d.jurisdiction = 'EU'; });
  assert.match((await loadError(wrong)).message, /must live in data\/rules\/EU/);

  const broken = copyData();
  writeFileSync(join(broken, 'rules/US/broken.json'), '{ "kind": "rules", ');
  assert.match((await loadError(broken)).message, /data\/rules\/US\/broken\.json: not valid JSON/);
});

test('regime files: a partial regime says what it leaves out, an annex must exist, regimes live in regimes/', async () => {
  const partial = copyData();
  edit(partial, 'UN/regimes/LY.json', (d) => { d.notModelled = []; });
  assert.match((await loadError(partial)).message, /partial regime says what it does not model/);
  const annex = copyData();
  edit(annex, 'UN/regimes/LY.json', (d) => { d.measures[1].items = { annex: 'UN-LY-nope' }; });
  assert.match((await loadError(annex)).message, /unknown annex "UN-LY-nope"/);
  const misplaced = copyData();
  writeFileSync(join(misplaced, 'rules/UN/LY.json'), readFileSync(join(misplaced, 'rules/UN/regimes/LY.json')));
  assert.match((await loadError(misplaced)).message, /must live in data\/rules\/UN\/regimes/);
  const scope = copyData();
  edit(scope, 'UN/regimes/LY.json', (d) => { d.measures[0].items = {}; });
  assert.match((await loadError(scope)).message, /item scope names at least one/);
});

test('a red-flag rule must name its flag', async () => {
  const dir = copyData();
  edit(dir, 'US/party-lists.json', (d) => { delete d.rules.find((r: any) => r.effect === 'red-flag').redFlag; });
  const e = await loadError(dir);
  assert.match(e.message, /US-BIS-unverified-list/);
  assert.match(e.message, /redFlag/);
});
