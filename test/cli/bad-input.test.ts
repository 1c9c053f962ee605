// Issue 15: bad input never passes silently. One test per row of the table, through the
// real CLI (and the HTTP API where the row names it): a clear refusal naming the path or field, a
// non-zero exit, nothing touched — and under --json one error document on stdout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededDb } from '../api/seeded-db.js';
import { cli, startApi, tempDir } from '../api/support.js';

interface ErrorDoc { error: { code: string; message: string; path: string | null } }

/** Exactly one JSON error document on stdout, nothing else. */
function errorDoc(stdout: string): ErrorDoc {
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stdout, got: ${stdout}`);
  const doc = JSON.parse(lines[0]!) as ErrorDoc;
  assert.deepEqual(Object.keys(doc), ['error']);
  assert.deepEqual(Object.keys(doc.error), ['code', 'message', 'path']);
  assert.equal(typeof doc.error.message, 'string');
  return doc;
}

const TX = {
  date: '2003-10-14',
  exporter: { name: 'Example S.p.A.', country: 'IT' },
  destination: 'LY',
  parties: [{ role: 'end-user', name: "General People's Committee for Public Security", country: 'LY', type: 'organization' }],
  items: [{ description: 'uncooled thermal imaging camera', code: '6A003.b.4', quantity: 12 }],
  endUse: { statement: 'border surveillance', categories: ['border-security'] },
  jurisdictions: ['UN', 'EU', 'IT', 'US'],
};

test('screen --output to a missing directory, a directory or the input itself: refused naming the path, nothing touched', async (t) => {
  const db = await seededDb(t);
  const dir = tempDir(t, 'vigil-output-');
  const input = join(dir, 'good.csv');
  const original = 'name\nMoammar Gadhafi\n';
  writeFileSync(input, original);
  const sub = join(dir, 'some-directory');
  mkdirSync(sub);
  const link = join(dir, 'link.csv');
  symlinkSync(input, link);
  const hard = join(dir, 'hard.csv');
  linkSync(input, hard);
  const before = readdirSync(dir).sort();
  const mtime = statSync(input).mtimeMs;
  for (const [output, pattern] of [
    [join(dir, 'nonexistent', 'dir', 'out.jsonl'), /does not exist/],
    [sub, /is a directory/],
    [`${sub}/`, /is a directory/],
    [input, /is the input file/],
    [link, /is the input file/],
    [hard, /is the input file/],
  ] as const) {
    const r = cli(['screen', '--input', input, '--output', output], { VIGIL_DB: db });
    assert.equal(r.status, 2, `${output}: ${r.stderr}`);
    assert.match(r.stderr, pattern, output);
    assert.ok(r.stderr.includes(output), `the message names ${output}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    const j = cli(['screen', '--input', input, '--output', output, '--json'], { VIGIL_DB: db });
    assert.equal(j.status, 2);
    const doc = errorDoc(j.stdout);
    assert.equal(doc.error.code, 'bad-input');
    assert.ok(doc.error.path!.includes(output), doc.error.path!);
    assert.match(doc.error.message, pattern);
  }
  assert.equal(readFileSync(input, 'utf8'), original, 'the input file is untouched');
  assert.equal(statSync(input).mtimeMs, mtime);
  assert.deepEqual(readdirSync(dir).sort(), before, 'no file created or left behind');
  assert.deepEqual(readdirSync(sub), []);
  // A good output path still works, and is written whole.
  const out = join(dir, 'out.jsonl');
  const ok = cli(['screen', '--input', input, '--output', out], { VIGIL_DB: db });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8').trim()).hits[0].name, 'QADHAFI, Muammar');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('screen: a name without letters or not valid UTF-8 is refused (CLI and API); an unknown --country too', async (t) => {
  const db = await seededDb(t);
  for (const [name, pattern] of [
    ['!!!???', /must contain letters/],
    ['12345', /must contain letters/],
    ['\uFFFD\uFFFD\uFFFD', /not valid UTF-8/],
  ] as const) {
    const r = cli(['screen', name], { VIGIL_DB: db });
    assert.equal(r.status, 2, `${name}: ${r.stdout}`);
    assert.match(r.stderr, pattern);
    assert.doesNotMatch(r.stdout, /No hit/);
  }
  // Invalid UTF-8 bytes on the command line (Node decodes them as U+FFFD).
  const { spawnSync } = await import('node:child_process');
  const { ROOT } = await import('../api/support.js');
  const raw = spawnSync('/bin/sh', ['-c', `exec "${process.execPath}" --import tsx src/cli/main.ts screen "$(printf '\\377\\376\\375')" --json`], {
    cwd: ROOT, env: { ...process.env, VIGIL_DB: db }, encoding: 'utf8',
  });
  assert.equal(raw.status, 2, raw.stderr);
  assert.match(errorDoc(raw.stdout).error.message, /not valid UTF-8/);

  const xx = cli(['screen', 'Maria Rossi', '--country', 'XX', '--json'], { VIGIL_DB: db });
  assert.equal(xx.status, 2);
  const doc = errorDoc(xx.stdout);
  assert.equal(doc.error.path, '--country');
  assert.match(doc.error.message, /unknown country code "XX"/);

  const api = await startApi(t, { db });
  for (const body of [{ name: '!!!???' }, { name: '\uFFFD\uFFFD' }, { name: 'a\uD800b' }, { name: 'Maria Rossi', country: 'XX' }]) {
    const r = await api.call('POST', '/api/screen', { body });
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
  }
  const good = await api.call('POST', '/api/screen', { body: { name: 'Muammar Qadhafi', country: 'LY' } });
  assert.equal(good.status, 200, good.text);
});

test('classify and assess: an invented paragraph is named as unknown, not echoed as real', async (t) => {
  for (const [q, code, known] of [['6A003.z.77', '6A003', undefined], ['1C350.b.999', '1C350', '1C350.b']] as const) {
    const r = cli(['classify', q, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const top = (JSON.parse(r.stdout) as { results: { code: string; paragraph?: string; unknownParagraph?: string; score: number; notes?: string[] }[] }).results[0]!;
    assert.equal(top.code, code);
    assert.equal(top.unknownParagraph, q);
    assert.ok(top.score < 1, `an unknown paragraph is not an exact match (${top.score})`);
    assert.ok(top.notes!.some((n) => n.includes(`Paragraph ${q} is unknown`)), JSON.stringify(top.notes));
    if (known) assert.equal(top.paragraph, known);
  }
  const exact = JSON.parse(cli(['classify', '6A003.b.4', '--json']).stdout) as { results: { paragraph: string; unknownParagraph?: string; score: number }[] };
  assert.equal(exact.results[0]!.paragraph, '6A003.b.4');
  assert.equal(exact.results[0]!.unknownParagraph, undefined);
  assert.equal(exact.results[0]!.score, 1);

  const dir = tempDir(t, 'vigil-bad-');
  const file = join(dir, 'tx.json');
  writeFileSync(file, JSON.stringify({ ...TX, items: [{ description: 'camera', code: '6A003.z.77' }] }));
  const db = await seededDb(t);
  const a = cli(['assess', file, '--json'], { VIGIL_DB: db });
  assert.equal(a.status, 0, a.stderr);
  const entry = (JSON.parse(a.stdout) as { items: { entries: { code: string; unknownParagraph?: string; score: number }[] }[] }).items[0]!.entries[0]!;
  assert.equal(entry.code, '6A003');
  assert.equal(entry.unknownParagraph, '6A003.z.77');
  assert.ok(entry.score < 1);
});

test('assess: --as-of outside the modelled range and future shipments are refused naming the range', async (t) => {
  const dir = tempDir(t, 'vigil-bad-');
  const file = join(dir, 'tx.json');
  writeFileSync(file, JSON.stringify(TX));
  for (const d of ['1850-01-01', '2099-01-01']) {
    const r = cli(['assess', file, '--as-of', d, '--json']);
    assert.equal(r.status, 2, r.stdout);
    const doc = errorDoc(r.stdout);
    assert.equal(doc.error.path, '--as-of');
    assert.match(doc.error.message, /modelled range \(?1958-01-01 to today/);
  }
  const future = join(dir, 'future.json');
  writeFileSync(future, JSON.stringify({ ...TX, date: '2099-01-01' }));
  const f = cli(['assess', future, '--json']);
  assert.equal(f.status, 2);
  const doc = errorDoc(f.stdout);
  assert.match(doc.error.path!, /future\.json date$/);
  assert.match(doc.error.message, /in the future/);
  const api = await startApi(t);
  const r = await api.call('POST', '/api/assess?asOf=1850-01-01', { body: TX });
  assert.equal(r.status, 400, r.text);
  const rf = await api.call('POST', '/api/assess', { body: { ...TX, date: '2099-01-01' } });
  assert.equal(rf.status, 400, rf.text);
  assert.match(rf.text, /in the future/);
});

test('assess: a transaction with no parties carries a caveat that no party was screened; {} names the missing fields', async (t) => {
  const db = await seededDb(t);
  const dir = tempDir(t, 'vigil-bad-');
  const file = join(dir, 'tx.json');
  writeFileSync(file, JSON.stringify({ ...TX, parties: [] }));
  const r = cli(['assess', file, '--json'], { VIGIL_DB: db });
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout) as { caveats: string[]; screening: unknown[] };
  assert.deepEqual(a.screening, []);
  assert.ok(a.caveats.some((c) => /No party was screened/.test(c)), JSON.stringify(a.caveats));
  const withParty = join(dir, 'party.json');
  writeFileSync(withParty, JSON.stringify(TX));
  const p = JSON.parse(cli(['assess', withParty, '--json'], { VIGIL_DB: db }).stdout) as { caveats: string[] };
  assert.ok(!p.caveats.some((c) => /No party was screened/.test(c)));

  const empty = join(dir, 'empty.json');
  writeFileSync(empty, '{}');
  const e = cli(['assess', empty]);
  assert.equal(e.status, 2);
  assert.match(e.stderr, /missing required fields: date, exporter, destination, items, endUse/);
  assert.doesNotMatch(e.stderr, /received undefined/);
  const j = cli(['assess', empty, '--json']);
  assert.equal(j.status, 2);
  assert.match(errorDoc(j.stdout).error.message, /missing required fields: date, exporter, destination, items, endUse/);
});

test('--json: every error is one JSON document on stdout with the same exit code as without it', async (t) => {
  const db = await seededDb(t);
  const dir = tempDir(t, 'vigil-bad-');
  const cases: string[][] = [
    ['screen', '--bogus-option'],
    ['screen'],
    ['screen', 'x', '--threshold', '2'],
    ['classify', '111-48-9'],
    ['assess', join(dir, 'missing.json')],
    ['compare', 'a'],
    ['audit', 'list', '--after', 'x'],
    ['cases', 'show', 'no-such-case'],
  ];
  for (const args of cases) {
    const plain = cli(args, { VIGIL_DB: db });
    const json = cli([...args, '--json'], { VIGIL_DB: db });
    assert.notEqual(plain.status, 0, `${args.join(' ')}: ${plain.stdout}`);
    assert.equal(json.status, plain.status, `${args.join(' ')}: same exit code`);
    const doc = errorDoc(json.stdout);
    assert.ok(doc.error.code.length > 0 && doc.error.message.length > 0, args.join(' '));
    assert.equal(json.stderr, '', `${args.join(' ')}: nothing on stderr under --json: ${json.stderr}`);
  }
});
