// Fuzzing the audit chain: two writer processes interleave appends (random counts and pauses) and
// one is SIGKILLed at a random moment. Afterwards `verifyAuditChain` passes and the chain holds
// every event a writer saw committed exactly once (and nothing twice) — on SQLite and PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { verifyAuditChain } from '../../src/cases/audit-trail.js';
import { openTestStore, storeBackends } from '../support/stores.js';
import { fuzzParams } from './support.js';

const child = fileURLToPath(new URL('./children/audit-acker.ts', import.meta.url));

function writer(target: string, count: number, tag: string, pause: number) {
  const p = spawn(process.execPath, ['--import', 'tsx', child, target, String(count), tag, String(pause)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => { onReady = r; });
  p.stdout.on('data', (d) => { out += d; if (out.startsWith('ready\n')) onReady(); });
  p.stderr.on('data', (d) => { err += d; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => p.on('exit', (code, signal) => { onReady(); resolve({ code, signal }); }));
  return { p, ready, done, acked: () => out.split('\n').filter((l) => l.includes(':')), stderr: () => err };
}

for (const b of await storeBackends()) {
  describe(`audit chain under concurrent writers and SIGKILL (${b.kind})`, { skip: b.skip }, () => {
    test('the chain verifies and holds every committed event exactly once', async (t) => {
      await fc.assert(fc.asyncProperty(
        fc.integer({ min: 5, max: 40 }), fc.integer({ min: 5, max: 40 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 400 }), fc.constantFrom(0, 1),
        async (countA, countB, pauseA, pauseB, killAfterMs, victim) => {
          const target = await b.target(t);
          // Migrate first, so that both writers are appending (not migrating) when the kill comes.
          const store = await openTestStore(t, target);
          const arg = JSON.stringify(target);
          const ws = [writer(arg, countA, 'a', pauseA), writer(arg, countB, 'b', pauseB)];
          await Promise.all(ws.map((w) => w.ready));
          await new Promise((r) => setTimeout(r, killAfterMs));
          ws[victim]!.p.kill('SIGKILL');
          const exits = await Promise.all(ws.map((w) => w.done));
          const survivor = ws[1 - victim]!;
          assert.equal(exits[1 - victim]!.code, 0, survivor.stderr());

          const verified = await verifyAuditChain(store);
          assert.ok(verified.ok, JSON.stringify(verified));
          const events = (await store.listAudit({ limit: 100_000 })).filter((e) => e.action === 'test.append');
          const keys = events.map((e) => `${(e.detail as { tag: string }).tag}:${(e.detail as { i: number }).i}`);
          assert.equal(new Set(keys).size, keys.length, 'no event twice');
          for (const w of ws) for (const k of w.acked()) assert.ok(keys.includes(k), `committed event ${k} is in the chain`);
          // The survivor wrote everything; the victim a prefix of its events, in order.
          assert.equal(keys.filter((k) => k.startsWith(survivor === ws[0] ? 'a:' : 'b:')).length, survivor === ws[0] ? countA : countB);
          const victimTag = victim === 0 ? 'a' : 'b';
          const victimKeys = keys.filter((k) => k.startsWith(`${victimTag}:`));
          assert.deepEqual(victimKeys, victimKeys.map((_, i) => `${victimTag}:${i}`), 'the killed writer left a gap-free prefix');
        },
      ), fuzzParams(3));
    });
  });
}
