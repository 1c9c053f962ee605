// Raw HTTP for attack tests: exact headers (Host, Origin, Content-Type, Content-Length that the body
// never reaches), bodies written slowly, and timing — what fetch hides or refuses to send.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export interface RawAnswer { status: number; headers: Record<string, string | string[] | undefined>; text: string; body: any; ms: number }

/**
 * Send a request; `body` is written whole, or `declaredLength` bytes are announced and only
 * `sendBytes` of them written (the answer must come before the rest would have been sent).
 */
export function raw(url: string, method: string, path: string, opts: {
  headers?: Record<string, string>; body?: string | Buffer; declaredLength?: number; sendBytes?: number; timeoutMs?: number;
} = {}): Promise<RawAnswer> {
  const u = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.declaredLength !== undefined) headers['content-length'] = String(opts.declaredLength);
    else if (opts.body !== undefined && !headers['transfer-encoding']) headers['content-length'] = String(Buffer.byteLength(opts.body));
    const req = httpRequest({ host: u.hostname, port: u.port, method, path, headers, agent: false, setHost: !('host' in headers) });
    const timer = setTimeout(() => { req.destroy(new Error(`no answer in ${opts.timeoutMs ?? 10_000} ms`)); }, opts.timeoutMs ?? 10_000);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        clearTimeout(timer);
        let body: unknown;
        try { body = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body, ms: performance.now() - started });
        req.destroy();
      });
    });
    req.on('error', (err) => { clearTimeout(timer); reject(err); });
    if (opts.declaredLength !== undefined) {
      // Write part of the announced body and leave the rest unsent.
      req.write(Buffer.alloc(opts.sendBytes ?? 0, 0x5b)); // '['
    } else if (opts.body !== undefined) {
      req.end(opts.body);
    } else {
      req.end();
    }
  });
}

/** Write bytes on a plain socket and read the answer until the server closes or `ms` pass. */
export function rawSocket(url: string, bytes: string, ms = 3000): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(u.port), u.hostname);
    let out = '';
    const timer = setTimeout(() => { s.destroy(); resolve(out); }, ms);
    s.on('data', (d) => { out += d; });
    s.on('close', () => { clearTimeout(timer); resolve(out); });
    s.on('error', (err) => { clearTimeout(timer); out ? resolve(out) : reject(err); });
    s.write(bytes);
  });
}

/** Latency of GET /api/health, sampled every `everyMs` until `until` resolves. */
export async function sampleHealth(url: string, until: Promise<unknown>, everyMs = 20): Promise<number[]> {
  let done = false;
  void until.finally(() => { done = true; });
  const samples: number[] = [];
  while (!done) {
    const t0 = performance.now();
    const r = await fetch(`${url}/api/health`);
    await r.text();
    samples.push(performance.now() - t0);
    await new Promise((res) => setTimeout(res, everyMs));
  }
  return samples;
}

/** The fastest of `n` GET /api/health answers (ms): one slow probe on a busy machine says nothing; all slow says the server is stuck. */
export async function bestHealth(url: string, n = 5): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const r = await raw(url, 'GET', '/api/health');
    if (r.status !== 200) throw new Error(`health answered ${r.status}: ${r.text}`);
    best = Math.min(best, r.ms);
  }
  return best;
}
