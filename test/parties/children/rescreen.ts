// Child process for the killed re-screening: open the store, run the job in pages of five parties,
// print `page <last id>` after each page and, after page `stopAfter`, wait to be killed.
// argv: <target JSON> <job id> <stopAfter (0: run to the end)>
import { openStore } from '../../../src/store/open.js';
import { runRescreenJob } from '../../../src/jobs/rescreen.js';

const [targetJson, jobId, stopAfter] = process.argv.slice(2);
const store = await openStore(JSON.parse(targetJson!));
let pages = 0;
const r = await runRescreenJob(store, jobId!, {
  pageSize: 5,
  afterPage: async (afterId) => {
    process.stdout.write(`page ${afterId}\n`);
    if (++pages === Number(stopAfter)) await new Promise(() => { /* killed here */ });
  },
});
process.stdout.write(`${JSON.stringify({ done: r })}\n`);
await store.close();
