// The decision memo: HTML with the citations, requirements, data versions and the timeline; a PDF
// printed by chromium from that same HTML (pdftotext reads it back when poppler-utils is present);
// the case memo over the API with the audit event hash. It never gives "cleared" or "approved".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarios } from '../policy/support.js';
import { rules } from '../policy/support.js';
import { memoHtml, memoInput } from '../../src/report/memo.js';
import { OFFICER, fixtureTx, openVigil, seedLists } from '../cases/helpers.js';
import { Vigil } from '../../src/app/vigil.js';
import { CaseService } from '../../src/cases/index.js';
import { dataDir } from '../../src/app/paths.js';
import { loadRuleSet } from '../../src/policy/index.js';
import { startApi } from '../api/support.js';
import { browserSkip, CHROMIUM } from '../browser/support.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/vigil');
const SHOTS = join(ROOT, 'test-output', 'screenshots');
const scenario = (prefix: string) => loadScenarios().find((s) => s.id.startsWith(`${prefix}-`))!;
const pdftotext = spawnSync('pdftotext', ['-v']).error ? null : 'pdftotext';
const noVerdict = (text: string) => assert.doesNotMatch(text, /\b(cleared|approved)\b/i, 'never "cleared" or "approved"');
const squash = (s: string) => s.replace(/\s+/g, '');

test('memoHtml: the transaction, per-jurisdiction reach and outcome, rules with citations and dates, requirements, data versions, timeline', async (t) => {
  const { vigil } = await openVigil(t);
  const r = await rules();
  for (const id of ['S1', 'S4']) {
    const s = scenario(id);
    const a = await vigil.assess(s.transaction, s.asOf, { audit: false });
    const html = memoHtml(memoInput(r, a, s.transaction));
    assert.match(html, /^<!doctype html>/);
    for (const p of s.transaction.parties) assert.ok(html.includes(p.name.replace(/'/g, "'")), `party ${p.name}`);
    for (const d of a.determinations) {
      for (const x of d.reasons) {
        assert.ok(html.includes(esc(x.citation)), `${id} ${d.jurisdiction}: citation ${x.citation}`);
        assert.ok(html.includes(esc(x.ruleId)), `${id}: rule ${x.ruleId}`);
        if (x.from) assert.ok(html.includes(x.from), `${id}: date ${x.from}`);
      }
      for (const q of d.requirements) {
        assert.ok(html.includes(esc(q.text)), `${id} ${d.jurisdiction}: requirement ${q.id}`);
        assert.ok(html.includes(esc(q.citation)), `${id}: requirement citation ${q.citation}`);
      }
      if (!d.applies) assert.ok(html.includes(`${d.jurisdiction} law does not reach this export`));
    }
    assert.ok(html.includes(a.dataVersions.rules.sha256), 'the rule-set hash');
    assert.ok(html.includes(`as of ${a.asOf}`) || html.includes(a.asOf), 'the as-of date');
    assert.match(html, /<svg[^>]+class="vigil-timeline"/, 'the timeline picture');
    assert.match(html, /Signature/);
    noVerdict(html);
    if (id === 'S4') assert.ok(a.determinations.some((d) => d.requirements.length), 'S4 has requirements to show');
  }
});

test('vigil assess S1 --memo s1.pdf: a PDF printed from the memo HTML, holding "12543", "UNSCR 1506" and the rule-set hash', { skip: browserSkip() }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-memo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { db, vigil } = await openVigil(t, join(dir, 'vigil.db'));
  await vigil.close();
  const s1 = join(ROOT, 'test/fixtures/scenarios', `${scenario('S1').id}.json`);
  const html = join(dir, 's1.html');
  const pdf = join(dir, 's1.pdf');
  const h = spawnSync(process.execPath, [BIN, '--db', db, 'assess', s1, '--memo', html, '--json'], { encoding: 'utf8', env: { ...process.env, VIGIL_CHROMIUM: CHROMIUM } });
  assert.equal(h.status, 0, h.stderr);
  const a = JSON.parse(h.stdout);
  const text = readFileSync(html, 'utf8');
  assert.ok(text.includes(a.dataVersions.rules.sha256));
  const p = spawnSync(process.execPath, [BIN, '--db', db, 'assess', s1, '--memo', pdf], { encoding: 'utf8', env: { ...process.env, VIGIL_CHROMIUM: CHROMIUM } });
  assert.equal(p.status, 0, p.stderr);
  const bytes = readFileSync(pdf);
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  if (pdftotext) {
    const out = spawnSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    assert.match(out, /12543/);
    assert.match(out, /UNSCR 1506/);
    assert.ok(squash(out).includes(a.dataVersions.rules.sha256), 'the rule-set hash in the PDF');
    noVerdict(out);
    mkdirSync(SHOTS, { recursive: true });
    spawnSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(SHOTS, 'memo-s1-page1')]);
  } else t.diagnostic('pdftotext not installed (apt-get install poppler-utils): the PDF text was not read back');
  // vigil cases memo ID --out FILE: the case's stored determination and its audit event.
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' });
  const c = JSON.parse(run('cases', 'create', s1, '--applicant', 'Officine Esempio S.p.A.', '--submit', '--json').stdout);
  assert.equal(run('cases', 'memo', c.id, '--out', join(dir, 'c.html')).status, 2, 'not assessed yet');
  assert.equal(run('cases', 'assess', c.id, '--json').status, 0);
  const m = run('cases', 'memo', c.id, '--out', join(dir, 'c.html'), '--json');
  assert.equal(m.status, 0, m.stderr);
  const doc = JSON.parse(m.stdout);
  assert.match(doc.auditEvent.hash, /^[0-9a-f]{64}$/);
  assert.ok(readFileSync(join(dir, 'c.html'), 'utf8').includes(doc.auditEvent.hash));
  const bad = spawnSync(process.execPath, [BIN, '--db', db, 'assess', s1, '--memo', join(dir, 'memo.docx')], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /\.pdf or \.html/);
});

test('GET /api/cases/:id/memo.pdf and memo.html: the stored determination with the audit event hash; 404 unknown; 400 before assessment', { skip: browserSkip() }, async (t) => {
  const api = await startApi(t);
  const s1 = scenario('S1');
  const created = await api.call('POST', '/api/cases', { body: { applicant: 'Officine Esempio S.p.A.', transaction: s1.transaction, submit: true } });
  assert.equal(created.status, 201, created.text);
  const id = created.body.id as string;
  assert.equal((await api.call('GET', `/api/cases/${id}/memo.pdf`)).status, 400, 'not assessed yet');
  const assessed = await api.call('POST', `/api/cases/${id}/assess`);
  assert.equal(assessed.status, 200, assessed.text);
  const events = await api.vigil.store.listAudit({ limit: 1000 });
  const ev = events.filter((e) => e.subject === id && e.action === 'case.assess').at(-1)!;
  const html = await api.call('GET', `/api/cases/${id}/memo.html`);
  assert.equal(html.status, 200);
  assert.ok(html.text.includes(ev.hash), 'the audit event hash');
  noVerdict(html.text);
  const res = await fetch(`${api.url}/api/cases/${id}/memo.pdf`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /application\/pdf/);
  assert.match(res.headers.get('content-disposition')!, /attachment; filename="vigil-memo-.*\.pdf"/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  if (pdftotext) {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-memo-api-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'm.pdf'), bytes);
    const out = spawnSync(pdftotext, [join(dir, 'm.pdf'), '-'], { encoding: 'utf8' }).stdout;
    assert.ok(squash(out).includes(ev.hash), 'the PDF is the same memo: the audit hash in it');
  }
  assert.equal((await api.call('GET', '/api/cases/nope/memo.pdf')).status, 404);
  assert.ok(existsSync(CHROMIUM));
});

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

test('a case memo uses the rule set the case was assessed with, not the current one: its hash, and the timeline drawn from it', async (t) => {
  // An earlier rule set: the same rules with the UN lifting of the Libya measures a week later.
  const data = mkdtempSync(join(tmpdir(), 'vigil-memo-rules-'));
  t.after(() => rmSync(data, { recursive: true, force: true }));
  cpSync(join(dataDir(), 'rules'), join(data, 'rules'), { recursive: true });
  mkdirSync(join(data, 'controls/us-ear'), { recursive: true });
  for (const f of ['controls/us-ear/country-chart.json', 'controls/us-ear/country-groups.json', 'countries.json']) cpSync(join(dataDir(), f), join(data, f));
  const ly = join(data, 'rules/UN/regimes/LY.json');
  writeFileSync(ly, readFileSync(ly, 'utf8').replaceAll('"2003-09-12"', '"2003-09-19"'));
  const earlier = await loadRuleSet({ dataDir: data });
  const current = await rules();
  assert.notEqual(earlier.sha256, current.sha256);

  const dir = mkdtempSync(join(tmpdir(), 'vigil-memo-case-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'vigil.db');
  const then = await Vigil.open({ db, bundled: false, actor: 'test:runner', ruleSet: earlier });
  await seedLists(then.store);
  const svc = new CaseService(then);
  const c = await svc.create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Esempio', OFFICER, { submit: true });
  const assessed = await svc.assess(c.id, OFFICER);
  assert.equal(assessed.determination!.dataVersions.rules.sha256, earlier.sha256);
  await then.close();

  // Today's server runs the shipped rules.
  const api = await startApi(t, { db });
  assert.equal((await api.vigil.rules()).sha256, current.sha256);
  const memo = await api.call('GET', `/api/cases/${c.id}/memo.html`);
  assert.equal(memo.status, 200, memo.text);
  assert.ok(memo.text.includes(`sha256:${earlier.sha256}`), 'the stored rule-set hash');
  assert.ok(memo.text.includes(`Drawn from rule set ${earlier.version} (sha256:${earlier.sha256}), the one the assessment used`));
  const unBands = [...memo.text.matchAll(/<g class="band"[^>]*data-jurisdiction="UN"[^>]*data-to="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(unBands.includes('2003-09-19'), `the UN lane is drawn from the stored rules: ${unBands.join(', ')}`);
  assert.ok(!unBands.includes('2003-09-12'), 'not from the current ones');
  noVerdict(memo.text);

  // A store that no longer keeps the rule set: the current one, and the memo says so.
  const { ruleSetUsed } = await import('../../src/report/memo.js');
  const missing = await ruleSetUsed(api.vigil.store, current, { version: 'gone', sha256: 'f'.repeat(64) });
  assert.equal(missing.rules, current);
  assert.match(missing.source, /which this store does not keep/);
});
