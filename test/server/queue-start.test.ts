// Instances that start together on a new database all create the job queues at once. PostgreSQL
// aborted one of two concurrent pg-boss create_queue calls with "deadlock detected" (CI saw two
// `vigil serve` processes fail to start); each instance must come up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobQueue } from '../../src/jobs/queue.js';
import { jobSettings } from '../../src/jobs/settings.js';
import { freshPgDatabase, pgTestServer } from '../support/pg.js';
import { cleanupStack } from './support.js';

const pg = await pgTestServer();

test('queues opened at once by several instances on a new database all start', { skip: pg.skip, timeout: 120_000 }, async (tt) => {
  const t = cleanupStack(tt);
  for (let round = 0; round < 3; round++) {
    const db = await freshPgDatabase(t);
    const opened = await Promise.allSettled(Array.from({ length: 4 }, () => JobQueue.open(db.url, jobSettings({}), () => {})));
    for (const o of opened) if (o.status === 'fulfilled') t.after(() => o.value.stop());
    const failed = opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
    assert.deepEqual(failed, [], `round ${round}: ${failed.length} of 4 instances failed to open the queue`);
  }
});
