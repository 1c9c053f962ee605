// Two processes record a shipment at the same moment against a licence with room for one: exactly
// one is accepted, the other refused as exceeding the licence — on SQLite and on PostgreSQL. The
// guard is the case version check in changeCase/updateCase (a lost race re-reads and re-checks).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vigil } from '../../src/app/vigil.js';
import { CaseService } from '../../src/cases/index.js';
import { storeBackends, tempDir } from '../support/stores.js';
import { OFFICER, fixtureTx, seedLists } from './helpers.js';

const child = fileURLToPath(new URL('./children/ship.ts', import.meta.url));

function shipper(args: string[]): { ready: Promise<void>; done: Promise<{ code: number | null; out: string; err: string }> } {
  const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => { onReady = r; });
  p.stdout.on('data', (d) => { out += d; if (out.includes('ready\n')) onReady(); });
  p.stderr.on('data', (d) => { err += d; });
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => p.on('exit', (code) => { onReady(); resolve({ code, out, err }); }));
  return { ready, done };
}

for (const b of await storeBackends()) {
  describe(`shipment race across processes (${b.kind})`, { skip: b.skip }, () => {
    test('two concurrent shipments against a licence with room for one: exactly one accepted', async (t) => {
      const target = await b.target(t);
      const vigil = await Vigil.open({ ...target, bundled: false });
      await seedLists(vigil.store);
      const svc = new CaseService(vigil);
      const tx = fixtureTx('it-thermal-cameras-ly.json');
      const c = await svc.create(tx, 'Officine Esempio', OFFICER, { submit: true });
      await svc.assess(c.id, OFFICER);
      const approved = await svc.transition(c.id, { to: 'approved', reason: 'verified', issuedAt: '2026-01-10', validUntil: '2026-12-31' }, OFFICER);
      const licensed = approved.licence!.items[0]!.quantity!;
      await vigil.close();
      // Each asks for more than half of the licensed quantity: both fit alone, not together.
      const each = Math.floor(licensed / 2) + 1;
      const start = join(tempDir(t), 'start');
      const kids = [0, 1].map(() => shipper([JSON.stringify(target), c.id, start, String(each)]));
      await Promise.all(kids.map((k) => k.ready));
      writeFileSync(start, '');
      const results = await Promise.all(kids.map((k) => k.done));
      for (const r of results) assert.equal(r.code, 0, r.err);
      const outcomes = results.map((r) => JSON.parse(r.out.trim().split('\n').pop()!) as { accepted: boolean; code?: string });
      assert.equal(outcomes.filter((o) => o.accepted).length, 1, JSON.stringify(outcomes));
      assert.deepEqual(outcomes.filter((o) => !o.accepted).map((o) => o.code), ['exceeds-licence']);

      const check = await Vigil.open({ ...target, bundled: false });
      t.after(() => check.close());
      const stored = await new CaseService(check).get(c.id);
      assert.equal(stored.shipments!.length, 1);
      assert.equal(stored.shipments![0]!.lines[0]!.quantity, each);
    });
  });
}
