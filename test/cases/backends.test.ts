// The same case guarantees on SQLite and PostgreSQL: racing writers on one case (two application
// instances) — one wins, the loser is re-checked against the new state (withdrawn → withdrawn is
// not a move) and refused, never applied twice; the audit
// chain stays linear; a row edited behind the store's back is named by verify.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Vigil } from '../../src/app/vigil.js';
import { VigilRefusal } from '../../src/model/errors.js';
import { CaseService, verifyAuditChain } from '../../src/cases/index.js';
import { rawSql, storeBackends } from '../support/stores.js';
import { OFFICER, fixtureTx, seedLists } from './helpers.js';

for (const b of await storeBackends()) {
  describe(`cases on ${b.kind}`, { skip: b.skip }, () => {
    test('racing transitions from two instances: exactly one lands, the chain stays linear', async (t) => {
      const target = await b.target(t);
      const one = await Vigil.open({ ...target, bundled: false });
      t.after(() => one.close());
      await seedLists(one.store);
      const two = await Vigil.open({ ...target, bundled: false });
      t.after(() => two.close());
      const a = new CaseService(one);
      const z = new CaseService(two);

      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await a.create(fixtureTx('it-thermal-cameras-ly.json'), `Applicant ${i}`, OFFICER, { submit: true })).id);
      const results = await Promise.allSettled(ids.flatMap((id) => [
        a.transition(id, { to: 'withdrawn', reason: 'applicant withdrew' }, OFFICER),
        z.transition(id, { to: 'withdrawn', reason: 'withdrawn by phone' }, { id: 'test:other', role: 'officer' }),
      ]));
      for (let i = 0; i < ids.length; i++) {
        const pair = results.slice(2 * i, 2 * i + 2);
        const won = pair.filter((r) => r.status === 'fulfilled');
        assert.equal(won.length, 1, `case ${ids[i]}: ${JSON.stringify(pair.map((r) => r.status))}`);
        const lost = pair.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        assert.ok(lost.reason instanceof VigilRefusal && lost.reason.code === 'illegal-transition', String(lost.reason));
        const stored = (await one.store.getCase(ids[i]!))!;
        assert.equal(stored.version, 2, 'exactly one write after the creation');
        assert.equal(stored.timeline!.length, 3);
      }
      const chain = await verifyAuditChain(one.store);
      assert.equal(chain.ok, true, JSON.stringify(chain.firstBroken));
      // 4 creations, 4 winning transitions, 4 audited refusals.
      assert.equal(chain.events, 12);

      await rawSql(target, "UPDATE audit_events SET actor = 'mallory' WHERE seq = 7");
      const broken = await verifyAuditChain(two.store);
      assert.deepEqual([broken.ok, broken.firstBroken?.seq], [false, 7]);
    });
  });
}
