// The audit page and the home page in a real chromium, on a store seeded with an officer's labelled
// API key, open and approved cases, a screening alert and assessments: the audit page filters by
// action, actor and subject, pages, and verifies the chain from the UI; the home page shows the
// store's own numbers. At 1280 and 390 px, with screenshots.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { createKey } from '../../src/api/keys.js';
import { keyActor } from '../../src/api/auth.js';
import { CaseService } from '../../src/cases/index.js';
import { registerParties } from '../../src/screening/parties.js';
import { listStatus } from '../../src/lists/status.js';
import type { Vigil } from '../../src/app/vigil.js';
import { fixtureTx } from '../cases/helpers.js';
import { browserSkip, noHorizontalScroll, openPage, shot, startUi, VIEWPORTS, type UiFixture } from './support.js';

const skip = browserSkip();
const pdftotext = spawnSync('pdftotext', ['-v']).error ? null : 'pdftotext';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Seeded { secret: string; actor: string; cases: { submitted: string; draft: string; expiring: string; later: string; ended: string } }

async function seed(vigil: Vigil): Promise<Seeded> {
  const key = await createKey(vigil.store, 'officer', 'IT desk', { actor: 'cli:tests' });
  const actor = keyActor(key);
  const officer = { id: actor, role: 'officer' as const };
  const other = { id: 'cli:ops', role: 'officer' as const };
  const svc = new CaseService(vigil);
  const tx = fixtureTx('it-thermal-cameras-ly.json');
  const approved = async (validUntil: string) => {
    const c = await svc.create(tx, 'Licensed Exporter SpA', officer, { submit: true });
    await svc.assess(c.id, officer);
    return (await svc.transition(c.id, { to: 'approved', reason: 'end use verified', issuedAt: day(-60), validUntil }, officer)).id;
  };
  const expiring = await approved(day(10));
  const later = await approved(day(200));
  // Validity ended three days ago and nobody has run the expiry sweep yet.
  const ended = await approved(day(-3));
  const submitted = (await svc.create(tx, 'Officine Esempio', officer, { submit: true })).id;
  await svc.assess(submitted, officer);
  const draft = (await svc.create(tx, 'Draft Applicant Srl', other)).id;
  // Enough screenings that the audit trail runs over one 25-event page.
  for (let i = 0; i < 30; i++) await vigil.screen({ name: `Routine party ${i}` }, { actor: i % 3 ? actor : 'cli:ops' });
  await vigil.assess(tx, '2003-10-14', { actor });
  await registerParties(vigil.store, await vigil.screening(), [{ name: 'Moammar Gadhafi', country: 'LY' }], actor);
  return { secret: key.secret, actor, cases: { submitted, draft, expiring, later, ended } };
}

describe('the audit page and the home page', { skip }, () => {
  let ui: UiFixture;
  let seeded: Seeded;
  before(async () => { ui = await startUi({ seed: async (v) => { seeded = await seed(v); } }); });
  after(async () => { await ui?.close(); });

  const page = (width: keyof typeof VIEWPORTS, path: string, local: Record<string, string> = {}): Promise<Page> =>
    openPage(ui, width, path, { session: { 'vigil.apiKey': seeded.secret }, local });
  const rows = (p: Page) => p.locator('[data-testid=audit-table] tbody tr');
  const column = (p: Page, label: string) => p.locator(`[data-testid=audit-table] tbody td[data-label="${label}"]`).allTextContents();
  const seqs = async (p: Page) => (await rows(p).evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-seq')))));
  /** Wait until the table shows the page whose summary matches. */
  const settled = (p: Page, summary: RegExp) => p.getByTestId('audit-summary').filter({ hasText: summary }).waitFor();

  for (const width of ['desktop', 'phone'] as const) {
    test(`audit page: newest first, filters by action / actor / subject, paging, verify the chain (${width})`, async () => {
      const all = await ui.vigil.store.listAudit();
      const head = all.at(-1)!;
      const p = await page(width, '/audit');
      await settled(p, /^Page 1:/);
      assert.equal(await p.title(), 'Audit — Vigil');
      assert.equal(await p.getByRole('link', { name: 'Audit' }).getAttribute('aria-current'), 'page');
      // Newest first, 25 to a page.
      const first = await seqs(p);
      assert.deepEqual(first, Array.from({ length: 25 }, (_, i) => head.seq - i));
      // From the keyboard: the pager keeps focus while the next page loads.
      await p.getByRole('button', { name: 'Older →' }).focus();
      await p.keyboard.press('Enter');
      await settled(p, /^Page 2:/);
      assert.equal(await p.evaluate(() => document.activeElement?.textContent), 'Older →', 'focus stays on the pager');
      if (!(await p.getByTestId('audit-summary').textContent())!.includes('to #1,')) throw new Error('expected two pages');
      assert.equal(await p.getByRole('button', { name: 'Older →' }).getAttribute('aria-disabled'), 'true', 'the last page: no older one');
      const second = await seqs(p);
      assert.equal(second[0], head.seq - 25);
      await p.getByRole('button', { name: '← Newer' }).click();
      await settled(p, /^Page 1:/);
      assert.deepEqual(await seqs(p), first);

      // By action (keyboard: type and press Enter in the form).
      await p.getByLabel('Action (exact)').fill('case.create');
      await p.getByLabel('Action (exact)').press('Enter');
      await settled(p, /matching the filters/);
      const creates = all.filter((e) => e.action === 'case.create').reverse();
      assert.deepEqual(await seqs(p), creates.map((e) => e.seq));
      assert.equal(creates.length, 5);
      assert.ok(new URL(p.url()).search.includes('action=case.create'), 'the filter is in the URL');

      // By part of the actor, with the action: the officer's labelled key made four of them.
      await p.getByLabel('Actor (contains)').fill('it desk');
      await p.getByRole('button', { name: 'Filter', exact: true }).click();
      await p.waitForFunction(() => document.querySelectorAll('[data-testid=audit-table] tbody tr').length === 4);
      assert.deepEqual(await column(p, 'actor'), [seeded.actor, seeded.actor, seeded.actor, seeded.actor]);
      assert.match(seeded.actor, /^IT desk \(key_[0-9a-f]+\)$/);

      // By subject only: the submitted case's events, newest first, each naming it.
      await p.getByRole('button', { name: 'Clear' }).click();
      await settled(p, /^Page 1: events #\d+ to #\d+, newest first\.$/);
      await p.getByLabel('Subject (exact)').fill(seeded.cases.submitted);
      await p.getByLabel('Subject (exact)').press('Enter');
      await settled(p, /matching the filters/);
      const ofCase = all.filter((e) => e.subject === seeded.cases.submitted).reverse();
      assert.deepEqual(await seqs(p), ofCase.map((e) => e.seq));
      assert.deepEqual([...new Set(await column(p, 'subject'))], [seeded.cases.submitted]);
      assert.ok((await column(p, 'action')).includes('case.assess'));
      // No match.
      await p.getByLabel('Action (exact)').fill('keys.revoke');
      await p.getByLabel('Action (exact)').press('Enter');
      await settled(p, /No event matches these filters/);
      assert.equal(await rows(p).count(), 0);

      // Verify the chain, from the keyboard.
      await p.getByRole('button', { name: 'Verify chain' }).focus();
      await p.keyboard.press('Enter');
      const verdict = p.getByTestId('verify-result');
      await verdict.getByText('The chain holds').waitFor();
      const text = (await verdict.textContent())!;
      assert.match(text, new RegExp(`${all.length} event\\(s\\), #1 to #${head.seq}`));
      assert.ok(text.includes(`sha256:${head.hash}`), 'the head hash');

      await p.getByRole('button', { name: 'Clear' }).click();
      await settled(p, /^Page 1: events/);
      await shot(p, width === 'desktop' ? 'audit-desktop' : 'audit-phone');
      if (width === 'phone') await noHorizontalScroll(p, 'audit');
      await p.context().close();
    });

    test(`home page: open cases, licences ending within 30 days, list freshness with a stale banner, recent assessments, open alerts (${width})`, async () => {
      const store = ui.vigil.store;
      // A one-day freshness setting (the Lists page's): the bundled snapshots are older than that.
      const status = await listStatus(store, { maxAgeDays: 1 });
      const openAlerts = await store.countAlerts('open');
      assert.ok(openAlerts > 0, 'the seeded party raised an alert');
      const p = await page(width, '/', { 'vigil.listMaxAgeDays': '1' });
      await p.getByTestId('home-open-cases').locator('li').first().waitFor();
      assert.equal(await p.title(), 'Home — Vigil');

      const open = p.getByTestId('home-open-cases');
      assert.equal(await p.getByTestId('stat-open-cases').locator('.count').textContent(), '2');
      assert.deepEqual((await open.getByRole('link').allTextContents()).filter((t) => /^C-/.test(t)).sort(), [seeded.cases.submitted, seeded.cases.draft].sort());
      assert.match((await open.textContent())!, /under-assessment/);

      const expiring = p.getByTestId('home-expiring');
      assert.equal(await p.getByTestId('stat-expiring').locator('.count').textContent(), '2');
      const expText = (await expiring.textContent())!;
      assert.ok(expText.includes(seeded.cases.expiring), 'the licence ending in 10 days');
      assert.ok(!expText.includes(seeded.cases.later), 'not the one ending in 200 days');
      assert.match(expText, new RegExp(`valid until ${day(10)} \\(10 days left\\)`));
      assert.match(expText, new RegExp(`${seeded.cases.ended}.*validity ended ${day(-3)} \\(3 days ago\\), not yet closed`));
      assert.ok(expText.indexOf(seeded.cases.ended) < expText.indexOf(seeded.cases.expiring), 'soonest first');

      await p.getByTestId('stat-alerts').locator('.count').filter({ hasText: /^\d+$/ }).waitFor();
      assert.equal(await p.getByTestId('stat-alerts').locator('.count').textContent(), String(openAlerts));

      const lists = p.getByTestId('home-lists');
      await lists.locator('tbody tr').first().waitFor();
      assert.equal(await lists.locator('tbody tr').count(), status.lists.length);
      assert.ok(status.anyStale);
      const banner = p.getByTestId('home-stale');
      await banner.waitFor();
      const bannerText = (await banner.textContent())!;
      for (const l of status.lists.filter((x) => x.stale)) assert.ok(bannerText.includes(`${l.source} (list of ${l.listDate}`), `stale ${l.source} named`);
      assert.match(bannerText, /older than 1 day:/);
      assert.equal(await lists.locator('tbody tr.stale').count(), status.lists.filter((x) => x.stale).length);

      const recent = p.getByTestId('home-recent');
      await recent.locator('li').first().waitFor();
      const events = (await store.listAudit()).filter((e) => e.action === 'assess' || e.action === 'case.assess').reverse().slice(0, 8);
      assert.deepEqual(await recent.locator('li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-seq')))), events.map((e) => e.seq));
      assert.match((await recent.locator('li').first().textContent())!, /transaction by IT desk \(key_/);
      assert.ok((await recent.textContent())!.includes(seeded.cases.submitted));

      await shot(p, width === 'desktop' ? 'home-desktop' : 'home-phone');
      if (width === 'phone') await noHorizontalScroll(p, 'home');

      // What / showed before is one click away in the navigation.
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Screen' }).click();
      await p.getByRole('heading', { level: 1, name: /Screen/ }).waitFor();
      assert.equal(new URL(p.url()).pathname, '/screen');
      await p.context().close();
    });
  }

  test('on paper: the case page and its memo print without the navigation bar, the forms or the buttons', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-print-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const id = seeded.cases.submitted;
    const p = await page('desktop', `/cases/${id}`);
    await p.getByRole('heading', { level: 1, name: new RegExp(`Case ${id}`) }).waitFor();
    assert.ok(await p.getByRole('navigation', { name: 'Main' }).isVisible(), 'on screen the navigation shows');
    await p.emulateMedia({ media: 'print' });
    for (const sel of ['header.topbar', 'nav[aria-label=Main]', 'footer', '.skip']) assert.equal(await p.locator(sel).first().isVisible(), false, `${sel} is not printed`);
    assert.deepEqual(await p.locator('button, form').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length), 0, 'no form or button on paper');
    assert.ok(await p.getByRole('heading', { level: 1 }).isVisible(), 'the case itself is printed');
    const casePdf = join(dir, 'case.pdf');
    writeFileSync(casePdf, await p.pdf({ format: 'A4' }));

    // The memo is its own document: the HTML the PDF is printed from.
    const memo = await fetch(`${ui.url}/api/cases/${id}/memo.html`, { headers: { authorization: `Bearer ${seeded.secret}` } });
    assert.equal(memo.status, 200);
    await p.setContent(await memo.text());
    await p.emulateMedia({ media: 'print' });
    assert.equal(await p.locator('nav, header.topbar, .skip').count(), 0, 'the memo has no navigation');
    assert.ok(await p.locator('section.signature').isVisible(), 'the signature block is printed');
    const memoPdf = join(dir, 'memo.pdf');
    writeFileSync(memoPdf, await p.pdf({ format: 'A4' }));
    await p.context().close();

    if (!pdftotext) { t.diagnostic('pdftotext not installed (apt-get install poppler-utils): the printed text was not read back'); return; }
    const text = (f: string) => spawnSync(pdftotext, ['-layout', f, '-'], { encoding: 'utf8' }).stdout;
    const caseText = text(casePdf);
    assert.ok(caseText.includes(`Case ${id}`), 'the case on paper');
    for (const navWord of ['Skip to content', 'API key', 'Classify', 'Measures', 'Audit']) assert.ok(!caseText.includes(navWord), `no "${navWord}" from the navigation on paper`);
    const memoText = text(memoPdf);
    assert.ok(memoText.includes(id) && /Signature/.test(memoText), 'the memo on paper, with its signature block');
    assert.ok(!memoText.includes('Skip to content') && !memoText.includes('API key'));
  });
});
