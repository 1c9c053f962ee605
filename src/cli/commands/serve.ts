// `vigil serve` — the HTTP API and the web UI on one port.
import type { Command } from 'commander';
import { Vigil } from '../../app/vigil.js';
import { ensureBundledLists } from '../../lists/bundled.js';
import { assertBindAllowed } from '../../api/access.js';
import { hasActiveKeys } from '../../api/auth.js';
import { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT } from '../../api/server.js';
import { VigilInputError, VigilRefusal } from '../../model/errors.js';
import { JobService } from '../../jobs/service.js';
import { action, globalOptions } from '../context.js';

interface ServeOptions {
  host: string; port: string; rateLimit: string; bodyLimit: string; logLevel: string; json?: boolean; worker: boolean;
  allowedHost?: string[]; allowedOrigin?: string[]; trustProxy?: string;
}

const repeatable = (v: string, acc: string[] = []) => [...acc, v];

export function register(program: Command): void {
  program.command('serve')
    .description('Serve the HTTP API (/api, /openapi.json, /docs) and the web UI on one port')
    .option('--host <host>', 'address to bind; anything but loopback requires API keys', '127.0.0.1')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8080')
    .option('--rate-limit <n>', 'requests per minute per API key (per IP without a key); 0 turns it off', String(DEFAULT_RATE_LIMIT.max))
    .option('--body-limit <bytes>', 'largest request body accepted', String(DEFAULT_BODY_LIMIT))
    .option('--log-level <level>', 'fatal, error, warn, info, debug', 'warn')
    .option('--json', 'print the listening address as one JSON line on stdout')
    .option('--allowed-host <name>', 'a host name the server answers to besides IP addresses and localhost (behind a proxy: its public name); repeatable', repeatable)
    .option('--allowed-origin <origin>', 'an origin (https://vigil.example.org) allowed to make changes besides the server\'s own; repeatable', repeatable)
    .option('--trust-proxy <addresses>', 'take the client address from X-Forwarded-For when the request comes from these proxy addresses (comma-separated, or "true")')
    .option('--no-worker', 'PostgreSQL mode: accept batch jobs but leave their chunks (and party re-screenings) to `vigil worker` processes')
    .action(action(async (o: ServeOptions, cmd: Command) => {
      const port = intOption(o.port, '--port', 0, 65535);
      const rate = intOption(o.rateLimit, '--rate-limit', 0, 1e9);
      const bodyLimit = intOption(o.bodyLimit, '--body-limit', 1024, 1e9);
      const progress = process.stderr.isTTY === true;
      // Open the store alone first so that a refused bind fails at once, before any list import.
      const vigil = await Vigil.open({ ...globalOptions(cmd), progress, bundled: false });
      try {
        let authMode = await assertBindAllowed(o.host, vigil.store);
        if (o.trustProxy) {
          // Behind a proxy every client looks local: keys are required as on any other bind.
          if (!(await hasActiveKeys(vigil.store))) {
            throw new VigilRefusal('refusing to serve behind a proxy (--trust-proxy) without API keys: create one with "vigil keys create --role admin"', 'no-api-keys');
          }
          authMode = 'required';
        }
        await ensureBundledLists(vigil.store, { progress });
        await warmUp(vigil);
        // A party re-screening left unfinished by a killed process carries on from its checkpoint:
        // here on SQLite; on PostgreSQL the job service queues it again for pg-boss workers.
        if (vigil.store.kind !== 'postgres') {
          void import('../../jobs/rescreen.js').then((m) => m.resumeRescreenJobs(vigil.store))
            .catch((err: Error) => process.stderr.write(`vigil: resuming party re-screening: ${err.message}\n`));
        }
        // Batch jobs and re-screenings (PostgreSQL mode): the queues, and workers unless --no-worker.
        await JobService.start(vigil, { databaseUrl: globalOptions(cmd).databaseUrl, worker: o.worker });
        const app = await buildServer({
          vigil, authMode, bodyLimit, host: o.host, allowedHosts: o.allowedHost, allowedOrigins: o.allowedOrigin,
          ...(o.trustProxy ? { trustProxy: o.trustProxy === 'true' ? true : o.trustProxy.split(',').map((x) => x.trim()) } : {}),
          rateLimit: rate === 0 ? false : { max: rate, windowMs: 60_000 },
          logger: { level: o.logLevel, stream: process.stderr },
        });
        const url = await app.listen({ host: o.host, port });
        const address = app.server.address();
        const boundPort = typeof address === 'object' && address ? address.port : port;
        if (o.json) process.stdout.write(JSON.stringify({ url, host: o.host, port: boundPort, auth: authMode }) + '\n');
        process.stderr.write(`vigil: serving ${url} (UI /, API /api, docs /docs; store ${vigil.store.kind} ${vigil.store.location}; auth ${authMode === 'required' ? 'required' : 'on once a key exists'})\n`);
        if (authMode === 'auto' && !(await hasActiveKeys(vigil.store))) {
          process.stderr.write('vigil: no API key exists, so auth is off: anything on this machine can act as admin (vigil keys create --role admin turns it on)\n');
        }
        await new Promise<void>((resolve) => {
          const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        await app.close();
      } finally {
        await JobService.of(vigil).close();
        await vigil.close();
      }
    }));
}

/** Build the screening index, catalogue and rules before the first request, not during it. */
async function warmUp(vigil: Vigil): Promise<void> {
  const parts: [string, () => Promise<unknown>][] = [
    ['screening index', () => vigil.screening()], ['control catalogue', () => vigil.controls()], ['rule set', () => vigil.rules()],
  ];
  for (const [name, load] of parts) {
    try {
      await load();
    } catch (err) {
      // Serve what works; the routes that need the missing part answer 500 with the reason.
      process.stderr.write(`vigil: warning: ${name} unavailable: ${(err as Error).message}\n`);
    }
  }
}

function intOption(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new VigilInputError(`expected an integer from ${min} to ${max}, got "${value}"`, name);
  return n;
}
