// `vigil worker` refuses clearly when it has nothing to work on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './support.js';

function vigil(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.VIGIL_DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...base, ...env }, timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('vigil worker without a database URL exits 2 naming --database-url (under --json as one error document on stdout)', () => {
  const r = vigil(['worker']);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /--database-url: a worker needs the PostgreSQL database/);
  const j = vigil(['worker', '--json']);
  assert.equal(j.status, 2, j.stderr);
  assert.equal(j.stderr, '');
  assert.equal(JSON.parse(j.stdout).error.path, '--database-url');
});

test('vigil worker with a bad --concurrency exits 2 naming the option', () => {
  const r = vigil(['worker', '--concurrency', '0'], { VIGIL_DATABASE_URL: 'postgres://127.0.0.1:1/none' });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--concurrency: expected an integer from 1 to 64, got "0"/);
});
