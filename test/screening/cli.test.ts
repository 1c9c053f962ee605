// The `vigil screen` and `vigil compare` contracts, through the real CLI on a real SQLite file
// holding the bundled lists (a copy of the shared seeded database).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededDb } from '../api/seeded-db.js';
import { ROOT, tempDir } from '../api/support.js';

function vigil(args: string[], db: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT, env: { ...process.env, VIGIL_DB: db }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Hit { list: string; source: string; entityId: string; name: string; matchedName: string; score: number; programs: string[]; countries: string[]; explanation: { tokens: { query: string; matched: string | null; how: string }[]; notes: string[] } }

test('vigil screen NAME --json: one document with query, threshold, lists and hits sorted by score', async (t) => {
  const db = await seededDb(t);
  const r = vigil(['screen', 'Moammar Gadhafi', '--json'], db);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { query: { name: string }; threshold: number; lists: { id: string; version: number; date: string }[]; hits: Hit[] };
  assert.deepEqual(Object.keys(doc), ['query', 'threshold', 'lists', 'hits', 'warnings']);
  assert.equal(doc.query.name, 'Moammar Gadhafi');
  assert.ok(doc.threshold > 0 && doc.threshold < 1);
  assert.deepEqual(doc.lists.map((l) => l.id).sort(), ['uk-ofsi', 'un', 'us-csl']);
  for (const l of doc.lists) assert.deepEqual(Object.keys(l), ['id', 'version', 'date']);
  assert.ok(doc.hits.length > 0);
  const top = doc.hits[0]!;
  assert.equal(top.name, 'QADHAFI, Muammar');
  assert.equal(top.source, 'us-csl');
  assert.equal(top.list, 'SDN');
  assert.deepEqual(top.programs, ['LIBYA2']);
  for (const k of ['list', 'source', 'entityId', 'name', 'matchedName', 'score', 'programs', 'countries', 'explanation']) assert.ok(k in top, k);
  assert.ok(top.explanation.tokens.some((x) => x.query === 'gadhafi' && x.matched !== null));
  const scores = doc.hits.map((h) => h.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  assert.ok(scores.every((s) => s >= doc.threshold && s <= 1));
});

test('vigil screen finds the same person from Arabic and Cyrillic script; humans get a table', async (t) => {
  const db = await seededDb(t);
  for (const name of ['معمر القذافي', 'Муаммар Каддафи', 'QADHAFI, Muammar']) {
    const r = vigil(['screen', name, '--json'], db);
    assert.equal(r.status, 0, r.stderr);
    const hits = (JSON.parse(r.stdout) as { hits: Hit[] }).hits;
    assert.ok(hits.some((h) => h.name === 'QADHAFI, Muammar'), `${name}: ${hits.map((h) => h.name).join('; ')}`);
  }
  const table = vigil(['screen', 'Moammar Gadhafi'], db);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /QADHAFI, Muammar/);
  assert.match(table.stdout, /^score\s+source/m);
  assert.doesNotMatch(table.stdout, /cleared|approved/i);
});

test('vigil screen options: generic words alone hit nothing; birth year, type and limit are applied', async (t) => {
  const db = await seededDb(t);
  const generic = JSON.parse(vigil(['screen', 'GLOBAL TRADING CO LTD', '--json'], db).stdout) as { hits: Hit[] };
  assert.deepEqual(generic.hits.map((h) => h.name), []);
  const r = vigil(['screen', 'Muammar Qadhafi', '--birth-year', '1942', '--country', 'ly', '--type', 'person', '--limit', '2', '--threshold', '0.8', '--json'], db);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { query: Record<string, unknown>; threshold: number; hits: Hit[] };
  assert.deepEqual(doc.query, { name: 'Muammar Qadhafi', type: 'person', country: 'LY', birthYear: 1942, threshold: 0.8, limit: 2 });
  assert.equal(doc.threshold, 0.8);
  assert.ok(doc.hits.length <= 2 && doc.hits.length > 0);
});

test('vigil screen refuses bad input with exit 2 and a message naming the field', async (t) => {
  const db = await seededDb(t);
  for (const [args, pattern] of [
    [['screen'], /NAME: a name is required/],
    [['screen', 'x', '--threshold', '2'], /--threshold/],
    [['screen', 'x', '--birth-year', '19x2'], /--birth-year/],
    [['screen', 'x', '--type', 'planet'], /--type/],
    [['screen', 'a\u0007b'], /control characters/],
  ] as const) {
    const r = vigil([...args], db);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stdout, '');
  }
});

test('vigil screen --input CSV: one JSON line per row in input order, bad rows as error lines, exit 2', async (t) => {
  const db = await seededDb(t);
  const dir = tempDir(t, 'vigil-screen-');
  const csv = join(dir, 'parties.csv');
  writeFileSync(csv, [
    'name,type,country,birth_year',
    'Moammar Gadhafi,person,LY,1942',
    ',person,,',
    `"${'x'.repeat(1_000_000)}",,,`,
    '"Bad\u0001Name",,,',
    'Kathryn Barr,person,US,1966',
    'معمر القذافي,,,',
  ].join('\n'));
  const r = vigil(['screen', '--input', csv, '--json'], db);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /3 of 6 rows could not be screened \(rows 2, 3, 4\)/);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: number; input: Record<string, unknown>; hits?: Hit[]; error?: string });
  assert.deepEqual(lines.map((l) => l.row), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(lines[0]!.input, { name: 'Moammar Gadhafi', type: 'person', country: 'LY', birthYear: 1942 });
  assert.equal(lines[0]!.hits![0]!.name, 'QADHAFI, Muammar');
  assert.match(lines[1]!.error!, /line 3 field name: a name is required/);
  assert.match(lines[2]!.error!, /limit is 1000/);
  assert.ok(String(lines[2]!.input.name).length < 300, 'the 1 MB name is not echoed back');
  assert.match(lines[3]!.error!, /control characters/);
  assert.deepEqual(lines[4]!.hits, []);
  assert.ok(lines[5]!.hits!.some((h) => h.name === 'QADHAFI, Muammar'));
});

test('vigil screen --input JSONL --output FILE; a CSV without a name column or not UTF-8 fails whole', async (t) => {
  const db = await seededDb(t);
  const dir = tempDir(t, 'vigil-screen-');
  const jsonl = join(dir, 'parties.jsonl');
  writeFileSync(jsonl, '{"name":"Vladimir Putin"}\n{"name":"Muammar Qadhafi","birth_year":"1942"}\nnot json\n');
  const out = join(dir, 'out.jsonl');
  const r = vigil(['screen', '--input', jsonl, '--output', out, '--json'], db);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { row: number; hits?: Hit[]; error?: string });
  assert.deepEqual(lines.map((l) => l.row), [1, 2, 3]);
  assert.ok(lines[0]!.hits!.some((h) => h.name.includes('PUTIN')));
  assert.match(lines[2]!.error!, /parties\.jsonl line 3: not valid JSON/);

  const noName = join(dir, 'no-name.csv');
  writeFileSync(noName, 'party,country\nAcme,US\n');
  const bad = vigil(['screen', '--input', noName], db);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /no-name\.csv line 1: missing column "name"/);
  assert.equal(bad.stdout, '');
  const badJson = vigil(['screen', '--input', noName, '--json'], db);
  assert.equal(badJson.status, 2);
  assert.equal(badJson.stderr, '');
  assert.deepEqual(JSON.parse(badJson.stdout).error.path, `${noName} line 1`);

  const latin1 = join(dir, 'latin1.csv');
  writeFileSync(latin1, Buffer.from([...Buffer.from('name\nJos'), 0xe9, 0x0a]));
  const enc = vigil(['screen', '--input', latin1], db);
  assert.equal(enc.status, 2);
  assert.match(enc.stderr, /latin1\.csv: not valid UTF-8/);
});

test('vigil compare A B --json and compare --input CSV (JSON Lines, in order)', async (t) => {
  const db = await seededDb(t);
  const r = vigil(['compare', 'معمر القذافي', 'QADHAFI, Muammar', '--json'], db);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { a: string; b: string; score: number; match: boolean; explanation: { tokens: unknown[] } };
  assert.deepEqual(Object.keys(doc), ['a', 'b', 'score', 'match', 'explanation']);
  assert.equal(doc.match, true);
  assert.ok(doc.explanation.tokens.length >= 2);

  const dir = tempDir(t, 'vigil-compare-');
  const csv = join(dir, 'pairs.csv');
  writeFileSync(csv, 'a,b,type\nGaddafi,Qadhafi,person\nJohn Smith,Muammar Qadhafi,\n,Qadhafi,\nACME TRADING LLC,GLOBAL TRADING LLC,organization\n');
  const b = vigil(['compare', '--input', csv], db);
  assert.equal(b.status, 2);
  const lines = b.stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: number; match?: boolean; error?: string });
  assert.deepEqual(lines.map((l) => l.row), [1, 2, 3, 4]);
  assert.deepEqual(lines.map((l) => l.match), [true, false, undefined, false]);
  assert.match(lines[2]!.error!, /pairs\.csv line 4/);
});
