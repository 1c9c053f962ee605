// The two case pages in a real browser (Debian's chromium through playwright-core) against a real
// server: the list with its state filter, then one case assessed and denied from its page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildServer } from '../../src/api/server.js';
import { CaseService } from '../../src/cases/index.js';
import { CHROMIUM, SHOTS, browserSkip, ensureWebBuilt } from '../browser/support.js';
import { OFFICER, fixtureTx, openVigil } from './helpers.js';
import { mkdirSync } from 'node:fs';

test('case list filters by state; a case is assessed and denied from its page', { skip: browserSkip() }, async (t) => {
  ensureWebBuilt();
  const { vigil } = await openVigil(t);
  const svc = new CaseService(vigil);
  const first = await svc.create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Esempio', OFFICER, { submit: true });
  const other = await svc.create(fixtureTx('de-similar.json'), 'Beispiel Optik', OFFICER);
  await svc.transition(other.id, { to: 'withdrawn', reason: 'applicant withdrew' }, OFFICER);
  // A licence that ran out at the end of 2025, for the expiry sweep.
  const licensed = await svc.create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Scadute', OFFICER, { submit: true });
  await svc.assess(licensed.id, OFFICER);
  await svc.transition(licensed.id, { to: 'approved', reason: 'end use verified', issuedAt: '2025-01-10', validUntil: '2025-12-31' }, OFFICER);

  const app = await buildServer({ vigil, rateLimit: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(() => app.close());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

  await page.goto(`${url}/cases`);
  const rows = page.getByTestId('cases-table').locator('tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);

  // The expiry sweep, judged on 2026-01-01, closes the licence and the list shows it expired.
  await page.getByText('Licence expiry').click();
  await page.getByLabel('Judge validity on').fill('2026-01-01');
  await page.getByRole('button', { name: 'Close expired licences' }).click();
  const sweep = page.getByTestId('expiry-result');
  await sweep.waitFor();
  assert.match(await sweep.innerText(), new RegExp(`As of 2026-01-01: 1 licence\\(s\\) closed as expired\\.[\\s\\S]*${licensed.id}.*valid until 2025-12-31`));
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'cases-expiry.png'), fullPage: true });
  await page.getByLabel('State', { exact: true }).selectOption('expired');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="cases-table"] tbody tr').length === 1);
  assert.match(await rows.first().innerText(), new RegExp(`${licensed.id}\\s+expired`));
  assert.equal((await svc.get(licensed.id)).state, 'expired');
  await page.getByLabel('State', { exact: true }).selectOption('withdrawn');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="cases-table"] tbody tr').length === 1);
  assert.match(await rows.first().innerText(), new RegExp(other.id));
  await page.getByLabel('State', { exact: true }).selectOption('');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="cases-table"] tbody tr').length === 3);

  await page.getByRole('link', { name: first.id }).click();
  await page.getByTestId('case-state').waitFor();
  assert.equal(await page.getByTestId('case-state').innerText(), 'submitted');
  await page.getByRole('button', { name: 'Assess now' }).click();
  await page.getByRole('heading', { name: /Determinations as of 2003-10-14/ }).waitFor();
  assert.equal(await page.getByTestId('case-state').innerText(), 'under-assessment');

  await page.getByRole('radio', { name: /^denied/ }).check();
  await page.getByLabel('Reason (recorded)').fill('risk of paramilitary use');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="case-state"]')?.textContent === 'denied');
  assert.match(await page.getByTestId('timeline').innerText(), /under-assessment → denied: risk of paramilitary use/);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'case-detail-denied.png'), fullPage: true });

  const stored = await svc.get(first.id);
  assert.equal(stored.state, 'denied');
  assert.equal(stored.timeline!.at(-1)!.actor, 'api:anonymous');
});
