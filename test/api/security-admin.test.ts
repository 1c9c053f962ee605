// Issue 16, rows "revoking the last key turns authentication off" and "admin acts leave no audit
// trail": the last admin key stays over HTTP (the CLI needs --force), and key and list changes are
// audit events with their actor, visible in `vigil audit list`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKey } from '../../src/api/keys.js';
import { cli, ROOT, startApi } from './support.js';

test('the last admin key cannot be revoked over HTTP, so auth cannot be turned off; with another admin it can', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  const admin = await createKey(api.vigil.store, 'admin');
  const reader = await createKey(api.vigil.store, 'reader');
  const self = await api.call('DELETE', `/api/keys/${admin.id}`, { key: admin.secret });
  assert.equal(self.status, 409, self.text);
  assert.equal(self.body.error, 'last-admin-key');
  // The attack of the issue: with the last key gone, a keyless POST /api/keys made a new admin.
  const grab = await api.call('POST', '/api/keys', { body: { role: 'admin' } });
  assert.equal(grab.status, 401);
  assert.equal((await api.call('GET', '/api/keys', { key: admin.secret })).status, 200, 'the admin key still works');
  // Revoking other keys is fine; and with a second admin, the first may go.
  assert.equal((await api.call('DELETE', `/api/keys/${reader.id}`, { key: admin.secret })).status, 200);
  const second = await api.call('POST', '/api/keys', { key: admin.secret, body: { role: 'admin', label: 'deputy' } });
  assert.equal(second.status, 201);
  assert.equal((await api.call('DELETE', `/api/keys/${admin.id}`, { key: second.body.secret })).status, 200);
  assert.equal((await api.call('DELETE', `/api/keys/${second.body.id}`, { key: second.body.secret })).status, 409);
  assert.equal((await api.call('POST', '/api/keys', { body: { role: 'admin' } })).status, 401);
});

test('key and list changes are audit events with their actor, shown by vigil audit list; the CLI revokes the last admin key only with --force', async (t) => {
  const api = await startApi(t, { authCacheMs: 0 });
  const admin = await createKey(api.vigil.store, 'admin', 'bootstrap', { actor: 'cli:tests' });
  const made = await api.call('POST', '/api/keys', { key: admin.secret, body: { role: 'reader', label: 'partner system' } });
  assert.equal(made.status, 201);
  assert.equal((await api.call('DELETE', `/api/keys/${made.body.id}`, { key: admin.secret })).status, 200);
  const file = readFileSync(join(ROOT, 'test/fixtures/lists/bis-dpl/dpl_2019-07-09.txt'));
  const imported = await fetch(`${api.url}/api/lists/import?format=bis-dpl&fileName=dpl_2019-07-09.txt`, {
    method: 'POST', body: file, headers: { authorization: `Bearer ${admin.secret}`, 'content-type': 'application/octet-stream' },
  });
  assert.equal(imported.status, 200);
  const snapshot = ((await imported.json()) as { snapshot: { id: number } }).snapshot.id;
  const refused = await fetch(`${api.url}/api/lists/import?format=bis-dpl&fileName=broken.txt`, {
    method: 'POST', body: 'not a list', headers: { authorization: `Bearer ${admin.secret}`, 'content-type': 'application/octet-stream' },
  });
  assert.ok(refused.status >= 400 && refused.status < 500, `a bad file is refused: ${refused.status}`);

  const env = { VIGIL_ACTOR: 'cli:operator' };
  const list = cli(['--db', api.db, 'audit', 'list', '--json', '--limit', '1000'], env);
  assert.equal(list.status, 0, list.stderr);
  const events = (JSON.parse(list.stdout) as { events: { action: string; actor: string; subject?: string; outcome?: string }[] }).events;
  const mine = events.filter((e) => e.action.startsWith('keys.') || e.action.startsWith('lists.'));
  const by = `bootstrap (${admin.id})`;
  assert.deepEqual(mine.map((e) => [e.action, e.actor, e.subject]), [
    ['keys.create', 'cli:tests', admin.id],
    ['keys.create', by, made.body.id],
    ['keys.revoke', by, made.body.id],
    ['lists.import', by, `snapshot:${snapshot}`],
    ['lists.import', by, 'format:bis-dpl'],
  ]);
  assert.match(mine[3]!.outcome ?? '', /^imported/);
  assert.match(mine[4]!.outcome ?? '', /^failed/);

  // The CLI: refused without --force (exit non-zero, nothing revoked), done with it, both audited.
  const no = cli(['--db', api.db, 'keys', 'revoke', admin.id, '--json'], env);
  assert.notEqual(no.status, 0);
  assert.match(no.stdout + no.stderr, /last active admin key/);
  const yes = cli(['--db', api.db, 'keys', 'revoke', admin.id, '--force', '--json'], env);
  assert.equal(yes.status, 0, yes.stderr);
  const after = JSON.parse(cli(['--db', api.db, 'audit', 'list', '--json', '--action', 'keys.revoke'], env).stdout).events;
  assert.equal(after.at(-1).actor, 'cli:operator');
  assert.match(after.at(-1).outcome, /last admin key, forced/);
});
