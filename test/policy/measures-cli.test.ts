// `vigil measures` as a process: the measures of a destination on a date (suspended shown as
// suspended, not in force), all of them with their dates, the coverage table, and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../bin/vigil');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'measures', ...args], { encoding: 'utf8' });

test('vigil measures LY --as-of 2000-06-01: the UN measures are suspended, the US embargo in force', () => {
  const r = run('LY', '--as-of', '2000-06-01', '--json');
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assert.equal(a.destination, 'LY');
  const un = a.measures.filter((m: { jurisdiction: string }) => m.jurisdiction === 'UN');
  assert.deepEqual(un.map((m: { id: string }) => m.id).sort(), ['UN-748-arms-military-list', 'UN-883-oil-equipment']);
  for (const m of un) assert.equal(m.status, 'suspended', `${m.id} is suspended on 2000-06-01`);
  const us = a.measures.find((m: { id: string }) => m.id === 'US-EO12543-embargo');
  assert.equal(us?.status, 'in-force');
  assert.doesNotMatch(r.stdout, /\{code\}/, 'no unfilled placeholders');
});

test('vigil measures KP --as-of 2026-11-27 lists the UN measures of UNSCR 1718; without --as-of every measure with its dates', () => {
  const r = run('KP', '--as-of', '2026-11-27', '--json');
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  const un = a.measures.filter((m: { jurisdiction: string }) => m.jurisdiction === 'UN');
  assert.ok(un.length > 0 && un.some((m: { citation: string }) => /1718/.test(m.citation)), 'a UN measure citing UNSCR 1718');
  const all = JSON.parse(run('LY', '--json').stdout);
  assert.ok(all.measures.some((m: { id: string; status?: string }) => m.id === 'UN-1970-arms-military-list' && m.status === undefined), 'all measures, no status');
});

test('vigil measures without a destination: coverage by ISO code; the text table names them too', () => {
  const r = run('--json');
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout).coverage as { destination: string; jurisdictions: Record<string, number> }[];
  const ly = rows.find((x) => x.destination === 'LY');
  assert.ok(ly && ly.jurisdictions.UN! > 0 && ly.jurisdictions.EU! > 0 && ly.jurisdictions.US! > 0, 'Libya has UN, EU and US measures');
  assert.match(run().stdout, /^LY\s+Libya/m);
});

test('vigil measures with an unknown destination, jurisdiction or date: exit 2 and a JSON error naming the field', () => {
  for (const [args, path] of [[['XX'], 'destination'], [['LY', '--jurisdiction', 'ZZ'], '--jurisdiction'], [['LY', '--as-of', '2003-02-30'], '--as-of']] as const) {
    const r = run(...args, '--json');
    assert.equal(r.status, 2, `${args.join(' ')}: exit 2`);
    const e = JSON.parse(r.stdout);
    assert.equal(e.error.path, path);
  }
});
