// The project's own scenarios (test/fixtures/scenarios/own): at least one per UN regime, each on an
// edge of the regime's scope or dates, with the outcome the instrument itself gives. They run through
// the real catalogue, designations and rules (assessClassified); a scenario where the engine does not
// yet give the instrument's answer carries `knownDivergence` and runs as a todo, never with a bent
// expectation.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '../../src/model/index.js';
import { assessClassified, loadScenarios, type Scenario } from './support.js';

interface OwnScenario extends Scenario {
  title: string;
  /** The regime file's id (data/rules/UN/regimes/<XX>.json). */
  regime: string;
  /** Requirement ids (procedures) the determination must carry, per the instrument. */
  mustRequire?: string[];
  /** Why the expectation is what it is, citing the operative paragraph. */
  why: string;
  /** Where the engine's answer differs from the instrument's: the scenario runs as a todo. */
  knownDivergence?: string;
  sources: string[];
}

const ROOT = join(import.meta.dirname, '../..');
const REGIMES = join(ROOT, 'data/rules/UN/regimes');

const scenarios = loadScenarios('own') as OwnScenario[];
const results = new Map<string, Assessment>();

before(async () => {
  for (const s of scenarios) results.set(s.id, await assessClassified(s.transaction));
});

/** What differs between the assessment and the scenario's expectation (empty when it matches). */
function differences(s: OwnScenario, a: Assessment): string[] {
  const errs: string[] = [];
  const dets = new Map(a.determinations.map((d) => [d.jurisdiction, d]));
  for (const [j, ok] of Object.entries(s.expect)) if (!ok.includes(dets.get(j)?.outcome ?? '')) errs.push(`${j}=${dets.get(j)?.outcome} (expected ${ok.join(' or ')})`);
  for (const [j, want] of Object.entries(s.applies ?? {})) if (dets.get(j)?.applies !== want) errs.push(`${j}.applies=${dets.get(j)?.applies}`);
  const text = JSON.stringify(a.determinations);
  for (const c of s.mustCite ?? []) if (!text.includes(c)) errs.push(`no cite ${c}`);
  const required = new Set(a.determinations.flatMap((d) => d.requirements.map((r) => r.id)));
  for (const r of s.mustRequire ?? []) if (!required.has(r)) errs.push(`no requirement ${r}`);
  const flags = a.redFlags.map((f) => f.code);
  for (const f of s.redFlags ?? []) if (!flags.includes(f)) errs.push(`no flag ${f}`);
  if (s.divergent !== undefined && a.divergent !== s.divergent) errs.push(`divergent=${a.divergent}`);
  return errs;
}

const regimeIds = (): Map<string, string> =>
  new Map(readdirSync(REGIMES).filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), (JSON.parse(readFileSync(join(REGIMES, f), 'utf8')) as { id: string }).id]));

for (const s of scenarios) {
  const name = `own scenario ${s.id}: ${s.title}`;
  const run = () => {
    const a = results.get(s.id);
    assert.ok(a, 'assessed');
    assert.deepEqual(differences(s, a), [], `${s.id}: ${s.why}`);
  };
  if (s.knownDivergence) test(name, { todo: `known divergence from the instrument, expectation kept: ${s.knownDivergence}` }, run);
  else test(name, run);
}

// The UN jurisdiction's notModelled list once predated the UN regimes and called every arms embargo but
// Libya's unmodelled, on every UN determination; each regime file now carries its own notes.
test('a UN determination for a destination with a UN regime does not call the UN arms embargoes unmodelled', () => {
  const stale = scenarios.filter((s) => results.get(s.id)?.determinations.find((d) => d.jurisdiction === 'UN')?.notModelled
    .some((n) => /arms embargoes other than on Libya|UNSCR 748 \(1992\) air embargo/.test(n)));
  assert.ok(scenarios.length > 20, 'own scenarios loaded');
  assert.deepEqual(stale.map((s) => s.id), []);
});

test('every UN regime file has at least one own scenario (file named UN-<XX>-…, regime id matching the file)', () => {
  const ids = regimeIds();
  const missing = [...ids.keys()].filter((xx) => !scenarios.some((s) => s.id.startsWith(`UN-${xx}-`)));
  assert.deepEqual(missing, [], `UN regimes without an own scenario: ${missing.join(', ')}`);
  for (const s of scenarios) {
    const xx = /^UN-([A-Z]{2})-/.exec(s.id)?.[1];
    assert.ok(xx && ids.has(xx), `${s.id}: names no UN regime file`);
    assert.equal(s.regime, ids.get(xx), `${s.id}: regime ${s.regime} is not the id of ${xx}.json`);
  }
});

test('own scenarios are well formed: file name is the id, UN expected, a UNSCR cited or a reason why not, sources', () => {
  const dir = join(ROOT, 'test/fixtures/scenarios/own');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.deepEqual(files, scenarios.map((s) => `${s.id}.json`));
  for (const s of scenarios) {
    assert.equal(s.asOf, s.transaction.date, `${s.id}: asOf is the transaction date`);
    assert.ok(s.expect.UN?.length, `${s.id}: an expectation for the UN`);
    assert.match(s.why, /UNSCR \d+ \(\d{4}\)/, `${s.id}: why names the resolution`);
    assert.match(s.why, /para/, `${s.id}: why names the operative paragraph`);
    // A measure that fires (or is suspended, or exempted) must be cited; only a case wholly outside every measure cites nothing.
    if (!s.mustCite?.length) assert.ok(s.expect.UN.includes('no-licence-required'), `${s.id}: a prohibition or licence must cite its resolution`);
    for (const src of s.sources) if (!/^https?:\/\//.test(src)) assert.ok(existsSync(join(ROOT, src)), `${s.id}: source ${src} exists`);
  }
});
