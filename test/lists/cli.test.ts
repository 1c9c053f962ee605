// The `vigil lists` commands as a user runs them: exit codes, one JSON document with --json, errors
// naming file and line on stderr.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_MAX_AGE_DAYS } from '../../src/lists/settings.js';
import { DPL_2022, tmp, vigil } from './helpers.js';

test('lists import / status through the CLI', async (t) => {
  const dir = tmp(t);
  const db = join(dir, 'vigil.db');

  const unknown = vigil(['--db', db, 'lists', 'import', 'nope', DPL_2022]);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stdout, '');
  assert.match(unknown.stderr, /^vigil: FORMAT: unknown list format "nope"/);
  // Under --json: the same exit code, the error as one JSON document on stdout.
  const unknownJson = vigil(['--db', db, 'lists', 'import', 'nope', DPL_2022, '--json']);
  assert.equal(unknownJson.status, 2);
  assert.equal(unknownJson.stderr, '');
  assert.deepEqual(JSON.parse(unknownJson.stdout).error.path, 'FORMAT');

  const ok = vigil(['--db', db, 'lists', 'import', 'bis-dpl', DPL_2022, '--json']);
  assert.equal(ok.status, 0, ok.stderr);
  const imported = JSON.parse(ok.stdout) as { status: string; entries: number; listDate: string; snapshot: { id: number } };
  assert.equal(imported.status, 'imported');
  assert.equal(imported.entries, 581);
  assert.equal(imported.listDate, '2022-09-07');

  const lines = readFileSync(DPL_2022, 'utf8').split('\n');
  const bad = join(dir, 'dpl_bad.txt');
  writeFileSync(bad, [...lines.slice(0, 6), lines[6]!.split('\t').slice(0, 5).join('\t'), ...lines.slice(7)].join('\n'));
  const badRun = vigil(['--db', db, 'lists', 'import', 'bis-dpl', bad]);
  assert.equal(badRun.status, 2);
  assert.equal(badRun.stdout, '');
  assert.match(badRun.stderr, new RegExp(`vigil: ${bad}:7: malformed CSV`));

  const half = join(dir, 'dpl_2022-12-01.txt');
  writeFileSync(half, lines.slice(0, 100).join('\n'));
  const refused = vigil(['--db', db, 'lists', 'import', 'bis-dpl', half]);
  assert.equal(refused.status, 3);
  assert.match(refused.stderr, /refused \(suspicious-import\): suspicious import: bis-dpl would fall from 581 entries/);

  const status = vigil(['--db', db, 'lists', 'status', '--json']);
  assert.equal(status.status, 0, status.stderr);
  const s = JSON.parse(status.stdout) as { maxAgeDays: number; lists: { snapshot: number; source: string; entries: number; stale: boolean; ageDays: number; lists: Record<string, number>; sha256: string }[] };
  assert.equal(s.maxAgeDays, DEFAULT_MAX_AGE_DAYS);
  assert.equal(s.lists.length, 1);
  assert.equal(s.lists[0]!.snapshot, imported.snapshot.id, 'the refused and the bad file changed nothing');
  assert.equal(s.lists[0]!.entries, 581);
  assert.deepEqual(s.lists[0]!.lists, { 'Denied Persons List': 581 });
  assert.equal(s.lists[0]!.stale, true);
  assert.ok(s.lists[0]!.ageDays > 1000);

  const fresh = vigil(['--db', db, 'lists', 'status', '--json', '--max-age-days', '100000']);
  assert.equal((JSON.parse(fresh.stdout) as typeof s).lists[0]!.stale, false);

  const human = vigil(['--db', db, 'lists', 'status']);
  assert.equal(human.status, 0);
  assert.match(human.stdout, /^source +snapshot +list date +age \(days\)/);
  assert.match(human.stdout, /bis-dpl +\d+ +2022-09-07 +\d+ STALE +581/);
});
