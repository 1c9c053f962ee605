// Builds the browser UI (web/) into web/dist: type-check (web/tsconfig.json), then vite build.
// Prints the gzipped size of the JavaScript the first page load fetches (budget: 300 KB).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}web/vite.config.ts`)) { console.error('build-web: no web/vite.config.ts, skipped'); process.exit(0); }
const run = (args) => spawnSync(process.execPath, args, { cwd: `${root}web`, stdio: 'inherit' }).status ?? 1;
if (run([`${root}node_modules/typescript/bin/tsc`, '-p', `${root}web/tsconfig.json`]) !== 0) process.exit(1);
const status = run([`${root}node_modules/vite/bin/vite.js`, 'build', '--config', `${root}web/vite.config.ts`, '--logLevel', 'warn']);
if (status !== 0) process.exit(status);

// Pre-compressed copies for @fastify/static (preCompressed): no compression work per request.
const dist0 = `${root}web/dist`;
for (const f of [...readdirSync(`${dist0}/assets`).map((n) => `assets/${n}`), 'index.html']) {
  if (!/\.(js|css|html|svg|json)$/.test(f)) continue;
  const raw = readFileSync(`${dist0}/${f}`);
  writeFileSync(`${dist0}/${f}.gz`, gzipSync(raw, { level: 9 }));
  writeFileSync(`${dist0}/${f}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

// First load = the scripts index.html references plus their static imports (modulepreload).
const dist = `${root}web/dist`;
const html = readFileSync(`${dist}/index.html`, 'utf8');
const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (f) => gzipSync(readFileSync(`${dist}/${f}`)).length;
const firstKb = first.reduce((s, f) => s + gz(f), 0) / 1024;
const allJs = readdirSync(`${dist}/assets`).filter((f) => f.endsWith('.js'));
const allKb = allJs.reduce((s, f) => s + gz(`assets/${f}`), 0) / 1024;
console.error(`build-web: first-load JS ${firstKb.toFixed(1)} KB gzipped (${first.length} file${first.length === 1 ? '' : 's'}); all JS ${allKb.toFixed(1)} KB in ${allJs.length} files; budget 300 KB`);
if (firstKb > 300) { console.error('build-web: first-load JavaScript is over the 300 KB budget'); process.exit(1); }
