// The party register and alerts (migration 003) on SQLite and PostgreSQL: the store contract, and
// the review cycle through delta re-screening — an alert raised when a list change names a party,
// a false positive suppressed while the listing is unchanged, back (marked changed) when the
// listing gains an alias; a re-run of the same re-screening adds nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Alert, ListEntry, RegisteredParty } from '../../src/model/index.js';
import { importList } from '../../src/lists/import.js';
import { ScreeningIndex } from '../../src/screening/index.js';
import { registerParties, rescreenAfterActivation, reviewAlert } from '../../src/screening/parties.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, storeBackends } from '../support/stores.js';

const FIX = fileURLToPath(new URL('../fixtures/lists/eu-fsf/fsf_xml_1_1_sample.xml', import.meta.url));

const entry = (id: string, names: string[], type: ListEntry['type'] = 'person'): ListEntry => ({
  id: `test:${id}`, source: 'test', list: 'Test List', sourceId: id, type,
  names: names.map((name, i) => ({ name, kind: i === 0 ? 'primary' : 'aka' })),
  countries: [], programs: ['TEST'], birthDates: [], identifiers: [], addresses: [],
});

async function activate(store: Store, entries: ListEntry[], listDate: string) {
  const s = await store.createSnapshot({ source: 'test', format: 'test', listDate, sha256: listDate, fileName: `${listDate}.json` });
  await store.addEntries(s.id, entries);
  const previous = (await store.activeSnapshots()).find((x) => x.source === 'test');
  const current = await store.activateSnapshot(s.id);
  return { previous, current };
}

const party = (name: string, i: number): Omit<RegisteredParty, 'id' | 'createdAt'> & { id: string; createdAt: string } => ({
  id: `P-${String(i).padStart(4, '0')}`, name, tags: [], createdAt: '2026-12-01T00:00:00.000Z',
});

for (const b of await storeBackends()) {
  describe(`parties and alerts (${b.kind})`, { skip: b.skip }, () => {
    test('store contract: parties paged by id, removal kept, external reference unique among registered, one alert per pair', async (t) => {
      const store = await openTestStore(t, await b.target(t));
      await store.putParties([party('Alpha Trading', 2), { ...party('Beta GmbH', 1), externalRef: 'C-1', tags: ['eu'] }, party('Gamma', 3)]);
      assert.equal(await store.countParties(), 3);
      assert.deepEqual((await store.listParties({ limit: 2 })).map((p) => p.id), ['P-0001', 'P-0002']);
      assert.deepEqual((await store.listParties({ afterId: 'P-0002' })).map((p) => p.id), ['P-0003']);
      assert.equal((await store.findPartyByRef('C-1'))?.name, 'Beta GmbH');
      await assert.rejects(store.putParties([{ ...party('Dup', 9), externalRef: 'C-1' }]));
      assert.equal(await store.removeParty('P-0001', '2026-12-01T01:00:00.000Z'), true);
      assert.equal(await store.removeParty('P-0001', '2026-12-01T01:00:00.000Z'), false);
      assert.equal(await store.countParties(), 2);
      assert.equal((await store.getParty('P-0001'))?.removedAt, '2026-12-01T01:00:00.000Z');
      assert.equal((await store.listParties({ includeRemoved: true })).length, 3);
      await store.putParties([{ ...party('Beta again', 4), externalRef: 'C-1' }]); // the reference is free once removed

      const hit = { list: 'Test List', source: 'test', entityId: 'test:1', name: 'X', matchedName: 'X', score: 0.9, type: 'person' as const, programs: [], countries: [], explanation: { tokens: [], notes: [], nameScore: 0.9, adjustments: [] } };
      const a: Alert = { id: 'A-1', partyId: 'P-0002', partyName: 'Alpha Trading', entityId: 'test:1', source: 'test', fingerprint: 'f1', status: 'open', changed: false, score: 0.9, hit, reviews: [], createdAt: '2026-12-01T02:00:00.000Z', updatedAt: '2026-12-01T02:00:00.000Z' };
      await store.putAlert(a);
      await store.putAlert({ ...a, status: 'needs-information', updatedAt: '2026-12-01T03:00:00.000Z' });
      assert.equal((await store.getAlert('A-1'))?.status, 'needs-information');
      await assert.rejects(store.putAlert({ ...a, id: 'A-2' }), 'a second alert for the same pair is refused');
      assert.equal(await store.countAlerts(), 1);
      assert.equal((await store.listAlerts({ status: 'needs-information' })).length, 1);
      assert.equal((await store.listAlerts({ status: 'open' })).length, 0);
      assert.equal((await store.listAlerts({ since: '2026-12-01T02:30' })).length, 1);
      assert.equal((await store.listAlerts({ since: '2026-12-02' })).length, 0);
      assert.deepEqual((await store.alertsOfParties(['P-0002', 'P-0003'])).map((x) => x.id), ['A-1']);
    });

    test('review cycle: listed by an update → alert; false positive (audited, with actor) → suppressed; unrelated update → nothing; new alias → back as changed', async (t) => {
      const store = await openTestStore(t, await b.target(t));
      const base = [entry('1', ['Ivan Petrovich Sidorov']), entry('2', ['Northern Star Shipping LLC'], 'organization')];
      await activate(store, base, '2026-11-01');
      const reg = await registerParties(store, await ScreeningIndex.load(store), [
        { name: 'Roman Abramovich', type: 'person' }, { name: 'Acme Tools Ltd', type: 'organization' }, { name: 'Olga Smirnova', type: 'person' },
      ], 'tester');
      assert.equal(reg.alerts.created, 0);

      // An update that lists one of them.
      const listed = entry('3', ['Roman Arkadyevich ABRAMOVICH']);
      const v2 = await activate(store, [...base, listed], '2026-11-02');
      let r = await rescreenAfterActivation(store, v2.previous, v2.current);
      assert.ok(r);
      assert.deepEqual([r.added, r.changed, r.created], [1, 0, 1]);
      const [alert] = await store.listAlerts({ status: 'open' });
      assert.ok(alert);
      assert.equal(alert.partyName, 'Roman Abramovich');
      assert.equal(alert.entityId, 'test:3');

      await assert.rejects(reviewAlert(store, alert.id, 'false-positive', 'officer-1'), /needs a reason/);
      const fp = await reviewAlert(store, alert.id, 'false-positive', 'officer-1', 'different person: our customer is born 1990 in Riga');
      assert.equal(fp.status, 'false-positive');
      const audit = (await store.listAudit()).filter((e) => e.action === 'alert.review');
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor, 'officer-1');
      assert.equal(audit[0]!.outcome, 'false-positive');

      // An update that touches another entry only: no new alert, the false positive stays.
      const v3 = await activate(store, [base[0]!, entry('2', ['Northern Star Shipping LLC', 'Severnaya Zvezda'], 'organization'), listed], '2026-11-03');
      r = await rescreenAfterActivation(store, v3.previous, v3.current);
      assert.deepEqual([r!.added, r!.changed, r!.created, r!.reopened], [0, 1, 0, 0]);
      assert.equal((await store.getAlert(alert.id))?.status, 'false-positive');

      // The same entry gains an alias: the alert comes back, marked changed.
      const v4 = await activate(store, [base[0]!, entry('2', ['Northern Star Shipping LLC', 'Severnaya Zvezda'], 'organization'), entry('3', ['Roman Arkadyevich ABRAMOVICH', 'Roman Abramovitch'])], '2026-11-04');
      r = await rescreenAfterActivation(store, v4.previous, v4.current);
      assert.deepEqual([r!.changed, r!.reopened, r!.created], [1, 1, 0]);
      const back = (await store.getAlert(alert.id))!;
      assert.equal(back.status, 'open');
      assert.equal(back.changed, true);
      assert.equal(back.reviews.length, 1, 'the earlier review is kept');

      // Asking again for the same activation finds its job done (one job per snapshot, src/jobs/rescreen.ts):
      // nothing is screened or written twice; the answer is the one run's recorded result.
      const again = await rescreenAfterActivation(store, v4.previous, v4.current);
      assert.deepEqual(again, r, 'the re-screening of an activation runs once');
      assert.equal(await store.countAlerts(), 1);
      const events = (await store.listAudit()).filter((e) => e.action === 'parties.rescreen');
      assert.equal(events.length, 3, 'one audit event per list change');
    });

    test('importing a list re-screens the register: an EU listing of a registered party raises its alert', async (t) => {
      const store = await openTestStore(t, await b.target(t));
      await registerParties(store, ScreeningIndex.build([], []), [{ name: 'Khamis Qadhafi', type: 'person', country: 'LY' }, { name: 'Blue Harbour Logistics' }], 'tester');
      const res = await importList(store, { format: 'eu', path: FIX });
      assert.equal(res.status, 'imported');
      assert.ok(res.rescreen, 'the import re-screened the register');
      assert.equal(res.rescreen.added, 5);
      assert.equal(res.rescreen.parties, 2);
      const alerts = await store.listAlerts();
      assert.deepEqual(alerts.map((a) => [a.partyName, a.entityId]), [['Khamis Qadhafi', 'eu:90002']]);
    });
  });
}
