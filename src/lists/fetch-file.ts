// Download one file to disk with a deadline covering the whole transfer (headers and body).
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export interface Fetched { url: string; file: string; bytes: number; lastModified?: string }

export async function fetchToFile(url: string, file: string, timeoutMs: number): Promise<Fetched> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { signal, redirect: 'follow' });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new Error(`GET ${url}: HTTP ${res.status} ${res.statusText}`.trim());
    }
    let bytes = 0;
    const body = res.body ? Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>) : Readable.from([]);
    body.on('data', (c: Buffer) => { bytes += c.length; });
    await pipeline(body, createWriteStream(file));
    const lm = res.headers.get('last-modified');
    const lastModified = lm && !Number.isNaN(Date.parse(lm)) ? new Date(lm).toISOString().slice(0, 10) : undefined;
    return { url, file, bytes, ...(lastModified ? { lastModified } : {}) };
  } catch (err) {
    if (signal.aborted) throw new Error(`GET ${url}: no complete answer within ${timeoutMs} ms (timeout)`);
    const e = err as Error & { cause?: Error };
    if (e.message.startsWith('GET ')) throw e;
    throw new Error(`GET ${url}: ${e.cause?.message ?? e.message}`);
  }
}

/** The official address with its host replaced by `baseUrl` (same path), for mirrors and tests. */
export function withBaseUrl(official: string, baseUrl: string | undefined): string {
  if (!baseUrl) return official;
  const u = new URL(official);
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(`${u.pathname.replace(/^\//, '')}${u.search}`, base).toString();
}
