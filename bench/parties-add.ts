// Registering one party at a time (`vigil parties add`, POST /parties) once the index is loaded:
// what a call costs beyond screening the party (issue 14: it used to read and fingerprint every
// active list entry).
//   npx tsx bench/parties-add.ts [--pg postgres://…/postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Vigil } from '../src/app/vigil.js';
import { registerParties } from '../src/screening/parties.js';
import { createDatabase, dropDatabase } from '../src/store/postgres/admin.js';

const i = process.argv.indexOf('--pg');
const PG = i > 0 ? process.argv[i + 1]! : '';

async function run(label: string, open: () => Promise<Vigil>): Promise<void> {
  const v = await open();
  try {
    const index = await v.screening();
    const names = ['Khamis Qadhafi', 'Blue Harbour Logistics', 'Korea Mining Development Trading Corporation', 'Anna Maria Verdi', 'Tornado Cargo Airlines', 'Giulia Costa'];
    for (const name of names) {
      const t = performance.now();
      const c = process.cpuUsage();
      const r = await registerParties(v.store, index, [{ name }], 'bench');
      const u = process.cpuUsage(c);
      console.log(`${label}  ${name.padEnd(46)} ${(performance.now() - t).toFixed(0).padStart(5)} ms wall ${((u.user + u.system) / 1000).toFixed(0).padStart(5)} ms cpu  ${r.alerts.hits} hit(s)`);
    }
  } finally {
    await v.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-parties-add-'));
try { await run('sqlite  ', () => Vigil.open({ db: join(dir, 'v.db') })); } finally { rmSync(dir, { recursive: true, force: true }); }
if (PG) {
  const name = `vigil_bench_${randomUUID().slice(0, 8)}`;
  const url = await createDatabase(PG, name);
  try { await run('postgres', () => Vigil.open({ databaseUrl: url })); } finally { await dropDatabase(PG, name); }
}
