// API reads leave audit events: one per screening (group-committed under load, chain intact),
// one per batch, one per assessment, each naming the API key that asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKey } from '../../src/api/keys.js';
import { verifyAuditChain } from '../../src/cases/audit-trail.js';
import { startApi } from './support.js';

test('60 concurrent screenings leave 60 audit events in one unbroken chain, each with its caller', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  const a = await createKey(api.vigil.store, 'reader');
  const b = await createKey(api.vigil.store, 'reader');
  const before = (await api.vigil.store.listAudit()).length;
  const answers = await Promise.all(Array.from({ length: 60 }, (_, i) =>
    api.call('POST', '/api/screen', { key: i % 2 ? a.secret : b.secret, body: { name: `Party number ${i}` } })));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
  const events = (await api.vigil.store.listAudit()).slice(before).filter((e) => e.action === 'screen');
  assert.equal(events.length, 60);
  assert.equal(events.filter((e) => e.actor === `api-key:${a.id}`).length, 30);
  assert.equal(events.filter((e) => e.actor === `api-key:${b.id}`).length, 30);
  const seqs = events.map((e) => e.seq);
  assert.deepEqual(seqs, Array.from({ length: 60 }, (_, i) => seqs[0]! + i), 'no gaps');
  const verdict = await verifyAuditChain(api.vigil.store);
  assert.equal(verdict.ok, true, JSON.stringify(verdict));
});

test('a batch is one audit event; an anonymous local caller is recorded as such', async (t) => {
  const api = await startApi(t);
  const before = (await api.vigil.store.listAudit()).length;
  const r = await api.call('POST', '/api/screen', { body: { parties: [{ name: 'A B' }, { name: 'C D' }, { name: 'E F' }] } });
  assert.equal(r.status, 200);
  const events = (await api.vigil.store.listAudit()).slice(before);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.action, 'screen.batch');
  assert.equal(events[0]!.actor, 'api:anonymous');
  assert.match(events[0]!.outcome ?? '', /^3 rows/);
});

test('GET /api/audit: newest first with a `before` cursor, filters by action, subject and part of the actor, oldest-first paging unchanged', async (t) => {
  const api = await startApi(t, { authCacheMs: 0, rateLimit: false });
  const officer = await createKey(api.vigil.store, 'officer', 'IT desk');
  const other = await createKey(api.vigil.store, 'officer', 'Partner 100%_desk');
  for (let i = 0; i < 5; i++) assert.equal((await api.call('POST', '/api/screen', { key: officer.secret, body: { name: `Party ${i}` } })).status, 200);
  for (let i = 0; i < 2; i++) assert.equal((await api.call('POST', '/api/screen', { key: other.secret, body: { name: `Other ${i}` } })).status, 200);
  const all = await api.vigil.store.listAudit();
  const head = all.at(-1)!.seq;
  const get = async (q: string) => {
    const r = await api.call('GET', `/api/audit?${q}`, { key: officer.secret });
    assert.equal(r.status, 200, r.text);
    return r.body as { events: { seq: number; actor: string; action: string }[]; next?: { before?: number; after?: number } };
  };

  const p1 = await get('order=desc&limit=3');
  assert.deepEqual(p1.events.map((e) => e.seq), [head, head - 1, head - 2]);
  assert.deepEqual(p1.next, { before: head - 2 });
  const p2 = await get(`order=desc&limit=3&before=${p1.next!.before}`);
  assert.deepEqual(p2.events.map((e) => e.seq), [head - 3, head - 4, head - 5]);
  const last = await get(`order=desc&limit=100&before=${p2.next!.before}`);
  assert.equal(last.next, undefined, 'no cursor on the last page');
  assert.equal(p1.events.length + p2.events.length + last.events.length, all.length);

  const mine = await get('order=desc&actor=it%20DESK&action=screen');
  assert.equal(mine.events.length, 5);
  assert.ok(mine.events.every((e) => e.actor === `IT desk (${officer.id})`));
  // % and _ are matched as themselves, not as wildcards.
  assert.equal((await get(`actor=${encodeURIComponent('100%_d')}`)).events.length, 2);
  assert.equal((await get(`actor=${encodeURIComponent('1_0%')}`)).events.length, 0);
  assert.deepEqual((await get(`subject=${officer.id}`)).events.map((e) => e.action), ['keys.create'], 'the key\'s own creation');
  const keys = await get(`action=keys.create&order=desc`);
  assert.deepEqual(keys.events.map((e) => e.seq), all.filter((e) => e.action === 'keys.create').map((e) => e.seq).reverse());

  const asc = await get('limit=2');
  assert.deepEqual(asc.events.map((e) => e.seq), [1, 2]);
  assert.deepEqual(asc.next, { after: 2 });
  assert.equal((await api.call('GET', '/api/audit?order=sideways', { key: officer.secret })).status, 400);
});
