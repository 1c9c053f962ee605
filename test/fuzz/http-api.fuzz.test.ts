// Fuzzing the HTTP API: every route with malformed JSON, wrong content types, oversized bodies,
// generated bodies, missing, unknown and wrong-role keys. The answer is always a documented
// status with a JSON error body — never a 500 — and a key never reads what its role may not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createKey } from '../../src/api/keys.js';
import { seededDb } from '../api/seeded-db.js';
import { startApi } from '../api/support.js';
import { fuzzParams } from './support.js';

const ROUTES: [string, string][] = [
  ['POST', '/api/assess'], ['GET', '/api/health'], ['POST', '/api/compare'], ['POST', '/api/screen'],
  ['GET', '/api/lists'], ['GET', '/api/lists/snapshots'], ['POST', '/api/lists/import'], ['POST', '/api/lists/update'],
  ['GET', '/api/cases'], ['POST', '/api/cases'], ['GET', '/api/cases/{id}'], ['POST', '/api/cases/expire-due'],
  ['POST', '/api/cases/{id}/assess'], ['POST', '/api/cases/{id}/transitions'], ['POST', '/api/cases/{id}/consultations'],
  ['POST', '/api/cases/{id}/consultations/{id}/response'], ['POST', '/api/cases/{id}/shipments'], ['POST', '/api/cases/{id}/replay'],
  ['GET', '/api/denials'], ['GET', '/api/denials/export'], ['POST', '/api/denials/import'],
  ['GET', '/api/keys'], ['POST', '/api/keys'], ['DELETE', '/api/keys/{id}'],
  ['GET', '/api/audit'], ['GET', '/api/audit/verify'],
  ['POST', '/api/jobs/screen'], ['GET', '/api/jobs/{id}'], ['GET', '/api/jobs/{id}/results'], ['GET', '/api/classify'],
];

/** The least role each route needs (src/api/routes: requireRole). */
function neededRole(route: string): 'none' | 'reader' | 'officer' | 'admin' {
  if (route === '/api/health') return 'none';
  if (/^\/api\/(keys|lists\/import|lists\/update)/.test(route)) return 'admin';
  if (/^\/api\/(cases|denials|audit)/.test(route)) return 'officer';
  return 'reader';
}
const RANK = { none: 0, reader: 1, officer: 2, admin: 3 } as const;

const DOCUMENTED = new Set([200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503]);

async function fuzzApi(t: { after(fn: () => unknown): void }, checkRoles: boolean): Promise<void> {
  const api = await startApi(t, { db: await seededDb(t), rateLimit: false });
  const keys = {
    reader: (await createKey(api.vigil.store, 'reader')).secret,
    officer: (await createKey(api.vigil.store, 'officer')).secret,
    admin: (await createKey(api.vigil.store, 'admin')).secret,
  };
  const body = fc.oneof(
    fc.constant(undefined),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('{', '{"name":', '[1,2', 'null', '""', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', 'name\nAcme\n'),
    fc.record({ name: fc.string({ maxLength: 30 }), country: fc.string({ maxLength: 4 }), threshold: fc.oneof(fc.double(), fc.string()) }).map((v) => JSON.stringify(v)),
    fc.integer({ min: 1_100_000, max: 1_300_000 }).map((n) => JSON.stringify({ name: 'x'.repeat(n) })),
  );
  const contentType = fc.constantFrom(undefined, 'application/json', 'text/csv', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1');
  const key = fc.constantFrom(undefined, 'reader', 'officer', 'admin', 'bogus', 'Bearer', '');
  const id = fc.oneof(fc.constantFrom('x', '01a00000-0000-7000-8000-000000000000', '..%2F..%2Fetc%2Fpasswd', '%00', 'IT-2026-0001'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).map(encodeURIComponent));
  const query = fc.constantFrom('', '?q=', '?q=camera', '?asOf=1850-01-01', '?threshold=2', '?limit=-1', '?after=x', '?partial=maybe', '?q=%FF');
  const seen = new Map<number, number>();
  await fc.assert(fc.asyncProperty(fc.constantFrom(...ROUTES), body, contentType, key, id, query, async ([method, route], b, type, k, pid, q) => {
    const path = route.replaceAll('{id}', pid) + q;
    const headers: Record<string, string> = {};
    if (type && b !== undefined && method !== 'GET' && method !== 'DELETE') headers['content-type'] = type;
    if (k !== undefined) headers.authorization = k in keys ? `Bearer ${keys[k as keyof typeof keys]}` : `Bearer ${k}`;
    const res = await fetch(api.url + path, { method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : b });
    const text = await res.text();
    seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
    assert.ok(res.status < 500, `${method} ${path} (${type}, key ${k}): ${res.status} ${text.slice(0, 300)}`);
    assert.ok(DOCUMENTED.has(res.status), `${method} ${path}: undocumented status ${res.status}`);
    if (res.status >= 400) {
      let doc: unknown;
      assert.doesNotThrow(() => { doc = JSON.parse(text); }, `${method} ${path}: a JSON error body, got ${text.slice(0, 200)}`);
      assert.equal(typeof (doc as { error?: unknown }).error, 'string', `${method} ${path}: ${text.slice(0, 200)}`);
    }
    if (!checkRoles) return;
    // Roles: a key below the route's role is refused (403), and an unknown key is never answered.
    // The one refusal allowed before them is the cross-site media-type guard (src/api/guard.ts runs it
    // before authentication, by design: it reads nothing): a form media type — which fetch sends as
    // text/plain for a string body without a Content-Type — gets 415 whoever calls; and an address that
    // failed authentication too often gets 429 (the failed-authentication limiter runs before the role guard).
    const need = RANK[neededRole(route)];
    const sentType = headers['content-type'] ?? (typeof b === 'string' && method !== 'GET' && method !== 'DELETE' ? 'text/plain' : undefined);
    const formType = sentType !== undefined && /^(text\/plain|application\/x-www-form-urlencoded|multipart\/form-data)\b/.test(sentType);
    const guarded = (status: number) => status === 404 || status === 405 || status === 429 || (formType && status === 415);
    if (k !== undefined && k in keys && RANK[k as keyof typeof keys] < need) {
      assert.ok(res.status === 403 || guarded(res.status), `${method} ${path}: key ${k} below the route's role got ${res.status}`);
    }
    if (k !== undefined && !(k in keys) && need > 0) {
      assert.ok(res.status === 401 || guarded(res.status), `${method} ${path}: unknown key ${JSON.stringify(k)} got ${res.status}`);
    }
  }), fuzzParams(300));
  assert.ok((seen.get(400) ?? 0) > 0 && (seen.get(401) ?? 0) > 0, JSON.stringify([...seen]));
}

test('HTTP API: malformed requests on every route get a documented status and a JSON error, never a 500', (t) => fuzzApi(t, false));

test('HTTP API: a key below the route\'s role is refused with 403 whatever the body, an unknown key with 401',
  (t) => fuzzApi(t, true));
