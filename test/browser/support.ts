// What the browser tests share: a fresh UI build, a real server on loopback with the bundled lists,
// and Debian's chromium driven by playwright-core.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { Vigil } from '../../src/app/vigil.js';
import { buildServer } from '../../src/api/server.js';
import { seededDb } from '../api/seeded-db.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-output', 'screenshots');

/** false, or why the browser tests cannot run here (only allowed outside CI). */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM)) return false;
  const why = `${CHROMIUM} not found: run scripts/ensure-test-deps.sh (apt-get install chromium)`;
  if (process.env.CI) throw new Error(why);
  return why;
}

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Build web/dist when it is missing or older than any source of the UI. */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'web/dist/index.html');
  const sources = Math.max(newest(join(ROOT, 'web/src')), statSync(join(ROOT, 'web/index.html')).mtimeMs, statSync(join(ROOT, 'web/vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`npm run build:web failed:\n${r.stdout}\n${r.stderr}`);
}

export interface UiFixture { url: string; browser: Browser; vigil: Vigil; close(): Promise<void> }

/** `seed` runs on the server's Vigil before it listens (cases, keys, audit events for a page to show). */
export async function startUi(opts: { seed?: (vigil: Vigil) => Promise<void> } = {}): Promise<UiFixture> {
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  const cleanups: (() => unknown)[] = [];
  const db = await seededDb({ after: (fn) => cleanups.push(fn) });
  const removeDb = async () => { for (const fn of cleanups) await fn(); };
  const vigil = await Vigil.open({ db });
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  try {
    await opts.seed?.(vigil);
    app = await buildServer({ vigil });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const b = browser;
    return {
      url, browser: b, vigil,
      async close() { await b.close(); await app!.close(); await vigil.close(); await removeDb(); },
    };
  } catch (err) {
    await browser?.close();
    await app?.close();
    await vigil.close();
    await removeDb();
    throw err;
  }
}

export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/**
 * A page at one of the viewports; on close it asserts that no uncaught error was thrown in it.
 * `storage` is put in the tab's sessionStorage (the API key: 'vigil.apiKey') and localStorage before
 * the UI's scripts run.
 */
export async function openPage(
  ui: UiFixture, width: keyof typeof VIEWPORTS, path: string,
  storage: { session?: Record<string, string>; local?: Record<string, string> } = {},
): Promise<Page> {
  const ctx = await ui.browser.newContext({ viewport: VIEWPORTS[width], locale: 'en-GB', acceptDownloads: true });
  if (storage.session || storage.local) {
    await ctx.addInitScript((s) => {
      for (const [k, v] of Object.entries(s.session ?? {})) sessionStorage.setItem(k, v);
      for (const [k, v] of Object.entries(s.local ?? {})) localStorage.setItem(k, v);
    }, storage);
  }
  const p = await ctx.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('close', () => assert.deepEqual(errors, [], 'no uncaught errors in the page'));
  await p.goto(ui.url + path);
  return p;
}

/** A full-page screenshot under test-output/screenshots/NAME.png. */
export const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** The page does not scroll sideways; a failure names the widest elements so it says what to fix. */
export async function noHorizontalScroll(p: Page, what: string): Promise<void> {
  const { scroll, client, wide } = await p.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > client + 1 && !el.closest('.table-wrap'))
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  assert.ok(scroll <= client + 1, `${what}: page is ${scroll}px wide in a ${client}px viewport (${wide.join(', ')})`);
}
