// Builds the browser UI (web/) into web/dist when it exists; the API serves web/dist.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}web/vite.config.ts`)) { console.error('build-web: no web/vite.config.ts, skipped'); process.exit(0); }
const r = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--config', `${root}web/vite.config.ts`, '--logLevel', 'warn'], { cwd: `${root}web`, stdio: 'inherit' });
process.exit(r.status ?? 1);
