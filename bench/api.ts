// HTTP API latency: autocannon against POST /api/screen on a real `vigil serve` (child process,
// loopback, bundled lists, SQLite), at a fixed offered rate. Target: at 200 requests/s for 30 s,
// p99 < 30 ms and no errors. Baseline in the same process: GET /api/health at the same rate (the
// HTTP, auth and rate-limit overhead without screening). Prints a table per run and the medians.
// Names rotate through 5,000 innocent names and 300 listed-name variants (../shared/eval) or, when
// that is absent, a built-in list — each request screens a different name.
// autocannon paces overallRate per connection and per second: each connection sends its share of
// the second back to back, then waits for the next second. With C connections the server sees
// bursts of C concurrent requests; C = 4 by default (--connections to change it).
// Usage: npx tsx bench/api.ts [--rate 200] [--duration 30] [--runs 3] [--connections 4] [--db FILE]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { evalPath, readCsv } from './screening-data.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const ROOT = join(import.meta.dirname, '..');
const rate = Number(arg('--rate', '200'));
const duration = Number(arg('--duration', '30'));
const runs = Number(arg('--runs', '3'));
const connections = Number(arg('--connections', '4'));
const db = arg('--db', join(ROOT, 'bench', 'out', 'api-bench.db'));
mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });

function names(): string[] {
  const builtIn = ['Moammar Gadhafi', 'Muammar al-Qaddafi', 'معمر القذافي', 'Муаммар Каддафи', 'Giuseppe Verdi', 'Maria Rossi',
    'Tripoli Port Logistics Company', 'Gulf Star Forwarding FZE', 'Aisha Gaddafi', 'Hannibal Qadhafi', 'John Smith', 'Ali Hassan'];
  try {
    const neg = readCsv(evalPath('screening', 'negatives_us.csv')).map((r) => r.full_name!).filter(Boolean).slice(0, 5000);
    const pos = readCsv(evalPath('pairs', 'un_cross_script_and_alias_pairs_2026-02-27.csv')).map((r) => r.variant_name!).filter(Boolean).slice(0, 300);
    return [...builtIn, ...neg, ...pos];
  } catch {
    return builtIn;
  }
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--json', '--port', '0', '--rate-limit', '0', '--db', db],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!).url);
    });
    child.on('exit', (code) => reject(new Error(`vigil serve exited with ${code}`)));
  });
  return { url, child };
}

interface Row { what: string; run: number; sent: number; rps: number; p50: number; p90: number; p99: number; max: number; errors: number; non2xx: number }

async function load(url: string, what: string, run: number, opts: Partial<autocannon.Options>): Promise<Row> {
  // autocannon's coordinated-omission correction records extra samples at an expected interval of
  // ceil(1 / per-connection rate) = 1 ms, which turns every response slower than 1 ms into a
  // train of synthetic samples; latencies are recorded as measured instead.
  const r = await autocannon({ url, connections, overallRate: rate, duration, ignoreCoordinatedOmission: true, ...opts });
  return {
    what, run, sent: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99,
    max: r.latency.max, errors: r.errors + r.timeouts, non2xx: r.non2xx,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (r: Row) => [r.what.padEnd(18), String(r.run).padStart(3), String(r.sent).padStart(7), r.rps.toFixed(0).padStart(5),
  ...[r.p50, r.p90, r.p99, r.max].map((x) => x.toFixed(1).padStart(7)), String(r.errors).padStart(6), String(r.non2xx).padStart(7)].join(' ');

const pool = names();
const first = !existsSync(db);
if (first) process.stderr.write(`bench/api: first run imports the bundled lists into ${db}\n`);
const { url, child } = await startServer();
try {
  let i = 0;
  const screenReq = {
    method: 'POST' as const, path: '/api/screen', headers: { 'content-type': 'application/json' },
    setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify({ name: pool[i++ % pool.length] }) }),
  };
  // Warm-up: JIT, index caches, SQLite page cache.
  await autocannon({ url, connections, amount: 2000, requests: [screenReq] });
  const rows: Row[] = [];
  for (let run = 1; run <= runs; run++) {
    rows.push(await load(url, 'GET /api/health', run, { requests: [{ method: 'GET', path: '/api/health' }] }));
    rows.push(await load(url, 'POST /api/screen', run, { requests: [screenReq] }));
  }
  console.log(`autocannon: ${connections} connections, overallRate ${rate}/s, ${duration} s per run, ${runs} runs, ignoreCoordinatedOmission; ${pool.length} distinct names; server ${url}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`${'endpoint'.padEnd(18)} run    sent   rps  p50 ms  p90 ms  p99 ms  max ms errors  non2xx`);
  for (const r of rows) console.log(fmt(r));
  const of = (w: string) => rows.filter((r) => r.what === w);
  const base = of('GET /api/health');
  const scr = of('POST /api/screen');
  const m = (rs: Row[], k: keyof Row) => median(rs.map((r) => r[k] as number));
  console.log('');
  console.log(`median  ${'endpoint'.padEnd(18)}  p50 ms  p99 ms  errors`);
  console.log(`        ${'GET /api/health'.padEnd(18)} ${m(base, 'p50').toFixed(1).padStart(7)} ${m(base, 'p99').toFixed(1).padStart(7)} ${String(base.reduce((s, r) => s + r.errors + r.non2xx, 0)).padStart(7)}`);
  console.log(`        ${'POST /api/screen'.padEnd(18)} ${m(scr, 'p50').toFixed(1).padStart(7)} ${m(scr, 'p99').toFixed(1).padStart(7)} ${String(scr.reduce((s, r) => s + r.errors + r.non2xx, 0)).padStart(7)}`);
  // autocannon reports whole milliseconds; a 0 ms baseline has no meaningful ratio.
  const ratio = (k: keyof Row) => (m(base, k) > 0 ? `×${(m(scr, k) / m(base, k)).toFixed(2)}` : `n/a (baseline ${m(base, k)} ms)`);
  console.log(`ratio screen/health: p50 ${ratio('p50')}, p99 ${ratio('p99')}`);
  const ok = m(scr, 'p99') < 30 && scr.every((r) => r.errors === 0 && r.non2xx === 0);
  console.log(`target p99 < 30 ms and no errors: ${ok ? 'met' : 'NOT met'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  child.kill('SIGTERM');
}
