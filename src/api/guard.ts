// Request guards that run before authentication and before any body is read: the Host a request
// names (DNS rebinding), where a state-changing request comes from (cross-site writes), the media
// types a browser may send cross-site without asking (HTML forms, `no-cors` fetch), a small body
// limit for callers without a key, JSON nesting depth, security headers on every answer, and one
// JSON shape for the router's own errors (404, 405, malformed URLs and requests).
import { isIP } from 'node:net';
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { isLoopback } from './access.js';
import { HttpError } from './errors.js';

export interface GuardOptions {
  /** The address the server is bound to (default 127.0.0.1). */
  host?: string;
  /**
   * Host names (without port) the server answers to besides IP literals and `localhost`. On a
   * loopback bind every other name is refused (a DNS-rebinding page names its own host); on any
   * other bind, an empty list accepts every name.
   */
  allowedHosts?: string[];
  /** Origins (`https://vigil.example.org`) allowed to make state-changing requests besides the server's own. */
  allowedOrigins?: string[];
  /** Largest body accepted from a caller without a valid key (bytes). */
  unauthenticatedBodyLimit?: number;
}

export const DEFAULT_UNAUTHENTICATED_BODY_LIMIT = 16 * 1024;
/** Deeper JSON than this is refused before it is parsed (no document of the API nests past 10). */
export const MAX_JSON_DEPTH = 64;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What an HTML form or a `no-cors` fetch can send cross-site without a CORS preflight. */
const FORM_MEDIA_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

const APP_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers set on every answer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Host header → host name without port, lower case ('[::1]:8080' → '::1'). */
export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

export class HostPolicy {
  private readonly names: Set<string>;
  private readonly anyName: boolean;

  constructor(opts: GuardOptions) {
    const bound = (opts.host ?? '127.0.0.1').replace(/^\[|\]$/g, '').toLowerCase();
    this.names = new Set(['localhost', ...(opts.allowedHosts ?? []).map((h) => hostnameOf(h))]);
    if (!isIP(bound) && bound !== '') this.names.add(bound);
    // Off loopback, keys are required anyway; without a configured list every name is accepted.
    this.anyName = !isLoopback(bound) && (opts.allowedHosts ?? []).length === 0;
  }

  allows(hostHeader: string | undefined): boolean {
    // HTTP/1.0 clients send no Host; browsers always do.
    if (hostHeader === undefined) return true;
    const name = hostnameOf(hostHeader);
    return this.anyName || isIP(name) !== 0 || this.names.has(name);
  }
}

/** Whether `origin` may make a state-changing request that names `host`. */
export function originAllowed(origin: string, hostHeader: string | undefined, allowed: Set<string>): boolean {
  const o = origin.trim().toLowerCase().replace(/\/+$/, '');
  if (allowed.has(o)) return true;
  if (o === 'null' || hostHeader === undefined) return false;
  try {
    const u = new URL(o);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host === hostHeader.trim().toLowerCase();
  } catch {
    return false;
  }
}

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]!.trim().toLowerCase() || undefined;
}

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing it; stops past `max`. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) { if (++depth > max) return true; }
    else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** fastify constructor options: router and client errors in the API's JSON error shape. */
export function routerErrorOptions(): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  return {
    frameworkErrors: (err, _req, reply) => {
      const status = (err as { statusCode?: number }).statusCode ?? 400;
      void (reply as unknown as FastifyReply).code(status >= 400 && status < 500 ? status : 400).send({ error: 'bad-request', message: err.message });
    },
    clientErrorHandler: (err, socket) => {
      // Node's HTTP parser refused the request (unknown method, bad header, …): answer in JSON and close.
      if (!socket.writable) return socket.destroy();
      const code = (err as { code?: string }).code;
      const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify({ error: status === 431 ? 'headers-too-large' : 'bad-request', message: `malformed HTTP request (${code ?? 'client error'})` });
      socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n`
        + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${securityHeaderLines()}\r\n${body}`);
    },
  };
}

function securityHeaderLines(): string {
  return Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('');
}

/** Guards that must run before authentication (register first). */
export function registerRequestGuards(app: FastifyInstance, opts: GuardOptions): void {
  const hosts = new HostPolicy(opts);
  const origins = new Set((opts.allowedOrigins ?? []).map((o) => o.trim().toLowerCase().replace(/\/+$/, '')));

  app.addHook('onRequest', async (request) => {
    if (!hosts.allows(request.headers.host)) {
      throw new HttpError(421, 'host-not-allowed',
        `this server does not answer to host "${request.headers.host}" (a page that rebinds its DNS name to this machine names its own host); `
        + 'add the name with vigil serve --allowed-host NAME');
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!originAllowed(origin, request.headers.host, origins)) {
        throw new HttpError(403, 'cross-origin-refused',
          `a ${request.method} from origin ${origin} is refused: only this server's own pages (and origins given with vigil serve --allowed-origin) may change anything`);
      }
    } else {
      const site = request.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site') {
        throw new HttpError(403, 'cross-origin-refused', `a ${request.method} from another site is refused`);
      }
    }
    const media = mediaTypeOf(request.headers['content-type']);
    if (media && FORM_MEDIA_TYPES.has(media) && request.url.startsWith('/api/')) {
      throw new HttpError(415, 'unsupported-media-type',
        `Content-Type ${media} is refused: it is what an HTML form or another site's script can send without asking. `
        + 'Send application/json (or text/csv / application/octet-stream for files)');
    }
  });
}

/** Guards that need the caller (register after authentication): the small body limit for callers without a key. */
export function registerBodyGuards(app: FastifyInstance, opts: GuardOptions): void {
  const limit = opts.unauthenticatedBodyLimit ?? DEFAULT_UNAUTHENTICATED_BODY_LIMIT;
  app.addHook('preParsing', async (request, _reply, payload) => {
    const c = request.caller;
    if (c?.authenticated || c?.keyless) return payload;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw tooLargeUnauthenticated(limit);
    let seen = 0;
    const capped = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        if (seen > limit) done(tooLargeUnauthenticated(limit));
        else done(null, chunk);
      },
    });
    payload.on('error', (err) => capped.destroy(err));
    return payload.pipe(capped);
  });

  // JSON: refuse pathological nesting before parsing; otherwise fastify's own parser (with its
  // prototype-poisoning protection).
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      return done(new HttpError(400, 'invalid-json', `JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused`), undefined);
    }
    return json(request, body as string, done);
  });
}

function tooLargeUnauthenticated(limit: number): HttpError {
  return new HttpError(413, 'payload-too-large', `a request without a valid API key may carry at most ${limit} bytes (limit: unauthenticated body)`);
}

/** Security headers on every answer (the API's, the UI's, the docs'). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
      if (k === 'content-security-policy' && request.url.startsWith('/docs')) continue;
      if (!reply.hasHeader(k)) reply.header(k, v);
    }
    if (request.url.startsWith('/docs')) {
      // Swagger UI: its own scripts only, but inline styles and data: images.
      reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    }
    return payload;
  });
}

/**
 * The not-found handler's view of the routes: a path that exists under other methods answers 405
 * with `Allow`, not 404.
 */
export class RouteTable {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];
  private readonly byUrl = new Map<string, Set<string>>();

  add(url: string, method: string | string[]): void {
    let methods = this.byUrl.get(url);
    if (!methods) {
      methods = new Set();
      this.byUrl.set(url, methods);
      const source = url.split('/').map((seg) => {
        if (seg.startsWith(':')) return '[^/]+';
        if (seg === '*') return '.*';
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }).join('/');
      this.routes.push({ pattern: new RegExp(`^${source}$`), methods });
    }
    for (const m of Array.isArray(method) ? method : [method]) methods.add(m);
  }

  allowed(path: string): string[] {
    const out = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) for (const m of r.methods) out.add(m);
    return [...out].sort();
  }
}

export function methodNotAllowed(request: FastifyRequest, reply: FastifyReply, allow: string[]): FastifyReply {
  return reply.code(405).header('allow', allow.join(', ')).send({
    error: 'method-not-allowed',
    message: `${request.method} is not allowed on ${request.url.split('?')[0]}; allowed: ${allow.join(', ')}`,
  });
}
