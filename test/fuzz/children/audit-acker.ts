// Child for the audit-chain fuzz: append `count` events, printing one line per event after its
// append returned (committed); the parent SIGKILLs it at a random moment.
// argv: <target JSON> <count> <tag> <pause ms between appends>
import { openStore } from '../../../src/store/open.js';

const [targetJson, count, tag, pause] = process.argv.slice(2);
const store = await openStore(JSON.parse(targetJson!));
await store.migrate();
process.stdout.write('ready\n');
for (let i = 0; i < Number(count); i++) {
  await store.appendAudit({ actor: `writer-${tag}`, action: 'test.append', subject: tag, detail: { tag, i } });
  process.stdout.write(`${tag}:${i}\n`);
  if (Number(pause) > 0) await new Promise((r) => setTimeout(r, Number(pause)));
}
await store.close();
