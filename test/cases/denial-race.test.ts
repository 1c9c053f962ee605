// Two concurrent imports of one partner denial file: each notification is counted as imported once
// (the other import sees it and counts it as updated), on SQLite and on PostgreSQL. The guard:
// importDenialText serialises imports through a meta key read inside its transaction.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importDenialText } from '../../src/cases/denial-exchange.js';
import { DENIAL_FILE_FORMAT } from '../../src/cases/denial-file.js';
import { openTestStore, storeBackends } from '../support/stores.js';

const file = JSON.stringify({
  format: DENIAL_FILE_FORMAT, version: 1, issuer: 'FR', exportedAt: '2026-03-01T00:00:00Z',
  notifications: Array.from({ length: 20 }, (_, i) => ({
    id: `FR-2026-${String(i + 1).padStart(4, '0')}`, issuer: 'FR', regime: 'WA', entries: ['6A003'], destination: 'LY',
    endUser: `End User ${i}`, reason: 'risk of diversion', date: '2026-01-01',
  })),
});

for (const b of await storeBackends()) {
  describe(`denial import race (${b.kind})`, { skip: b.skip }, () => {
    test('two concurrent imports of one file: every notification imported exactly once', async (t) => {
      const store = await openTestStore(t, await b.target(t));
      const results = await Promise.all([1, 2].map((k) => importDenialText(store, file, `fr-${k}.json`, 'DE', `test:importer-${k}`)));
      const imported = results.flatMap((r) => r.imported);
      assert.equal(imported.length, 20, JSON.stringify(results.map((r) => [r.imported.length, r.updated.length])));
      assert.equal(new Set(imported).size, 20);
      assert.equal(results.flatMap((r) => r.updated).length, 20);
      assert.equal((await store.listDenialNotifications()).length, 20);
    });
  });
}
