// Child process for the concurrency test: migrate (racing the others), then append N audit events.
// argv: <target JSON> <count> <tag> [start file]: with a start file, print "ready" once migrated
// and wait for the file to appear, so that every writer starts appending at the same moment.
import { existsSync } from 'node:fs';
import { openStore } from '../../../src/store/open.js';

const [targetJson, count, tag, startFile] = process.argv.slice(2);
const store = await openStore(JSON.parse(targetJson));
try {
  await store.migrate();
  if (startFile) {
    process.stdout.write('ready\n');
    while (!existsSync(startFile)) await new Promise((r) => setTimeout(r, 2));
  }
  for (let i = 0; i < Number(count); i++) {
    await store.appendAudit({ actor: `writer-${tag}`, action: 'test.append', subject: tag, detail: { tag, i } });
    // With a start file, leave the write lock free a moment between appends: SQLite's busy handler
    // sleeps, so a writer that re-takes the lock at once starves the others into running serially.
    if (startFile) await new Promise((r) => setTimeout(r, 5));
  }
} finally {
  await store.close();
}
