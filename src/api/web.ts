// The browser UI: web/dist served at /, with index.html for client-side routes (any GET that asks
// for HTML and is not under /api/). When the UI is not built, / says how to build it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../app/paths.js';

export function defaultWebRoot(): string {
  return join(packageRoot(), 'web', 'dist');
}

/** Returns a handler for GETs of unknown paths that want HTML (the single-page app's routes). */
export async function registerWeb(app: FastifyInstance, root: string | null): Promise<(req: FastifyRequest, reply: FastifyReply) => unknown> {
  if (root && existsSync(join(root, 'index.html'))) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      // '/' is our own route below: @fastify/static's index handling 404s on '/' when serving
      // pre-compressed files to a client that accepts them.
      index: false,
      // build-web writes .br and .gz beside each asset; serve those to clients that accept them.
      preCompressed: true,
      // Our own Cache-Control (below) instead of send's default max-age=0.
      cacheControl: false,
      setHeaders: (res, path) => {
        // Vite puts a content hash in every asset name; index.html must always be fresh.
        res.setHeader('cache-control', path.includes(`${join('dist', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const shell = (_req: FastifyRequest, reply: FastifyReply) => reply.type('text/html; charset=utf-8').sendFile('index.html');
    app.get('/', { schema: { hide: true } }, shell);
    return shell;
  }
  const page = `<!doctype html><meta charset="utf-8"><title>Vigil</title><body style="font-family:sans-serif">
<h1>Vigil</h1><p>The web interface is not built. Run <code>npm run build:web</code> and restart <code>vigil serve</code>.</p>
<p>The API is running: see <a href="/docs">/docs</a> and <a href="/openapi.json">/openapi.json</a>.</p></body>`;
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
  return (_req, reply) => reply.type('text/html; charset=utf-8').send(page);
}

export function wantsHtml(req: FastifyRequest): boolean {
  if (req.method !== 'GET' || req.url.startsWith('/api/') || req.url === '/api') return false;
  return (req.headers.accept ?? '').includes('text/html');
}
