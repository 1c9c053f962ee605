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
