// Child process: subscribe to snapshot changes and end the script. On SQLite the poll timer is
// unref()ed, so the process exits without unsubscribing; on PostgreSQL it unsubscribes and closes.
// argv: <target JSON>
import { openStore } from '../../../src/store/open.js';

const target = JSON.parse(process.argv[2]);
const store = await openStore(target);
await store.migrate();
const unsubscribe = await store.onSnapshotsChanged(() => {});
if (store.kind === 'postgres') {
  await unsubscribe();
  await store.close();
}
process.stdout.write('subscribed\n');
