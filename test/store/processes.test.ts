// The store across processes: concurrent audit writers keep one linear chain; a process killed
// inside a transaction leaves nothing half-written; a subscribed CLI process still exits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENESIS_HASH, auditHash } from '../../src/store/audit-hash.js';
import type { OpenStoreOptions } from '../../src/store/open.js';
import { openTestStore, storeBackends, tempDir } from '../support/stores.js';
import { newSnapshot } from './helpers.js';

const child = (name: string) => fileURLToPath(new URL(`./children/${name}.ts`, import.meta.url));

function spawnChild(name: string, args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', child(name), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

type Exit = { code: number | null; stdout: string; stderr: string; ms: number };

/** Run a child; with `readyLine`, also resolve `ready` once it prints that line. */
function run(name: string, args: string[], timeoutMs: number, readyLine: string): { ready: Promise<void>; done: Promise<Exit> };
function run(name: string, args: string[], timeoutMs?: number): Promise<Exit>;
function run(name: string, args: string[], timeoutMs = 60_000, readyLine?: string): Promise<Exit> | { ready: Promise<void>; done: Promise<Exit> } {
  const started = Date.now();
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => { onReady = r; });
  const done = new Promise<Exit>((resolve, reject) => {
    const p = spawnChild(name, args);
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; if (readyLine && stdout.includes(readyLine)) onReady(); });
    p.on('exit', () => onReady());
    p.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { p.kill('SIGKILL'); reject(new Error(`${name} did not exit within ${timeoutMs} ms\n${stderr}`)); }, timeoutMs);
    p.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, ms: Date.now() - started }); });
  });
  return readyLine === undefined ? done : { ready, done };
}

const targetArg = (t: OpenStoreOptions) => JSON.stringify(t);

for (const b of await storeBackends()) {
  describe(`store across processes (${b.kind})`, { skip: b.skip }, () => {
    test('4 processes appending 50 audit events each keep one linear, verifiable chain', async (t) => {
      const target = await b.target(t);
      const writers = 4;
      const each = 50;
      // No migrate beforehand: the writers race to migrate too. Then they wait at a start line (a
      // file) so that all four append at once.
      const start = join(tempDir(t), 'start');
      const running = Array.from({ length: writers }, (_, w) => run('audit-writer', [targetArg(target), String(each), `w${w}`, start], 60_000, 'ready\n'));
      await Promise.all(running.map((r) => r.ready));
      writeFileSync(start, '');
      const results = await Promise.all(running.map((r) => r.done));
      for (const r of results) assert.equal(r.code, 0, r.stderr);

      const store = await openTestStore(t, target);
      const events = await store.listAudit();
      assert.equal(events.length, writers * each);
      events.forEach((e, i) => {
        assert.equal(e.seq, i + 1);
        assert.equal(e.prevHash, i === 0 ? GENESIS_HASH : events[i - 1].hash, `link at seq ${e.seq}`);
        const { hash, ...rest } = e;
        assert.equal(auditHash(rest), hash, `hash at seq ${e.seq}`);
      });
      const seen = new Set(events.map((e) => JSON.stringify(e.detail)));
      assert.equal(seen.size, writers * each, 'every event exactly once');
      // The writers really interleaved (otherwise this test would prove little): four fully serial
      // writers switch exactly writers - 1 = 3 times; started together they switch far more often.
      const switches = events.filter((e, i) => i > 0 && e.subject !== events[i - 1].subject).length;
      assert.ok(switches >= 2 * writers, `only ${switches} writer switches: the writers ran (nearly) one after another`);
    });

    test('a process SIGKILLed inside a transaction leaves nothing half-written', async (t) => {
      const target = await b.target(t);
      const store = await openTestStore(t, target);
      const staged = await store.createSnapshot(newSnapshot('un'));

      const p = spawnChild('crash-in-transaction', [targetArg(target), String(staged.id)]);
      let stderr = '';
      p.stderr.on('data', (d) => { stderr += d; });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => p.on('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        let out = '';
        p.stdout.on('data', (d) => {
          out += d;
          if (out.includes('in-transaction')) resolve();
        });
        p.on('exit', () => reject(new Error(`child exited before its transaction was open:\n${stderr}`)));
      });
      p.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');

      assert.equal(await store.getCase('crash-case'), undefined);
      assert.deepEqual(await store.listAudit(), []);
      assert.equal(await store.getMeta('crash'), undefined);
      assert.equal((await store.getSnapshot(staged.id))?.entryCount, 0);
      // The dead writer's locks are gone: the chain starts afresh and the snapshot can be used.
      const first = await store.appendAudit({ actor: 'officer', action: 'after.crash' });
      assert.equal(first.seq, 1);
      assert.equal(first.prevHash, GENESIS_HASH);
      await store.activateSnapshot(staged.id);
    });

    test('a process subscribed to snapshot changes still exits by itself', async (t) => {
      const target = await b.target(t);
      const r = await run('subscribe-and-exit', [targetArg(target)], 20_000);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /subscribed/);
    });
  });
}
