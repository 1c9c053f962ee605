// Child process for the concurrency test: migrate (racing the others), then append N audit events.
// argv: <target JSON> <count> <tag>
import { openStore } from '../../../src/store/open.js';

const [targetJson, count, tag] = process.argv.slice(2);
const store = await openStore(JSON.parse(targetJson));
try {
  await store.migrate();
  for (let i = 0; i < Number(count); i++) {
    await store.appendAudit({ actor: `writer-${tag}`, action: 'test.append', subject: tag, detail: { tag, i } });
  }
} finally {
  await store.close();
}
