// /api/parties and /api/alerts over real HTTP on loopback, with API keys: an officer registers
// parties, an EU list import raises an alert, the officer reviews it; a reader key is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createKey } from '../../src/api/keys.js';
import { importList } from '../../src/lists/import.js';
import { startApi } from '../api/support.js';

const EU = fileURLToPath(new URL('../fixtures/lists/eu-fsf/fsf_xml_1_1_sample.xml', import.meta.url));

test('officer: register parties, list alerts after a list import, review one (audited with the key); reader: 403', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  const officer = await createKey(api.vigil.store, 'officer', 'test officer');
  const reader = await createKey(api.vigil.store, 'reader', 'test reader');

  const denied = await api.call('GET', '/api/parties', { key: reader.secret });
  assert.equal(denied.status, 403, denied.text);
  const bad = await api.call('POST', '/api/parties', { key: officer.secret, body: { name: 'X', country: 'Italy' } });
  assert.equal(bad.status, 400, bad.text);
  // A name without letters cannot be screened: refused at registration, naming the field; nothing registered.
  const digits = await api.call('POST', '/api/parties', { key: officer.secret, body: { name: '12345' } });
  assert.equal(digits.status, 400, digits.text);
  assert.equal(digits.body.where, 'body.name', digits.text);
  const second = await api.call('POST', '/api/parties', { key: officer.secret, body: { parties: [{ name: 'Acme Tools Ltd' }, { name: '-- / --' }] } });
  assert.equal(second.status, 400, second.text);
  assert.equal(second.body.where, 'body.parties[1].name', second.text);
  assert.equal((await api.call('GET', '/api/parties', { key: officer.secret })).body.total, 0);

  const one = await api.call('POST', '/api/parties', { key: officer.secret, body: { name: 'Korea Mining Development Trading Corp', type: 'organization', externalRef: 'S-1' } });
  assert.equal(one.status, 201, one.text);
  const many = await api.call('POST', '/api/parties', { key: officer.secret, body: { parties: [{ name: 'Acme Tools Ltd' }, { name: 'Libyan Investment Authority', type: 'organization', tags: ['ly'] }] } });
  assert.equal(many.status, 201, many.text);
  const listed = await api.call('GET', '/api/parties?limit=10', { key: officer.secret });
  assert.equal(listed.body.total, 3);

  // No list was active: no alerts yet. The EU list is imported (as `vigil lists import` does).
  assert.equal((await api.call('GET', '/api/alerts', { key: officer.secret })).body.alerts.length, 0);
  const r = await importList(api.vigil.store, { format: 'eu', path: EU });
  assert.equal(r.rescreen?.created, 2, JSON.stringify(r.rescreen));
  const alerts = await api.call('GET', '/api/alerts?status=open', { key: officer.secret });
  assert.equal(alerts.status, 200);
  assert.equal(alerts.body.open, 2);
  const komid = (alerts.body.alerts as { id: string; entityId: string }[]).find((a) => a.entityId === 'eu:90004')!;
  assert.ok(komid);

  const noReason = await api.call('POST', `/api/alerts/${komid.id}/review`, { key: officer.secret, body: { decision: 'false-positive' } });
  assert.equal(noReason.status, 400, noReason.text);
  const ok = await api.call('POST', `/api/alerts/${komid.id}/review`, { key: officer.secret, body: { decision: 'true-match' } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.alert.status, 'true-match');
  assert.equal(ok.body.alert.reviews[0].actor, `test officer (${officer.id})`);
  assert.equal((await api.call('POST', '/api/alerts/A-nope/review', { key: officer.secret, body: { decision: 'true-match' } })).status, 404);

  const party = await api.call('GET', '/api/parties/S-1', { key: officer.secret });
  assert.equal(party.status, 200);
  assert.deepEqual(party.body.alerts.map((a: { status: string }) => a.status), ['true-match']);
  const events = (await api.vigil.store.listAudit()).filter((e) => e.action === 'alert.review');
  assert.deepEqual(events.map((e) => e.actor), [`test officer (${officer.id})`]);

  const del = await api.call('DELETE', `/api/parties/${one.body.party.id}`, { key: officer.secret });
  assert.equal(del.status, 200, del.text);
  assert.equal((await api.call('DELETE', `/api/parties/${one.body.party.id}`, { key: officer.secret })).status, 404);
});
