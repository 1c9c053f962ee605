// Distributed batch screening and server-mode latency.
//   npx tsx bench/jobs.ts [--names 1000000] [--runs 1] [--workers 1,2] [--concurrency 2] [--chunk 1000]
//                         [--queries 1000] [--rounds 5] [--skip-jobs] [--skip-latency] [--pg postgres://…/postgres]
//
// 1. Jobs: one job of --names names (from ../shared/eval/screening/negatives_us.csv, repeated with
//    deterministic misspellings), POSTed as CSV to /api/jobs/screen of an instance in this process
//    (which runs no worker) and screened against the bundled lists by 1 and by 2 `vigil worker`
//    processes on a fresh PostgreSQL database. Time from the POST to GET /api/jobs/:id saying
//    done; names/s; the scaling ratio to the 1-worker run (baseline, same process).
// 2. Latency: one screening at a time — 'index only' (Vigil.screen without the audit event: the
//    in-memory index), 'in-process' (Vigil.screen with its audit event written to the store) and
//    'HTTP' (POST /api/screen over loopback) — on SQLite and on PostgreSQL, alternating rounds;
//    median per query and the ratio PostgreSQL / SQLite (target: within 20 %).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildServer } from '../src/api/server.js';
import { Vigil } from '../src/app/vigil.js';
import { JobService } from '../src/jobs/service.js';
import type { ScreenRow } from '../src/jobs/rows.js';
import { createDatabase, dropDatabase } from '../src/store/postgres/admin.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const flag = (name: string) => process.argv.includes(name);
const NAMES = Number(arg('--names', '1000000'));
const RUNS = Number(arg('--runs', '1'));
const WORKERS = arg('--workers', '1,2').split(',').map(Number);
const CONCURRENCY = arg('--concurrency', '2');
const CHUNK = Number(arg('--chunk', '1000'));
const QUERIES = Number(arg('--queries', '1000'));
const ROUNDS = Number(arg('--rounds', '5'));
const PG_SERVER = arg('--pg', 'postgres://postgres@127.0.0.1:5432/postgres');
const ROOT = join(import.meta.dirname, '..');
const EVAL = join(ROOT, '..', 'shared', 'eval', 'screening', 'negatives_us.csv');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, r] of rows.entries()) {
    console.log('| ' + r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ') + ' |');
    if (i === 0) console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  }
}

// ---- names -------------------------------------------------------------------------------------
const base = (parse(readFileSync(EVAL, 'utf8'), { columns: true, skip_empty_lines: true }) as { full_name: string }[]).map((r) => r.full_name);

/** The k-th repetition of a name: 0 is the name itself, then a swap, a dropped or a doubled letter. */
function perturb(name: string, k: number): string {
  if (k === 0 || name.length < 4) return name;
  const pos = 1 + ((k * 7) % (name.length - 2));
  switch (k % 3) {
    case 0: return name.slice(0, pos) + name[pos + 1] + name[pos] + name.slice(pos + 2);
    case 1: return name.slice(0, pos) + name.slice(pos + 1);
    default: return name.slice(0, pos) + name[pos] + name.slice(pos);
  }
}
const names = (n: number): ScreenRow[] => Array.from({ length: n }, (_, i) => ({ name: perturb(base[i % base.length]!, Math.floor(i / base.length)) }));

// ---- helpers -------------------------------------------------------------------------------------
async function freshPg(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vigil_bench_${process.pid}_${Date.now().toString(36)}`;
  const url = await createDatabase(PG_SERVER, name);
  return { url, drop: () => dropDatabase(PG_SERVER, name) };
}

function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--database-url', url, 'worker', '--concurrency', CONCURRENCY, '--json'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

// ---- 1. jobs -------------------------------------------------------------------------------------
/** User + system CPU seconds a process has used so far (Linux /proc; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of all PostgreSQL server processes now alive (approximate: other clients count too). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes('(postgres)')) total += cpuSeconds(Number(pid));
    } catch { /* exited meanwhile */ }
  }
  return total;
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;

interface JobRun { seconds: number; submit: number; cpu: number; pgCpu: number; load: string }

async function benchJobs(): Promise<void> {
  const db = await freshPg();
  try {
    log(`importing the bundled lists into ${db.url}`);
    const vigil = await Vigil.open({ databaseUrl: db.url });
    // This process is the instance that takes the HTTP request; it runs no worker itself.
    const jobs = await JobService.start(vigil, { databaseUrl: db.url, worker: false, settings: { chunkSize: CHUNK } });
    const app = await buildServer({ vigil, webRoot: null, rateLimit: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const csv = 'name\n' + names(NAMES).map((r) => `"${r.name.replace(/"/g, '""')}"`).join('\n') + '\n';
    const results = new Map<number, JobRun[]>(WORKERS.map((w) => [w, []]));
    for (let run = 0; run < RUNS; run++) {
      // Alternate the order of the configurations: load from the rest of the machine falls on both.
      for (const w of run % 2 ? [...WORKERS].reverse() : WORKERS) {
        // Fresh workers per run (index built before the clock starts).
        const workers = await Promise.all(Array.from({ length: w }, () => startWorker(db.url)));
        const cpu0 = workers.reduce((n, c) => n + cpuSeconds(c.pid!), 0);
        const pg0 = postgresCpuSeconds();
        const load = loadAverage();
        const t0 = performance.now();
        const res = await fetch(`${url}/api/jobs/screen`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
        if (res.status !== 202) throw new Error(`submit: ${res.status} ${await res.text()}`);
        const job = (await res.json()) as { id: string };
        const t1 = performance.now();
        for (;;) {
          const s = (await (await fetch(`${url}/api/jobs/${job.id}`)).json()) as { status: string; error?: string };
          if (s.status === 'done') break;
          if (s.status === 'failed') throw new Error(`job failed: ${s.error}`);
          await new Promise((r) => setTimeout(r, 250));
        }
        const r: JobRun = {
          seconds: (performance.now() - t0) / 1000, submit: (t1 - t0) / 1000,
          cpu: workers.reduce((n, c) => n + cpuSeconds(c.pid!), 0) - cpu0, pgCpu: postgresCpuSeconds() - pg0, load,
        };
        results.get(w)!.push(r);
        log(`${w} worker(s), run ${run + 1}: ${NAMES} names in ${r.seconds.toFixed(1)} s (submit ${r.submit.toFixed(1)} s, worker CPU ${r.cpu.toFixed(0)} s, PostgreSQL CPU ${r.pgCpu.toFixed(0)} s, load average ${load})`);
        await Promise.all(workers.map(stopWorker));
      }
    }
    await app.close();
    await jobs.close();
    await vigil.close();

    console.log(`\nBatch job: ${NAMES.toLocaleString('en')} names as one CSV POST, chunks of ${CHUNK}, worker --concurrency ${CONCURRENCY}, median of ${RUNS} run(s), 2-core machine shared with other work\n`);
    const baseRate = NAMES / median(results.get(WORKERS[0]!)!.map((r) => r.seconds));
    const out = [['worker processes', 'submit s', 'submit→done s', 'names/s', `ratio to ${WORKERS[0]} worker`, 'names per worker-CPU-s', 'PostgreSQL CPU s', 'load avg at start']];
    for (const [w, rs] of results) {
      const rate = NAMES / median(rs.map((r) => r.seconds));
      out.push([
        String(w), median(rs.map((r) => r.submit)).toFixed(1), median(rs.map((r) => r.seconds)).toFixed(1), rate.toFixed(0),
        (rate / baseRate).toFixed(2), (NAMES / median(rs.map((r) => r.cpu))).toFixed(0), median(rs.map((r) => r.pgCpu)).toFixed(0),
        rs.map((r) => r.load).join(' '),
      ]);
    }
    table(out);
  } finally {
    await db.drop();
  }
}

// ---- 2. latency ----------------------------------------------------------------------------------
async function benchLatency(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const db = await freshPg();
  try {
    log('importing the bundled lists into SQLite and PostgreSQL');
    const modes: [string, Vigil][] = [
      ['SQLite', await Vigil.open({ db: join(dir, 'vigil.db') })],
      ['PostgreSQL', await Vigil.open({ databaseUrl: db.url })],
    ];
    const servers = new Map<string, string>();
    for (const [m, v] of modes) {
      await v.screening();
      const app = await buildServer({ vigil: v, webRoot: null, rateLimit: false });
      servers.set(m, await app.listen({ host: '127.0.0.1', port: 0 }));
    }
    const queries = names(QUERIES).map((r, i) => ({ ...r, name: base[(i * 37) % base.length]! }));
    const samples = new Map<string, number[]>();
    const add = (k: string, ms: number) => { if (!samples.has(k)) samples.set(k, []); samples.get(k)!.push(ms); };
    // Warm up both paths, then alternate rounds so that machine load falls on both alike.
    for (const [m, v] of modes) for (const q of queries.slice(0, 50)) await v.screen(q);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [m, v] of round % 2 ? [...modes].reverse() : modes) {
        for (const q of queries) {
          const t = performance.now();
          await v.screen(q, { audit: false });
          add(`${m} index only`, performance.now() - t);
        }
        for (const q of queries) {
          const t = performance.now();
          await v.screen(q);
          add(`${m} in-process`, performance.now() - t);
        }
        const url = servers.get(m)!;
        for (const q of queries) {
          const t = performance.now();
          const res = await fetch(`${url}/api/screen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) });
          await res.arrayBuffer();
          add(`${m} HTTP`, performance.now() - t);
        }
      }
      log(`latency round ${round + 1}/${ROUNDS}`);
    }
    console.log(`\nSingle screening latency: ${QUERIES} queries x ${ROUNDS} rounds, bundled lists, one audit event per screening\n`);
    const out = [['path', 'mode', 'median ms', 'p95 ms', 'PostgreSQL / SQLite (median)']];
    for (const path of ['index only', 'in-process', 'HTTP']) {
      const sq = samples.get(`SQLite ${path}`)!;
      const pq = samples.get(`PostgreSQL ${path}`)!;
      out.push([path, 'SQLite', median(sq).toFixed(3), pct(sq, 0.95).toFixed(3), '1.00 (baseline)']);
      out.push([path, 'PostgreSQL', median(pq).toFixed(3), pct(pq, 0.95).toFixed(3), (median(pq) / median(sq)).toFixed(2)]);
    }
    table(out);
    for (const [, v] of modes) await v.close();
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!flag('--skip-jobs')) await benchJobs();
if (!flag('--skip-latency')) await benchLatency();
process.exit(0);
