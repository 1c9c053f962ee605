// The UI that leads the officer (issue 12 §3) in a real chromium against a real server: a case
// opened from an assessment and a new application by form (no JSON), a law that does not reach
// the deal shown as such, stale lists warned where people screen, queries in the URL, dates in
// YYYY-MM-DD, the as-of cursor moved on the timeline, and batch upload like the CLI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSkip, openPage, SHOTS, startUi, VIEWPORTS, type UiFixture } from './support.js';

const skip = browserSkip();

describe('the UI that leads the officer', { skip }, () => {
  let ui: UiFixture;
  before(async () => { ui = await startUi(); });
  after(async () => { await ui?.close(); });

  const page = (width: keyof typeof VIEWPORTS, path: string): Promise<Page> => openPage(ui, width, path);
  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  async function noHorizontalScroll(p: Page, what: string) {
    const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client + 1, `${what}: page is ${scroll}px wide in a ${client}px viewport`);
  }

  /** Wait for the case page (history navigation, no load event); on failure say what the page showed. */
  async function onCasePage(p: Page) {
    try {
      await p.waitForFunction(() => /^\/cases\/[^/]+$/.test(location.pathname), undefined, { timeout: 20_000 });
    } catch (err) {
      const alerts = await p.getByRole('alert').allInnerTexts();
      throw new Error(`not on a case page (${p.url()}); alerts: ${alerts.join(' | ')}`, { cause: err });
    }
  }

  async function assessScenario(p: Page, id: string) {
    await p.getByLabel('Reference scenario').selectOption({ value: id });
    await p.getByRole('button', { name: 'Assess', exact: true }).click();
    await p.locator('#assess-results').waitFor();
  }

  for (const width of ['desktop', 'phone'] as const) {
    test(`Assess S1 → "Open a case from this assessment" creates the case and opens its page (${width})`, async () => {
      const p = await page(width, '/assess');
      await assessScenario(p, 'S1-thermal-cameras-2003');
      assert.equal(await p.locator('#tx-json').count(), 0, 'no raw JSON on the way');
      assert.equal(await p.getByLabel('Applicant', { exact: true }).inputValue(), 'Officine Esempio S.p.A.', 'the applicant defaults to the exporter');
      await p.getByRole('button', { name: 'Open a case from this assessment' }).click();
      await onCasePage(p);
      const id = decodeURIComponent(new URL(p.url()).pathname.split('/').pop()!);
      await p.getByRole('heading', { level: 1, name: new RegExp(`Case ${id}`) }).waitFor();
      // The case holds the transaction just assessed, and its stored determination.
      const c = await (await fetch(`${ui.url}/api/cases/${encodeURIComponent(id)}`)).json() as { applicant: string; destination: string; state: string; transaction: { items: { code?: string }[] }; determination?: { asOf: string } };
      assert.equal(c.applicant, 'Officine Esempio S.p.A.');
      assert.equal(c.destination, 'LY');
      assert.equal(c.transaction.items[0]!.code, '6A003.b.4');
      assert.equal(c.state, 'under-assessment');
      assert.equal(c.determination?.asOf, '2003-10-14');
      await p.getByTestId('determination-US').waitFor();
      await noHorizontalScroll(p, 'case page');
      await shot(p, `case-from-assessment-${VIEWPORTS[width].width}`);
      await p.context().close();
    });
  }

  test('Cases → New application: a form (parties, items with codes, end use, date YYYY-MM-DD), no JSON', async () => {
    const p = await page('desktop', '/cases');
    await p.getByText('New application').click();
    const form = p.getByRole('form', { name: 'New licence application' });
    assert.equal(await form.locator('textarea.code, textarea#n-tx').count(), 0, 'no raw-JSON textarea');
    await form.getByLabel('Applicant').fill('Ditta Prova S.r.l.');
    const date = form.getByLabel('Transaction date');
    assert.equal(await date.getAttribute('placeholder'), 'YYYY-MM-DD');
    await date.fill('14/10/2003');
    await form.getByLabel('Destination (ISO-2)').fill('LY');
    await form.getByLabel('Exporter', { exact: true }).fill('Ditta Prova S.r.l.');
    await form.getByLabel('Name', { exact: true }).first().fill('Libyan Civil Aviation Authority');
    await form.getByLabel('Country', { exact: true }).first().fill('LY');
    await form.getByLabel('Description').first().fill('Thermal imaging camera');
    await form.getByLabel('Control code').first().fill('6A003.b.4');
    await form.getByLabel('Stated end use').fill('Airport perimeter surveillance');
    await form.getByRole('group', { name: 'End-use categories' }).getByLabel('civil', { exact: true }).check();
    // A locale-format date is refused by the field itself; nothing is sent.
    await form.getByRole('button', { name: 'Submit application' }).click();
    assert.equal(await date.evaluate((el) => (el as HTMLInputElement).validity.valid), false, '14/10/2003 is not accepted');
    assert.equal(new URL(p.url()).pathname, '/cases');
    await date.fill('2003-10-14');
    await form.getByRole('button', { name: 'Submit application' }).click();
    await onCasePage(p);
    const id = decodeURIComponent(new URL(p.url()).pathname.split('/').pop()!);
    const c = await (await fetch(`${ui.url}/api/cases/${encodeURIComponent(id)}`)).json() as { applicant: string; state: string; transaction: { date: string; destination: string; items: { code?: string; description: string }[]; parties: { name: string; country?: string }[]; endUse: { statement?: string; categories: string[] } } };
    assert.equal(c.applicant, 'Ditta Prova S.r.l.');
    assert.equal(c.state, 'submitted');
    assert.equal(c.transaction.date, '2003-10-14');
    assert.equal(c.transaction.destination, 'LY');
    assert.deepEqual(c.transaction.items.map((i) => [i.description, i.code]), [['Thermal imaging camera', '6A003.b.4']]);
    assert.deepEqual(c.transaction.parties.map((x) => [x.name, x.country]), [['Libyan Civil Aviation Authority', 'LY']]);
    assert.equal(c.transaction.endUse.statement, 'Airport perimeter surveillance');
    assert.deepEqual(c.transaction.endUse.categories, ['civil']);
    await p.getByTestId('case-state').waitFor();
    await p.context().close();
  });

  for (const width of ['desktop', 'phone'] as const) {
    test(`S1: US law does not reach the export: said first, its "prohibited" greyed as hypothetical, never a red headline (${width})`, async () => {
      const p = await page(width, '/assess');
      await assessScenario(p, 'S1-thermal-cameras-2003');
      const us = p.getByTestId('determination-US');
      assert.equal(await us.getAttribute('data-applies'), 'false');
      assert.equal(await us.getAttribute('data-outcome'), 'prohibited', 'the hypothetical outcome is still the engine\'s');
      const headline = us.locator('header p').first();
      assert.equal(await headline.innerText(), 'US law does not reach this export');
      assert.equal(await us.locator('.outcome-prohibited').count(), 0, 'no red "prohibited" badge on the US card');
      assert.equal(await us.evaluate((el) => el.classList.contains('outcome-prohibited')), false, 'no red border');
      const hypo = us.getByTestId('outcome');
      assert.match(await hypo.innerText(), /Were it to apply.*prohibited/);
      // Greyed: the muted text colour, not the red of a prohibition.
      const [hypoColour, red] = await hypo.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.documentElement).getPropertyValue('--red')]);
      assert.equal(hypoColour, 'rgb(91, 100, 112)', `greyed (${hypoColour}, red is ${red})`);
      // The reach statement comes before the hypothetical outcome in reading order.
      assert.ok(await headline.evaluate((h, o) => !!(h.compareDocumentPosition(o!) & Node.DOCUMENT_POSITION_FOLLOWING), await hypo.elementHandle()));
      // A law that does reach it keeps its coloured headline (IT: licence required).
      const it = p.getByTestId('determination-IT');
      assert.equal(await it.getAttribute('data-applies'), 'true');
      assert.equal(await it.getByTestId('outcome').innerText(), 'licence required');
      assert.match(await p.getByTestId('divergence-banner').innerText(), /US: law does not reach it \(would be prohibited\)/);
      await shot(p, `assess-not-reached-${VIEWPORTS[width].width}`);
      await p.context().close();
    });
  }
});
