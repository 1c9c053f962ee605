// The store contract, run unchanged against every backend (SQLite and PostgreSQL).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { VigilRefusal } from '../../src/model/errors.js';
import { GENESIS_HASH, auditHash } from '../../src/store/audit-hash.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open.js';
import { openTestStore, rawSql, storeBackends } from '../support/stores.js';
import { caseRecord, entries, entry, newSnapshot } from './helpers.js';

for (const b of await storeBackends()) {
  describe(`store (${b.kind})`, { skip: b.skip }, () => {
    describe('migrations', () => {
      test('migrate is idempotent and records the schema version', async (t) => {
        const target = await b.target(t);
        const store = await openTestStore(t, target);
        await store.migrate();
        await store.migrate();
        const rows = await rawSql(target, 'SELECT version FROM schema_version ORDER BY version');
        assert.deepEqual(rows.map((r) => Number(r.version)), Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
        assert.equal(store.kind, b.kind);
      });

      test('several instances migrating at once are safe', async (t) => {
        const target = await b.target(t);
        const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(target)));
        t.after(() => Promise.all(stores.map((s) => s.close())));
        await Promise.all(stores.map((s) => s.migrate()));
        await stores[0].setMeta('k', 'v');
        assert.equal(await stores[3].getMeta('k'), 'v');
        const rows = await rawSql(target, 'SELECT COUNT(*) AS n FROM schema_version');
        assert.equal(Number(rows[0].n), LATEST_SCHEMA_VERSION);
      });

      test('refuses a database whose schema is newer than the code', async (t) => {
        const target = await b.target(t);
        await openTestStore(t, target);
        await rawSql(target, 'INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [
          LATEST_SCHEMA_VERSION + 1, 'from-the-future', new Date().toISOString(),
        ]);
        const store = await openStore(target);
        t.after(() => store.close());
        await assert.rejects(store.migrate(), (err: unknown) => {
          assert.ok(err instanceof VigilRefusal);
          assert.equal(err.code, 'schema-too-new');
          assert.match(err.message, new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}, newer than`));
          return true;
        });
      });
    });

    describe('snapshots', () => {
      test('staged entries are invisible; activation supersedes the previous snapshot, which is kept', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const first = await store.createSnapshot(newSnapshot('un', '2026-01-01'));
        assert.equal(first.status, 'staged');
        await store.addEntries(first.id, entries('un', 1, 3));
        await store.addEntries(first.id, entries('un', 4, 2));
        assert.deepEqual(await store.loadEntries([first.id]), [], 'a staged snapshot is never read');
        assert.deepEqual(await store.activeSnapshots(), []);

        const active = await store.activateSnapshot(first.id);
        assert.equal(active.status, 'active');
        assert.equal(active.entryCount, 5);
        assert.equal(active.nameCount, 10);
        assert.ok(active.activatedAt);
        assert.deepEqual(await store.loadEntries([first.id]), entries('un', 1, 5), 'round trip, insertion order');

        const second = await store.createSnapshot(newSnapshot('un', '2026-02-27'));
        await store.addEntries(second.id, entries('un', 100, 2));
        assert.deepEqual((await store.activeSnapshots()).map((s) => s.id), [first.id]);
        await store.activateSnapshot(second.id);

        assert.deepEqual((await store.activeSnapshots()).map((s) => s.id), [second.id]);
        assert.equal((await store.getSnapshot(first.id))?.status, 'superseded');
        assert.deepEqual(await store.loadEntries([first.id]), entries('un', 1, 5), 'superseded entries are kept');
        assert.deepEqual(
          (await store.loadEntries([second.id, first.id])).map((e) => e.id),
          ['un:100', 'un:101', 'un:1', 'un:2', 'un:3', 'un:4', 'un:5'],
          'snapshots in the order asked',
        );
        await assert.rejects(store.activateSnapshot(second.id), /is active, not staged/);
        await assert.rejects(store.addEntries(second.id, [entry('un', 9)]), /is active, not staged/);
      });

      test('sources are independent; listSnapshots shows all with their status', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const un = await store.createSnapshot(newSnapshot('un'));
        const csl = await store.createSnapshot(newSnapshot('us-csl'));
        await store.addEntries(un.id, entries('un', 1, 1));
        await store.addEntries(csl.id, entries('us-csl', 1, 2));
        await store.activateSnapshot(un.id);
        await store.activateSnapshot(csl.id);
        const csl2 = await store.createSnapshot(newSnapshot('us-csl', '2026-07-31'));
        await store.addEntries(csl2.id, entries('us-csl', 5, 1));
        await store.activateSnapshot(csl2.id);
        assert.deepEqual((await store.activeSnapshots()).map((s) => [s.source, s.id]), [['un', un.id], ['us-csl', csl2.id]]);
        assert.deepEqual((await store.listSnapshots()).map((s) => s.status), ['active', 'superseded', 'active']);
        const got = await store.getSnapshot(csl2.id);
        assert.equal(got?.listDate, '2026-07-31');
        assert.equal(got?.sha256, 'ab'.repeat(32));
        assert.equal(got?.fileName, 'us-csl.dat');
        assert.equal(await store.getSnapshot(9999), undefined);
      });

      test('a failed import is marked failed, loses its entries and leaves the active one in force', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const good = await store.createSnapshot(newSnapshot('un'));
        await store.addEntries(good.id, entries('un', 1, 2));
        await store.activateSnapshot(good.id);
        const bad = await store.createSnapshot(newSnapshot('un'));
        await store.addEntries(bad.id, entries('un', 10, 3));
        await store.failSnapshot(bad.id, 'truncated XML at line 12');
        const failed = await store.getSnapshot(bad.id);
        assert.equal(failed?.status, 'failed');
        assert.equal(failed?.note, 'truncated XML at line 12');
        assert.deepEqual(await store.loadEntries([bad.id]), []);
        assert.deepEqual((await store.activeSnapshots()).map((s) => s.id), [good.id]);
        await assert.rejects(store.activateSnapshot(bad.id), /is failed, not staged/);
        await assert.rejects(store.failSnapshot(good.id, 'x'), /is active, not staged/);
      });

      test('large batches keep insertion order and every field', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const s = await store.createSnapshot(newSnapshot('us-csl'));
        const all = entries('us-csl', 1, 4500);
        await store.addEntries(s.id, all.slice(0, 3200));
        await store.addEntries(s.id, all.slice(3200));
        await store.activateSnapshot(s.id);
        const back = await store.loadEntries([s.id]);
        assert.equal(back.length, 4500);
        assert.deepEqual(back, all);
      });

      test('concurrent activations of one source from two instances leave exactly one active', async (t) => {
        const target = await b.target(t);
        const one = await openTestStore(t, target);
        const two = await openTestStore(t, target);
        for (let round = 0; round < 3; round++) {
          const x = await one.createSnapshot(newSnapshot('un'));
          const y = await two.createSnapshot(newSnapshot('un'));
          await Promise.all([one.activateSnapshot(x.id), two.activateSnapshot(y.id)]);
          const active = await one.activeSnapshots();
          assert.equal(active.length, 1);
          assert.ok([x.id, y.id].includes(active[0].id));
        }
        const statuses = (await one.listSnapshots()).map((s) => s.status);
        assert.deepEqual(statuses.filter((s) => s === 'active').length, 1);
        assert.deepEqual(statuses.filter((s) => s === 'superseded').length, 5);
      });

      test('a reader on another connection sees the old snapshot while a new one is staged', async (t) => {
        const target = await b.target(t);
        const writer = await openTestStore(t, target);
        const reader = await openTestStore(t, target);
        const old = await writer.createSnapshot(newSnapshot('un'));
        await writer.addEntries(old.id, entries('un', 1, 2));
        await writer.activateSnapshot(old.id);
        const next = await writer.createSnapshot(newSnapshot('un'));
        await writer.addEntries(next.id, entries('un', 50, 10));
        const seen = await reader.activeSnapshots();
        assert.deepEqual(seen.map((s) => s.id), [old.id]);
        assert.equal((await reader.loadEntries(seen.map((s) => s.id))).length, 2);
        assert.deepEqual(await reader.loadEntries([next.id]), []);
      });

      test('onSnapshotsChanged fires in another instance when one activates; unsubscribe stops it', async (t) => {
        const target = await b.target(t);
        const a = await openTestStore(t, target);
        const other = await openTestStore(t, target);
        let calls = 0;
        let wake: () => void = () => {};
        const unsubscribe = await other.onSnapshotsChanged(() => { calls++; wake(); });
        const fired = new Promise<void>((resolve) => { wake = resolve; });
        let wakeSelf: () => void = () => {};
        const firedSelf = new Promise<void>((resolve) => { wakeSelf = resolve; });
        const unsubscribeSelf = await a.onSnapshotsChanged(() => wakeSelf());
        t.after(unsubscribeSelf);
        const s = await a.createSnapshot(newSnapshot('un'));
        await a.addEntries(s.id, entries('un', 1, 1));
        await a.activateSnapshot(s.id);
        await withTimeout(fired, 5000, 'the other instance was not notified');
        await withTimeout(firedSelf, 5000, 'the activating instance was not notified');
        assert.ok(calls >= 1);
        await unsubscribe();
        const before = calls;
        const s2 = await a.createSnapshot(newSnapshot('un'));
        await a.activateSnapshot(s2.id);
        await sleep(400);
        assert.equal(calls, before, 'no callback after unsubscribe');
      });

      test('the PostgreSQL listener reconnects after losing its connection and reports the gap', { skip: b.kind !== 'postgres' && 'LISTEN/NOTIFY is PostgreSQL only' }, async (t) => {
        const target = await b.target(t);
        const a = await openTestStore(t, target);
        const other = await openTestStore(t, target);
        let calls = 0;
        let wake: () => void = () => {};
        const next = () => new Promise<void>((resolve) => { wake = resolve; });
        const unsubscribe = await other.onSnapshotsChanged(() => { calls++; wake(); });
        t.after(unsubscribe);
        let fired = next();
        const killed = await rawSql(target, `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`);
        assert.equal(killed.length, 1, 'one listener connection');
        // Notifications sent while it was away are lost, so the reconnect itself tells subscribers.
        await withTimeout(fired, 5000, 'no callback after reconnecting');
        fired = next();
        const before = calls;
        const s = await a.createSnapshot(newSnapshot('un'));
        await a.activateSnapshot(s.id);
        await withTimeout(fired, 5000, 'no notification after reconnecting');
        assert.ok(calls > before);
      });

      test('a rolled-back activation does not notify and changes nothing', async (t) => {
        const target = await b.target(t);
        const a = await openTestStore(t, target);
        const other = await openTestStore(t, target);
        let calls = 0;
        const unsubscribe = await other.onSnapshotsChanged(() => { calls++; });
        t.after(unsubscribe);
        const s = await a.createSnapshot(newSnapshot('un'));
        await assert.rejects(a.transaction(async (tx) => {
          await tx.activateSnapshot(s.id);
          throw new Error('import check failed');
        }), /import check failed/);
        await sleep(400);
        assert.equal(calls, 0);
        assert.equal((await a.getSnapshot(s.id))?.status, 'staged');
      });
    });

    describe('transactions', () => {
      test('a throw rolls back every write, the audit event included', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        await assert.rejects(store.transaction(async (tx) => {
          await tx.insertCase(caseRecord('c1'));
          await tx.appendAudit({ actor: 'officer', action: 'case.create', subject: 'c1' });
          await tx.setMeta('m', '1');
          await tx.nextSequence('case');
          // A nested call and a call on the outer store both join the same transaction.
          await tx.transaction((inner) => inner.setMeta('nested', 'yes'));
          await store.setMeta('outer', 'yes');
          throw new Error('boom');
        }), /boom/);
        assert.equal(await store.getCase('c1'), undefined);
        assert.deepEqual(await store.listAudit(), []);
        assert.equal(await store.getMeta('m'), undefined);
        assert.equal(await store.getMeta('nested'), undefined);
        assert.equal(await store.getMeta('outer'), undefined);
        assert.equal(await store.nextSequence('case'), 1);
      });

      test('a transaction that returns commits everything and returns its value', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const result = await store.transaction(async (tx) => {
          await tx.insertCase(caseRecord('c1'));
          const e = await tx.appendAudit({ actor: 'officer', action: 'case.create', subject: 'c1' });
          return e.seq;
        });
        assert.equal(result, 1);
        assert.equal((await store.getCase('c1'))?.id, 'c1');
        assert.equal((await store.listAudit()).length, 1);
      });

      test('concurrent read-increment-write transactions on one instance never lose an update (both backends)', async (t) => {
        // The contract: inside transaction(), reading a meta key holds it until the transaction
        // ends (SQLite: BEGIN IMMEDIATE serialises writers; PostgreSQL: an advisory lock per key),
        // so ten concurrent increments end at exactly ten — on both backends, no error swallowed.
        const store = await openTestStore(t, await b.target(t));
        await store.setMeta('counter', '0');
        await Promise.all(Array.from({ length: 10 }, () => store.transaction(async (tx) => {
          const v = Number(await tx.getMeta('counter'));
          await sleep(2);
          await tx.setMeta('counter', String(v + 1));
        })));
        assert.equal(await store.getMeta('counter'), '10');
        // A key not yet written is held too (a lock on a row that does not exist yet).
        await Promise.all(Array.from({ length: 5 }, () => store.transaction(async (tx) => {
          const v = Number((await tx.getMeta('fresh')) ?? '0');
          await sleep(2);
          await tx.setMeta('fresh', String(v + 1));
        })));
        assert.equal(await store.getMeta('fresh'), '5');
      });

      test('the tx object refuses use after its transaction ended', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        let leaked: typeof store | undefined;
        await store.transaction(async (tx) => { leaked = tx; });
        await assert.rejects(leaked!.setMeta('a', 'b'), /already ended/);
      });
    });

    describe('audit trail', () => {
      test('events chain from 64 zeros and each hash recomputes from the stored event', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const written = [];
        written.push(await store.appendAudit({ actor: 'cli', action: 'screen', inputHash: 'f'.repeat(64), outcome: '2 hits', dataVersions: { lists: [{ id: 'un', version: 1 }] } }));
        written.push(await store.appendAudit({ actor: 'api:key1', action: 'assess', detail: { z: 1, a: [3, { y: 'ü', b: null }] } }));
        written.push(await store.appendAudit({ actor: 'officer', action: 'case.transition', subject: 'c1', outcome: 'submitted' }));
        const read = await store.listAudit();
        assert.deepEqual(read, written);
        assert.equal(read[0].prevHash, GENESIS_HASH);
        read.forEach((e, i) => {
          assert.equal(e.seq, i + 1);
          if (i > 0) assert.equal(e.prevHash, read[i - 1].hash);
          const { hash, ...rest } = e;
          assert.equal(auditHash(rest), hash);
        });
        assert.deepEqual((await store.listAudit({ afterSeq: 1, limit: 1 })).map((e) => e.seq), [2]);
        // Newest first, before a cursor, filtered (the audit page of the web UI).
        assert.deepEqual((await store.listAudit({ newestFirst: true, limit: 2 })).map((e) => e.seq), [3, 2]);
        assert.deepEqual((await store.listAudit({ newestFirst: true, beforeSeq: 3 })).map((e) => e.seq), [2, 1]);
        assert.deepEqual((await store.listAudit({ actorContains: 'API:K' })).map((e) => e.seq), [2]);
        assert.deepEqual((await store.listAudit({ actorContains: 'a_i' })).map((e) => e.seq), [], '_ is not a wildcard');
        assert.deepEqual((await store.listAudit({ action: 'case.transition', subject: 'c1' })).map((e) => e.seq), [3]);
        assert.deepEqual((await store.listAudit({ action: 'case' })).map((e) => e.seq), [], 'action is exact');
      });

      test('concurrent appends from one process stay linear', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        await Promise.all(Array.from({ length: 30 }, (_, i) => store.appendAudit({ actor: 'a', action: 'x', detail: { i } })));
        const events = await store.listAudit();
        assert.deepEqual(events.map((e) => e.seq), Array.from({ length: 30 }, (_, i) => i + 1));
        events.forEach((e, i) => assert.equal(e.prevHash, i === 0 ? GENESIS_HASH : events[i - 1].hash));
      });

      // Each store remembers the tail it last wrote (PostgreSQL appends in one statement when it
      // knows it); another store's appends, transactional appends and a rolled-back one must make
      // that guess stale without forking the chain.
      test('two stores interleaving standalone, transactional and rolled-back appends keep one chain', async (t) => {
        const target = await b.target(t);
        const one = await openTestStore(t, target);
        const two = await openStore(target);
        t.after(() => two.close());
        const actions: string[] = [];
        const append = async (s: typeof one, action: string) => { actions.push(action); await s.appendAudit({ actor: 'a', action }); };
        await append(one, 'one.1');
        await append(one, 'one.2');
        await append(two, 'two.1');
        await append(one, 'one.3');
        await one.transaction(async (tx) => {
          actions.push('one.tx');
          await tx.appendAudit({ actor: 'a', action: 'one.tx' });
          await tx.setMeta('k', 'v');
        });
        await assert.rejects(two.transaction(async (tx) => {
          await tx.appendAudit({ actor: 'a', action: 'two.rolled-back' });
          throw new Error('abort');
        }), /abort/);
        await append(two, 'two.2');
        await append(one, 'one.4');
        await Promise.all([1, 2, 3, 4, 5].flatMap((i) => [append(one, `one.c${i}`), append(two, `two.c${i}`)]));
        const events = await one.listAudit();
        assert.deepEqual(events.map((e) => e.seq), actions.map((_, i) => i + 1));
        assert.deepEqual(new Set(events.map((e) => e.action)), new Set(actions), 'every committed event once, the rolled-back one not');
        events.forEach((e, i) => {
          assert.equal(e.prevHash, i === 0 ? GENESIS_HASH : events[i - 1].hash, `link ${e.seq}`);
          const { hash, ...rest } = e;
          assert.equal(auditHash(rest), hash);
        });
      });
    });

    describe('cases, sequences and denial notifications', () => {
      test('cases round-trip and update with optimistic concurrency', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const c = caseRecord('c1');
        await store.insertCase(c);
        assert.deepEqual(await store.getCase('c1'), c);
        await assert.rejects(store.insertCase(c), 'a duplicate id is refused');
        const v2 = { ...c, state: 'submitted' as const, version: 2, updatedAt: '2026-03-02T00:00:00.000Z' };
        assert.equal(await store.updateCase(v2), true);
        const stale = { ...c, state: 'withdrawn' as const, version: 2 };
        assert.equal(await store.updateCase(stale), false, 'someone else already wrote version 2');
        assert.deepEqual(await store.getCase('c1'), v2);
        assert.equal(await store.updateCase(caseRecord('nope', { version: 2 })), false);
        assert.equal(await store.getCase('nope'), undefined);
      });

      test('listCases filters by state, applicant and destination, newest first, with a limit', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        await store.insertCase(caseRecord('a', { updatedAt: '2026-03-01T00:00:00.000Z' }));
        await store.insertCase(caseRecord('b', { state: 'submitted', destination: 'CN', updatedAt: '2026-03-03T00:00:00.000Z' }));
        await store.insertCase(caseRecord('c', { applicant: 'Other Srl', updatedAt: '2026-03-02T00:00:00.000Z' }));
        const ids = async (f?: Parameters<typeof store.listCases>[0]) => (await store.listCases(f)).map((c) => c.id);
        assert.deepEqual(await ids(), ['b', 'c', 'a']);
        assert.deepEqual(await ids({ state: 'draft' }), ['c', 'a']);
        assert.deepEqual(await ids({ applicant: 'Other Srl' }), ['c']);
        assert.deepEqual(await ids({ destination: 'CN' }), ['b']);
        assert.deepEqual(await ids({ state: 'draft', destination: 'AE', limit: 1 }), ['c']);
      });

      test('sequences count per name without gaps or duplicates under concurrency', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const got = await Promise.all(Array.from({ length: 20 }, () => store.nextSequence('case')));
        assert.deepEqual([...got].sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1));
        assert.equal(await store.nextSequence('notification'), 1);
      });

      test('denial notifications upsert by reference and list by date', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const n = { id: 'IT-2026-0002', issuer: 'IT', regime: 'AG', entries: ['2B350'], destination: 'SY', endUser: 'X', reason: 'r', date: '2026-03-02' };
        await store.putDenialNotification(n);
        await store.putDenialNotification({ ...n, id: 'DE-2026-0001', issuer: 'DE', date: '2026-01-01' });
        await store.putDenialNotification({ ...n, reason: 'updated', importedAt: '2026-03-05T00:00:00.000Z' });
        const all = await store.listDenialNotifications();
        assert.deepEqual(all.map((d) => d.id), ['DE-2026-0001', 'IT-2026-0002']);
        assert.equal(all[1].reason, 'updated');
        assert.equal(all[1].importedAt, '2026-03-05T00:00:00.000Z');
      });
    });

    describe('meta, rule sets and API keys', () => {
      test('meta sets, overwrites and misses', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        assert.equal(await store.getMeta('x'), undefined);
        await store.setMeta('x', '1');
        await store.setMeta('x', '2');
        assert.equal(await store.getMeta('x'), '2');
      });

      test('rule sets are kept by content hash; the first write wins', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        await store.putRuleSet('h1', '2026.1', '{"a":1}');
        await store.putRuleSet('h1', '2026.1', '{"a":1}');
        await store.putRuleSet('h2', '2026.2', '{"a":2}');
        assert.deepEqual(await store.getRuleSet('h1'), { version: '2026.1', json: '{"a":1}' });
        assert.deepEqual(await store.getRuleSet('h2'), { version: '2026.2', json: '{"a":2}' });
        assert.equal(await store.getRuleSet('h3'), undefined);
      });

      test('API keys: find by hash, list, revoke once', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        const k1 = { id: 'k1', role: 'officer' as const, label: 'desk 1', hash: 'a'.repeat(64), createdAt: '2026-01-01T00:00:00.000Z' };
        const k2 = { id: 'k2', role: 'reader' as const, hash: 'b'.repeat(64), createdAt: '2026-01-02T00:00:00.000Z' };
        await store.createApiKey(k1);
        await store.createApiKey(k2);
        assert.deepEqual(await store.findApiKeyByHash('a'.repeat(64)), k1);
        assert.equal(await store.findApiKeyByHash('c'.repeat(64)), undefined);
        assert.equal(await store.revokeApiKey('k1', '2026-02-01T00:00:00.000Z'), true);
        assert.equal(await store.revokeApiKey('k1', '2026-02-02T00:00:00.000Z'), false);
        assert.equal(await store.revokeApiKey('nope', '2026-02-02T00:00:00.000Z'), false);
        assert.deepEqual(await store.listApiKeys(), [{ ...k1, revokedAt: '2026-02-01T00:00:00.000Z' }, k2]);
      });
    });

    describe('jobs', () => {
      const job = {
        id: 'j1', kind: 'screen', status: 'queued' as const, total: 5, chunks: 3, chunksDone: 0,
        createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', params: { threshold: 0.85 },
      };

      test('jobs are created, patched and read back', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        await store.createJob(job);
        assert.deepEqual(await store.getJob('j1'), job);
        await store.updateJob('j1', { status: 'failed', error: 'worker lost' });
        const got = await store.getJob('j1');
        assert.equal(got?.status, 'failed');
        assert.equal(got?.error, 'worker lost');
        assert.notEqual(got?.updatedAt, job.updatedAt);
        assert.deepEqual(got?.params, { threshold: 0.85 });
        assert.equal(await store.getJob('nope'), undefined);
      });

      test('a failed job stays failed: a late "done" from a worker that read it earlier does not overwrite it', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        await store.createJob(job);
        const seenByWorker = await store.getJob('j1');
        assert.equal(seenByWorker?.status, 'queued');
        await store.updateJob('j1', { status: 'failed', error: 'chunk 2 failed after all retries' });
        await store.updateJob('j1', { status: 'done', chunksDone: 3 });
        const got = await store.getJob('j1');
        assert.equal(got?.status, 'failed');
        assert.equal(got?.error, 'chunk 2 failed after all retries');
      });

      test('chunk results are idempotent and read back in input order', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        await store.createJob(job);
        await store.putJobChunk('j1', 1, [{ row: 2, json: '{"r":2}' }, { row: 3, json: '{"r":3}' }]);
        await store.putJobChunk('j1', 0, [{ row: 0, json: '{"r":0}' }, { row: 1, json: '{"r":1}' }]);
        // A retried chunk overwrites: same rows, new content, no duplicates; a shrunk retry drops rows.
        await store.putJobChunk('j1', 1, [{ row: 2, json: '{"r":2,"retry":true}' }]);
        await store.putJobChunk('j1', 2, [{ row: 4, json: '{"r":4}' }]);
        assert.deepEqual((await store.jobResults('j1')).map((r) => r.row), [0, 1, 2, 4]);
        assert.equal((await store.jobResults('j1'))[2].json, '{"r":2,"retry":true}');
        assert.deepEqual((await store.jobResults('j1', 0, 2)).map((r) => r.row), [1, 2]);
        assert.equal(await store.countJobChunks('j1'), 3);
        assert.equal((await store.getJob('j1'))?.chunksDone, 3);
      });
    });

    describe('control catalogues kept by content hash', () => {
      // Large enough that compression shows; non-ASCII text must come back exactly.
      const docs = { 'us-ear/ccl.json': JSON.stringify({ entries: Array.from({ length: 2000 }, (_, i) => ({ eccn: `1C${i}`, heading: 'Valves “made of” µm-grade alloys' })) }), 'synonyms.json': '{"synonyms":[]}' };

      test('documents come back exactly, compressed in the store; the first write wins; a miss is undefined', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        assert.equal(await store.getControlCatalog('c1'), undefined);
        await store.putControlCatalog('c1', 'controls-2026-07-23-c1', docs);
        await store.putControlCatalog('c1', 'controls-other', { 'synonyms.json': '{}' });
        const kept = await store.getControlCatalog('c1');
        assert.equal(kept?.version, 'controls-2026-07-23-c1');
        assert.deepEqual(kept?.documents, docs);
        assert.equal(kept?.rawBytes, Buffer.byteLength(JSON.stringify(docs)));
        assert.ok(kept!.storedBytes < kept!.rawBytes / 5, `stored ${kept!.storedBytes} of ${kept!.rawBytes} bytes`);
        await store.putControlCatalog('c2', 'controls-2', { 'synonyms.json': '{}' });
        assert.deepEqual((await store.getControlCatalog('c2'))?.documents, { 'synonyms.json': '{}' });
      });

      test('a put in a transaction that fails keeps nothing', async (t) => {
        const store = await openTestStore(t, await b.target(t));
        await assert.rejects(store.transaction(async (tx) => {
          await tx.putControlCatalog('c1', 'v', docs);
          throw new Error('abandoned');
        }), /abandoned/);
        assert.equal(await store.getControlCatalog('c1'), undefined);
      });

      test('an unreadable body is an error naming the catalogue, not wrong documents', async (t) => {
        const target = await b.target(t);
        const store = await openTestStore(t, target);
        await store.putControlCatalog('c1', 'v', docs);
        await rawSql(target, 'UPDATE control_catalogs SET body = ? WHERE sha256 = ?', [Buffer.from('not gzip'), 'c1']);
        await assert.rejects(store.getControlCatalog('c1'), /kept control catalogue c1 cannot be read/);
      });
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(what)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}
