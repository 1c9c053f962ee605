// The `vigil classify` command as a user runs it (real process, tsx so the code is never stale).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const vigil = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'classify', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, VIGIL_DB: '/nonexistent/never-opened.db' } });

test('--json prints exactly one JSON document with the contract fields', () => {
  const r = vigil('6A003.b.4', '--json', '--as-of', '2003-10-14');
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.query, '6A003.b.4');
  assert.equal(doc.euRegulation, 'Regulation (EC) No 1334/2000');
  const [first] = doc.results;
  for (const k of ['code', 'title', 'regimes', 'reasons', 'jurisdictions', 'score', 'matchedOn']) assert.ok(k in first, k);
  assert.equal(first.paragraph, '6A003.b.4');
});

test('a table for people, and free text over several arguments', () => {
  const r = vigil('uncooled', 'thermal', 'camera');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Query: uncooled thermal camera$/m);
  assert.match(r.stdout, /EU dual-use regulation in force: Regulation \(EU\) 2021\/821/);
  assert.match(r.stdout, /^6A003\s+6A003\.b\.4\s+0\.\d\d\s+text/m);
});

test('bad input: one line on stderr, exit 2; under --json one error document on stdout instead', () => {
  // Two processes only (each costs a CLI start-up); the other bad inputs are tested in-process.
  const r = vigil('111-48-9');
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'vigil: query: invalid CAS number 111-48-9: the check digit is 9 but should be 8 — check for a typo\n');
  const j = vigil('111-48-9', '--json');
  assert.equal(j.status, 2, j.stderr);
  assert.equal(j.stderr, '');
  assert.deepEqual(JSON.parse(j.stdout), {
    error: { code: 'bad-input', message: 'invalid CAS number 111-48-9: the check digit is 9 but should be 8 — check for a typo', path: 'query' },
  });
});
