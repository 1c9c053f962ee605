// Child process: a worker of the `vigil-rescreen` pg-boss queue that re-screens in pages of five
// parties, prints `ready`, then `page <last id>` after each page and, after the page ending with
// party `hangAt`, hangs holding the entry until it is killed. argv: <database URL> <hangAt>
import { openStore } from '../../../src/store/open.js';
import { RescreenQueue } from '../../../src/jobs/rescreen-queue.js';

const [url, hangAt] = process.argv.slice(2);
const store = await openStore({ databaseUrl: url! });
const queue = await RescreenQueue.open(url!, store);
await queue.work({
  pageSize: 5,
  afterPage: async (afterId) => {
    process.stdout.write(`page ${afterId}\n`);
    if (afterId === hangAt) await new Promise(() => { /* killed here */ });
  },
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void queue.close(1000).then(() => store.close()).then(() => process.exit(0));
});
