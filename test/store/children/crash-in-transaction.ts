// Child process for the crash test: open a transaction, write a case, an audit event, list entries
// and a setting, say so on stdout, then wait to be SIGKILLed with the transaction still open.
// argv: <target JSON> <staged snapshot id>
import { openStore } from '../../../src/store/open.js';

const [targetJson, snapshotId] = process.argv.slice(2);
const store = await openStore(JSON.parse(targetJson));
await store.transaction(async (tx) => {
  await tx.insertCase({
    id: 'crash-case', reference: 'IT-2026-9999', state: 'submitted', applicant: 'A', destination: 'AE',
    transaction: { date: '2026-01-01', exporter: { name: 'A', country: 'IT' }, destination: 'AE', parties: [], items: [], endUse: { categories: [] }, jurisdictions: ['IT'] },
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1,
  });
  await tx.appendAudit({ actor: 'officer', action: 'case.transition', subject: 'crash-case', outcome: 'submitted' });
  await tx.addEntries(Number(snapshotId), [{
    id: 'un:1', source: 'un', list: 'UN List', sourceId: '1', type: 'person', names: [{ name: 'X', kind: 'primary' }],
    countries: [], programs: [], birthDates: [], identifiers: [], addresses: [],
  }]);
  await tx.setMeta('crash', 'written');
  process.stdout.write('in-transaction\n');
  await new Promise(() => { setInterval(() => {}, 1000); }); // until killed
});
