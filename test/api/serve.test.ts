// The real `vigil serve` and `vigil keys` processes: bind policy, keys round trip over the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli, serveCli, tempDir } from './support.js';
import { seededDb } from './seeded-db.js';

test('serve on a non-loopback address without API keys refuses to start', async (t) => {
  const db = join(tempDir(t), 'v.db');
  const r = await serveCli(t, ['--host', '0.0.0.0', '--port', '0'], { VIGIL_DB: db });
  assert.equal(r.url, undefined, 'must not listen');
  assert.equal(r.status, 3);
  // `vigil serve --json`: the refusal is one JSON error document on stdout.
  const doc = JSON.parse(r.stdout!) as { error: { code: string; message: string } };
  assert.equal(doc.error.code, 'no-api-keys');
  assert.match(doc.error.message, /refusing to serve on 0\.0\.0\.0 without API keys/);
  assert.match(doc.error.message, /vigil keys create/);
});

test('keys create/list/revoke round trip through the CLI; serve on 0.0.0.0 then requires the key', async (t) => {
  const db = await seededDb(t);
  const made = cli(['keys', 'create', '--role', 'reader', '--label', 'ci', '--json'], { VIGIL_DB: db });
  assert.equal(made.status, 0, made.stderr);
  const key = JSON.parse(made.stdout);
  assert.match(key.secret, /^vigil_[A-Za-z0-9_-]{40,}$/);
  assert.equal(key.role, 'reader');

  const listed = cli(['keys', 'list', '--json'], { VIGIL_DB: db });
  assert.equal(listed.status, 0, listed.stderr);
  const keys = JSON.parse(listed.stdout).keys;
  assert.equal(keys.length, 1);
  assert.equal(keys[0].id, key.id);
  assert.ok(!listed.stdout.includes(key.secret), 'list never shows the secret');

  const server = await serveCli(t, ['--host', '0.0.0.0', '--port', '0', '--db', db]);
  assert.ok(server.url, `serve started: ${server.stderr}`);
  const port = new URL(server.url!).port;
  const base = `http://127.0.0.1:${port}`;
  assert.equal((await fetch(`${base}/api/lists`)).status, 401);
  const ok = await fetch(`${base}/api/lists`, { headers: { authorization: `Bearer ${key.secret}` } });
  assert.equal(ok.status, 200);

  const revoked = cli(['keys', 'revoke', key.id, '--json'], { VIGIL_DB: db });
  assert.equal(revoked.status, 0, revoked.stderr);
  assert.equal(JSON.parse(revoked.stdout).revoked, true);
  const after = await fetch(`${base}/api/lists`, { headers: { authorization: `Bearer ${key.secret}` } });
  assert.equal(after.status, 401, 'a revoked key is refused by the running server');
  assert.equal(await server.stop(), 0, 'SIGTERM shuts down cleanly');
});

test('keys: bad role and unknown id are input errors (exit 2) naming the problem', async (t) => {
  const db = join(tempDir(t), 'v.db');
  const role = cli(['keys', 'create', '--role', 'root'], { VIGIL_DB: db });
  assert.equal(role.status, 2);
  assert.match(role.stderr, /--role: unknown role "root"/);
  const gone = cli(['keys', 'revoke', 'key_missing'], { VIGIL_DB: db });
  assert.equal(gone.status, 2);
  assert.match(gone.stderr, /no active API key with id key_missing/);
  const human = cli(['keys', 'create', '--role', 'admin'], { VIGIL_DB: db });
  assert.equal(human.status, 0);
  assert.match(human.stdout, /^vigil_\S+\n$/, 'humans get the bare secret on stdout');
  assert.match(human.stderr, /shown only now/);
});

test('serve on loopback with no keys answers without auth', async (t) => {
  const db = await seededDb(t);
  const server = await serveCli(t, ['--port', '0', '--db', db]);
  assert.ok(server.url, server.stderr);
  const health = await (await fetch(`${server.url}/api/health`)).json() as { status: string; store: string };
  assert.equal(health.store, 'sqlite');
  assert.equal((await fetch(`${server.url}/api/lists`)).status, 200);
});
