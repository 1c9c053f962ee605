// The officer's desk in a real chromium: the destination timeline above the determinations on the
// Assess page (focus and hover show measure, instrument and dates; moving the as-of date
// re-assesses), the memo download, and the measures page; at 1280 and 390 px, with screenshots.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSkip, openPage, shot, startUi, VIEWPORTS, type UiFixture } from './support.js';

const skip = browserSkip();

describe('the officer\'s desk (timeline, memo, measures)', { skip }, () => {
  let ui: UiFixture;
  before(async () => { ui = await startUi(); });
  after(async () => { await ui?.close(); });

  const page = (width: keyof typeof VIEWPORTS, path: string): Promise<Page> => openPage(ui, width, path);
  const band = (p: Page, lane: string, id: string) => p.locator(`[data-testid=law-timeline] g.band[data-jurisdiction="${lane}"][data-measure="${id}"]`);
  const usOutcome = (p: Page) => p.getByTestId('determination-US').getAttribute('data-outcome');

  async function assessS1(p: Page) {
    await p.getByLabel('Reference scenario').selectOption({ value: 'S1-thermal-cameras-2003' });
    await p.getByRole('button', { name: 'Assess', exact: true }).click();
    await p.locator('#assess-results').waitFor();
    await p.locator('[data-testid=law-timeline] svg g.cursor[data-date="2003-10-14"]').waitFor();
  }

  for (const width of ['desktop', 'phone'] as const) {
    test(`Assess S1: the Libya timeline above the determinations; focus and hover show the measure, instrument and dates (${width})`, async () => {
      const p = await page(width, '/assess');
      await assessS1(p);
      // The timeline comes before the determinations.
      const order = await p.evaluate(() => {
        const t = document.querySelector('[data-testid=law-timeline]')!;
        const d = document.querySelector('[data-testid=determination-US]')!;
        return t.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      assert.ok(order, 'timeline above the determinations');
      // The three lanes' bands at the right years.
      for (const [lane, id, from, to] of [['UN', 'UN-748-arms-military-list', '1992-04-15', '2003-09-12'], ['US', 'US-EO12543-embargo', '1986-02-01', '2004-09-21'], ['EU', 'EU-LY-1986-arms-embargo-military-list', '1986-01-27', '2004-10-11']] as const) {
        const b = band(p, lane, id);
        assert.equal(await b.getAttribute('data-from'), from);
        assert.equal(await b.getAttribute('data-to'), to);
      }
      assert.equal(await band(p, 'UN', 'UN-748-arms-military-list').locator('rect.suspension[data-from="1999-04-05"]').count(), 1, 'the 1999 suspension hatched');
      const lifted = (id: string, lane: string) => band(p, lane, id).locator('g.lifting').boundingBox();
      const [un, us, eu] = [await lifted('UN-748-arms-military-list', 'UN'), await lifted('US-EO12543-embargo', 'US'), await lifted('EU-LY-1986-arms-embargo-military-list', 'EU')];
      assert.ok(un!.x < us!.x && us!.x < eu!.x, 'lifted: UN (Sep 2003), then US (Sep 2004), then EU (Oct 2004)');

      // Keyboard: the band takes focus and the detail line names it.
      // (The chart is redrawn once when the page settles at its width: focus again until it answers.)
      const detail = p.getByTestId('law-timeline-detail');
      await p.mouse.move(1, 1); // keep the pointer off the chart: hovering a band shows that band instead
      for (let i = 0; i < 20 && !/UN-748-arms-military-list/.test((await detail.textContent()) ?? ''); i++) {
        await band(p, 'UN', 'UN-748-arms-military-list').focus();
        await p.waitForTimeout(150);
      }
      assert.equal(await p.evaluate(() => (document.activeElement as Element | null)?.getAttribute('data-measure')), 'UN-748-arms-military-list', 'the band has keyboard focus');
      const text = await detail.textContent();
      assert.match(text!, /UNSCR 748 \(1992\)/);
      assert.match(text!, /1992-04-15/);
      assert.match(text!, /2003-09-12/);
      assert.match(text!, /suspended 1999-04-05/);
      assert.match(text!, /UNSCR 1506/);
      await shot(p, `desk-timeline-focus-${VIEWPORTS[width].width}`);
      // Pointer: hovering the US band.
      await band(p, 'US', 'US-EO12543-embargo').locator('rect.band-bar').hover();
      await p.waitForFunction(() => /US-EO12543-embargo/.test(document.querySelector('[data-testid=law-timeline-detail]')?.textContent ?? ''));
      assert.match((await detail.textContent())!, /Executive Order 12543/);
      if (width === 'phone') {
        const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        assert.ok(scroll <= client + 1, `no horizontal scroll at 390 px (${scroll} > ${client})`);
        assert.equal(await p.locator('[data-testid=law-timeline] svg').getAttribute('width') !== null, true);
      }
      await p.context().close();
    });
  }

  test('moving the as-of date to 2005-01-01 and back re-assesses: the cursor moves and the US card changes', async () => {
    const p = await page('desktop', '/assess');
    await assessS1(p);
    const before = await usOutcome(p);
    assert.equal(before, 'prohibited', 'US embargo in force on 2003-10-14');
    await p.locator('#asof').fill('2005-01-01');
    await p.locator('[data-testid=law-timeline] svg g.cursor[data-date="2005-01-01"]').waitFor();
    await p.waitForFunction(() => document.querySelector('[data-testid=determination-US]')?.getAttribute('data-outcome') !== 'prohibited');
    assert.notEqual(await usOutcome(p), before);
    await p.locator('#asof').fill('2003-10-14');
    await p.waitForFunction(() => document.querySelector('[data-testid=determination-US]')?.getAttribute('data-outcome') === 'prohibited');
    await shot(p, 'desk-assess-1280');
    await p.context().close();
  });

  test('Download memo (PDF) on an assessment gives a PDF', async () => {
    const p = await page('desktop', '/assess');
    await assessS1(p);
    const [download] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), p.getByRole('button', { name: 'Download memo (PDF)' }).click()]);
    assert.match(download.suggestedFilename(), /^vigil-memo-LY-2003-10-14\.pdf$/);
    const file = await download.path();
    assert.equal(readFileSync(file!).subarray(0, 5).toString('latin1'), '%PDF-');
    await p.context().close();
  });

  test('a case: its memo downloads as a PDF from the case page, under the destination timeline', async () => {
    const tx = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/scenarios/S1-thermal-cameras-2003.json'), 'utf8')).transaction;
    const post = (path: string, body: unknown) => fetch(ui.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const created = await (await post('/api/cases', { applicant: 'Officine Esempio S.p.A.', transaction: tx, submit: true })).json() as { id: string };
    assert.equal((await post(`/api/cases/${created.id}/assess`, {})).status, 200);
    const p = await page('desktop', `/cases/${created.id}`);
    await p.locator('[data-testid=law-timeline] svg g.cursor[data-date="2003-10-14"]').waitFor();
    const [download] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), p.getByRole('button', { name: 'Download memo (PDF)' }).click()]);
    assert.equal(readFileSync((await download.path())!).subarray(0, 5).toString('latin1'), '%PDF-');
    await shot(p, 'desk-case-1280');
    await p.context().close();
  });

  for (const width of ['desktop', 'phone'] as const) {
    test(`the measures page for LY: the timeline and the dated, cited measures; the URL holds the query (${width})`, async () => {
      const p = await page(width, '/measures?destination=LY&asOf=2000-06-01');
      await p.locator('[data-testid=law-timeline] svg g.cursor[data-date="2000-06-01"]').waitFor();
      await p.locator('#measure-UN-748-arms-military-list').waitFor();
      assert.match((await p.locator('#measure-UN-748-arms-military-list').textContent())!, /suspended/);
      assert.match(p.url(), /destination=LY&asOf=2000-06-01/);
      await shot(p, `desk-measures-${VIEWPORTS[width].width}`);
      await p.context().close();
    });
  }
});
