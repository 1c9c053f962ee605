// Child process for the concurrent first-use test: open the store and import the bundled lists.
import { ensureBundledLists } from '../../../src/lists/bundled.js';
import { openStore } from '../../../src/store/open.js';

const store = await openStore({ db: process.argv[2]!, pollMs: 50 });
await store.migrate();
const results = await ensureBundledLists(store);
await store.close();
process.stdout.write(JSON.stringify(results.map((r) => ({ source: r.source, status: r.status, snapshot: r.snapshot?.id }))) + '\n');
