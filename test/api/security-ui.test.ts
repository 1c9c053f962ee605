// Issue 16, the UI part: the page runs under the CSP (no inline script, no violation), shows that
// keyless mode lets anything on the machine act as admin, and keeps the API key in sessionStorage
// (a key left in localStorage by an earlier version is moved out of it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createKey } from '../../src/api/keys.js';
import { browserSkip, CHROMIUM, ensureWebBuilt } from '../browser/support.js';
import { ROOT, startApi } from './support.js';

test('the UI under its CSP: keyless banner, key in sessionStorage only, no policy violations', { skip: browserSkip() }, async (t) => {
  ensureWebBuilt();
  const api = await startApi(t, { webRoot: join(ROOT, 'web/dist'), authCacheMs: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  t.after(() => browser.close());
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  page.on('pageerror', (e) => violations.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`));
    // What an earlier version left behind.
    if (!sessionStorage.getItem('vigil.seen')) { localStorage.setItem('vigil.apiKey', 'vigil_legacy'); sessionStorage.setItem('vigil.seen', '1'); }
  });
  const res = await page.goto(`${api.url}/screen`);
  assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await page.locator('.keyless').waitFor();
  assert.match(await page.locator('.keyless').innerText(), /Authentication is off.*act as admin/s);
  const stored = await page.evaluate(() => ({ local: localStorage.getItem('vigil.apiKey'), session: sessionStorage.getItem('vigil.apiKey') }));
  assert.deepEqual(stored, { local: null, session: 'vigil_legacy' }, 'the legacy key moved out of localStorage');

  await page.getByRole('button', { name: /API key/ }).click();
  await page.getByLabel(/API key \(from/).fill('vigil_typed');
  await page.getByRole('button', { name: 'Save' }).click();
  assert.deepEqual(await page.evaluate(() => [localStorage.getItem('vigil.apiKey'), sessionStorage.getItem('vigil.apiKey')]), [null, 'vigil_typed']);

  // With a key on the server, the banner goes.
  const admin = await createKey(api.vigil.store, 'admin');
  await page.evaluate((k) => sessionStorage.setItem('vigil.apiKey', k), admin.secret);
  await page.reload();
  await page.getByRole('button', { name: 'Screen', exact: true }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.keyless').count(), 0);
  assert.deepEqual(violations, []);
});
