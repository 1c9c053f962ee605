// A delta re-screening job killed mid-way (SIGKILL of the child process running it, after two of
// its pages) is carried on by a second process from its checkpoint: the alerts are exactly those
// of an uninterrupted screening, none twice, and the list change has one audit event with counts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ListEntry, RegisteredParty } from '../../src/model/index.js';
import { queueRescreen, runRescreenJob } from '../../src/jobs/rescreen.js';
import { ScreeningIndex } from '../../src/screening/index.js';
import { screenParties } from '../../src/screening/parties.js';
import { openTestStore, storeBackends } from '../support/stores.js';

const CHILD = fileURLToPath(new URL('./children/rescreen.ts', import.meta.url));

const LISTED = [
  'Khamis Muammar Qadhafi', 'Korea Mining Development Trading Corporation', 'Changgwang Sinyong Corporation', 'Roman Arkadyevich Abramovich',
  'Libyan Investment Authority', 'Abdulqader Mohammed Al-Baghdadi', 'Tornado Cargo Airlines', 'Ivan Petrovich Sidorenko',
];
const entry = (i: number, name: string): ListEntry => ({
  id: `test:${i}`, source: 'test', list: 'Test List', sourceId: String(i), type: /Corporation|Authority|Airlines/.test(name) ? 'organization' : 'person',
  names: [{ name, kind: 'primary' }], countries: [], programs: ['TEST'], birthDates: [], identifiers: [], addresses: [],
});
const OTHERS = ['Officine Rossi', 'Bianchi Trasporti', 'Anna Maria Verdi', 'Meccanica Lombarda', 'Hans Weber', 'Giulia Costa', 'Nordic Optics', 'Elena Ferrari'];

function runChild(target: object, jobId: string, stopAfter: number): Promise<{ lines: string[]; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    // A one-second lease: the second process takes the dead one's job over after a second, not a minute.
    const env = { ...process.env, VIGIL_RESCREEN_LEASE_SECONDS: '1' };
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(target), jobId, String(stopAfter)], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const lines: string[] = [];
    let err = '';
    let buf = '';
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        lines.push(buf.slice(0, i));
        buf = buf.slice(i + 1);
        if (stopAfter > 0 && lines.filter((l) => l.startsWith('page ')).length === stopAfter) p.kill('SIGKILL');
      }
    });
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('error', reject);
    p.on('exit', (code, signal) => (code && code !== 0 ? reject(new Error(`child exited ${code}: ${err}`)) : resolve({ lines, code, signal })));
  });
}

for (const b of await storeBackends()) {
  describe(`killed re-screening job (${b.kind})`, { skip: b.skip }, () => {
    test('SIGKILL after two pages, a second process resumes: the same alerts as one run, none twice, one audit event', async (t) => {
      const target = await b.target(t);
      const store = await openTestStore(t, target);
      const staged = await store.createSnapshot({ source: 'test', format: 'test', listDate: '2026-11-01', sha256: randomUUID(), fileName: 'test.json' });
      await store.addEntries(staged.id, LISTED.map((n, i) => entry(i, n)));
      const snap = await store.activateSnapshot(staged.id);
      const now = new Date().toISOString();
      // 48 parties: every sixth is a listed name as a customer file would spell it.
      const parties: RegisteredParty[] = Array.from({ length: 48 }, (_, i) => ({
        id: `P-${String(i).padStart(3, '0')}`, name: i % 6 === 0 ? LISTED[i / 6]!.toUpperCase() : `${OTHERS[i % 8]} ${i}`, tags: [], createdAt: now,
      }));
      await store.putParties(parties);
      const expected = screenParties(ScreeningIndex.build(LISTED.map((n, i) => entry(i, n)), [snap]), parties).found
        .map((f) => `${f.party.id} ${f.hit.entityId}`).sort();
      assert.ok(expected.length >= 8, expected.join('\n'));

      const jobId = await queueRescreen(store, undefined, snap, 'test');
      const killed = await runChild(target, jobId, 2);
      assert.equal(killed.signal, 'SIGKILL');
      const halfway = await store.getJob(jobId);
      assert.equal(halfway?.status, 'running');
      assert.equal(halfway?.chunksDone, 2, 'the checkpoint holds the two pages written');
      const partial = (await store.listAlerts({ limit: 1000 })).length;
      assert.ok(partial > 0 && partial < expected.length, `${partial} of ${expected.length} alerts before the kill`);
      assert.equal((await store.listAudit()).filter((e) => e.action === 'parties.rescreen').length, 0);

      const resumed = await runChild(target, jobId, 0);
      const done = JSON.parse(resumed.lines.at(-1)!).done;
      assert.equal(resumed.lines.filter((l) => l.startsWith('page ')).length, 8, 'pages 3 to 10 only');
      assert.equal(done.created, expected.length);
      const alerts = await store.listAlerts({ limit: 1000 });
      assert.deepEqual(alerts.map((a) => `${a.partyId} ${a.entityId}`).sort(), expected);
      assert.equal((await store.getJob(jobId))?.status, 'done');
      const events = (await store.listAudit()).filter((e) => e.action === 'parties.rescreen');
      assert.equal(events.length, 1);
      assert.equal((events[0]!.detail as { created: number; screened: number }).created, expected.length);
      assert.equal((events[0]!.detail as { created: number; screened: number }).screened, 48);

      // Running the finished job again does nothing.
      const again = await runChild(target, jobId, 0);
      assert.deepEqual(JSON.parse(again.lines.at(-1)!), {});
    });

    test('two processes asked to run the same job at once: one runs it, the other waits for it; one audit event', async (t) => {
      const target = await b.target(t);
      const store = await openTestStore(t, target);
      const other = await openTestStore(t, target);
      const staged = await store.createSnapshot({ source: 'test', format: 'test', listDate: '2026-11-01', sha256: randomUUID(), fileName: 'test.json' });
      await store.addEntries(staged.id, LISTED.map((n, i) => entry(i, n)));
      const snap = await store.activateSnapshot(staged.id);
      const now = new Date().toISOString();
      await store.putParties(Array.from({ length: 48 }, (_, i) => ({ id: `P-${String(i).padStart(3, '0')}`, name: i % 6 === 0 ? LISTED[i / 6]! : `${OTHERS[i % 8]} ${i}`, tags: [], createdAt: now })));
      const jobId = await queueRescreen(store, undefined, snap, 'test');
      let active = 0;
      let most = 0;
      const page = async () => {
        most = Math.max(most, ++active);
        await new Promise((r) => setTimeout(r, 20)); // let the other run try to take the job mid-way
        active--;
      };
      const runs = await Promise.all([store, other].map((s) => runRescreenJob(s, jobId, { pageSize: 5, afterPage: page, leaseMs: 5000 })));
      assert.equal(runs.filter((r) => r !== undefined).length, 1, 'exactly one of the two ran the job');
      assert.equal(most, 1, 'never two pages in flight');
      assert.equal((await store.getJob(jobId))?.status, 'done');
      assert.equal((await store.listAudit()).filter((e) => e.action === 'parties.rescreen').length, 1);
    });
  });
}
