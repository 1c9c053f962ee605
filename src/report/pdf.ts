// HTML → PDF with headless chromium (Debian's /usr/bin/chromium, or $VIGIL_CHROMIUM) driven by
// playwright-core. The page is set from the string (no network: the memo is self-contained).
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { VigilInputError } from '../model/errors.js';
import { memoHtml, type MemoInput } from './memo.js';

export const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';

export async function htmlToPdf(html: string): Promise<Buffer> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('PDF output needs playwright-core (npm install) and chromium; write the memo as .html instead');
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  }).catch((e: Error) => { throw new Error(`cannot start chromium at ${CHROMIUM} for the PDF (${e.message.split('\n')[0]}); write the memo as .html instead`); });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort()); // the memo loads nothing
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** Write the memo to FILE: .html/.htm as HTML, .pdf printed from that same HTML. */
export async function writeMemo(file: string, input: MemoInput): Promise<'html' | 'pdf'> {
  const kind = memoKind(file);
  const html = memoHtml(input);
  const body = kind === 'pdf' ? await htmlToPdf(html) : html;
  try {
    writeFileSync(file, body);
  } catch (e) {
    throw new VigilInputError(`cannot write the memo: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  return kind;
}

export function memoKind(file: string): 'html' | 'pdf' {
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new VigilInputError('the memo file must end in .pdf or .html', file);
}
