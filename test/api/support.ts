// Real servers for the API tests: a temp SQLite file, the real Vigil, fastify listening on
// 127.0.0.1 port 0, and plain fetch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { Vigil } from '../../src/app/vigil.js';
import { buildServer, type ServerOptions } from '../../src/api/server.js';

export const ROOT = new URL('../..', import.meta.url).pathname;

interface Hooks { after(fn: () => unknown): void }

export function tempDir(t: Hooks, prefix = 'vigil-api-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface RunningApi {
  url: string;
  app: FastifyInstance;
  vigil: Vigil;
  db: string;
  /** fetch relative to the server, JSON in and out. */
  call(method: string, path: string, opts?: { body?: unknown; raw?: string; key?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers; text: string }>;
}

export async function startApi(
  t: Hooks,
  opts: Partial<Omit<ServerOptions, 'vigil'>> & { db?: string; bundled?: boolean } = {},
): Promise<RunningApi> {
  const db = opts.db ?? join(tempDir(t), 'vigil.db');
  const vigil = await Vigil.open({ db, bundled: opts.bundled ?? false });
  const { db: _d, bundled: _b, ...serverOpts } = opts;
  const app = await buildServer({ webRoot: null, ...serverOpts, vigil });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(async () => { await app.close(); await vigil.close(); });
  return {
    url, app, vigil, db,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.key) headers.authorization = `Bearer ${o.key}`;
      let body: string | undefined = o.raw;
      if (o.body !== undefined) { body = JSON.stringify(o.body); headers['content-type'] = 'application/json'; }
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      try { parsed = JSON.parse(text); } catch { /* not JSON */ }
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
  };
}

/** Run the CLI from source (never stale), with its own env; returns exit code and output. */
export function cli(args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Start `vigil serve … --json` and resolve with its URL once it listens (or its exit if it refuses). */
export function serveCli(t: Hooks, args: string[], env: Record<string, string> = {}):
  Promise<{ url?: string; status?: number; stderr: string; stdout?: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--json', ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const stop = async () => { if (child.exitCode === null) child.kill('SIGTERM'); return exited; };
  t.after(stop);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vigil serve did not start in 180 s: ${stderr}`)), 180_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const line = stdout.split('\n')[0];
      // Under --json a refusal to start is one error document on stdout: wait for the exit then.
      if (stdout.includes('\n') && !('error' in JSON.parse(line!))) { clearTimeout(timer); resolve({ url: JSON.parse(line!).url, stderr, stop }); }
    });
    exited.then((status) => { clearTimeout(timer); resolve({ status: status ?? -1, get stderr() { return stderr; }, get stdout() { return stdout; }, stop }); });
  });
}
