// Delta re-screening of a party register after a list update (issue 14).
//   npx tsx bench/parties.ts [--parties 100000] [--changed 300] [--new-names listed|pool] [--pg postgres://…/postgres] [--skip-sqlite] [--no-full]
//
// A fresh database with the bundled lists; --parties registered parties (synthetic names built
// from common given names and surnames, plus 1 in 500 taken from the CSL so that there are hits);
// then an updated CSL snapshot in which --changed entries differ (two thirds gain an alias, one
// third are new: real UK-listed names under new ids, or with --new-names pool names made from the
// parties' own given names and surnames). Times: the delta re-screening the import runs (added/changed entries only), and
// a full re-screening of every party against every active list in the same run, with the ratio. `delta cpu ms` is this process's CPU time
// during the delta (user + system; the database's own work on PostgreSQL is not in it): on a shared
// machine it says what the wall time would be without the contention. Each store also prints the
// delta's phases (wall/CPU ms): `full index` is the index of every active list, whose statistics the
// delta scores with — built once per activation and shared with the process's own index reload (the
// full re-screen then loads it from the cache). --no-full skips the full re-screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Vigil } from '../src/app/vigil.js';
import type { ListEntry, RegisteredParty } from '../src/model/index.js';
import { activeListing, recordAlerts } from '../src/screening/parties.js';
import { queueRescreen, runRescreenJob } from '../src/jobs/rescreen.js';
import { ScreeningIndex } from '../src/screening/index.js';
import { createDatabase, dropDatabase } from '../src/store/postgres/admin.js';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const PARTIES = Number(arg('--parties', '100000'));
const CHANGED = Number(arg('--changed', '300'));
const PG = arg('--pg', '');
const NEW_NAMES = arg('--new-names', 'listed');
if (NEW_NAMES !== 'listed' && NEW_NAMES !== 'pool') throw new Error('--new-names must be listed or pool');

const GIVEN = ['Anna', 'Marco', 'Giulia', 'Luca', 'Sofia', 'Peter', 'Maria', 'John', 'Elena', 'Hans', 'Olga', 'Pierre', 'Chen', 'Fatima', 'Ahmed', 'Yuki', 'Carlos', 'Ingrid', 'Tomasz', 'Aylin'];
const FAMILY = ['Rossi', 'Bianchi', 'Schmidt', 'Novak', 'Dubois', 'Garcia', 'Kowalski', 'Jansen', 'Berg', 'Moreau', 'Costa', 'Horvat', 'Nielsen', 'Ferrari', 'Weber', 'Lindqvist', 'Papadopoulos', 'Yilmaz', 'Silva', 'Tanaka'];
const ORG = ['Trading', 'Logistics', 'Components', 'Machinery', 'Optics', 'Chemicals', 'Systems', 'Metals'];

function parties(listNames: string[]): RegisteredParty[] {
  const out: RegisteredParty[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < PARTIES; i++) {
    const id = `P-${String(i).padStart(7, '0')}`;
    let name: string;
    if (i % 500 === 0) name = listNames[(i / 500) % listNames.length]!;
    else if (i % 3 === 0) name = `${FAMILY[i % 20]} ${FAMILY[(i >> 5) % 20]} ${ORG[i % 8]} ${i}`;
    else name = `${GIVEN[i % 20]} ${GIVEN[(i >> 3) % 20]} ${FAMILY[(i >> 6) % 20]}-${FAMILY[(i >> 2) % 20]}`;
    out.push({ id, name, tags: [], createdAt: now });
  }
  return out;
}

async function run(label: string, open: () => Promise<Vigil>): Promise<string[]> {
  const v = await open();
  try {
    await v.screening();
    const store = v.store;
    const csl = (await store.activeSnapshots()).find((s) => s.source === 'us-csl')!;
    const entries = await store.loadEntries([csl.id]);
    let t = Date.now();
    const ps = parties(entries.filter((e) => e.type === 'organization').slice(0, 400).map((e) => e.names[0]!.name));
    for (let i = 0; i < ps.length; i += 5000) await store.putParties(ps.slice(i, i + 5000));
    const insertMs = Date.now() - t;

    // The update: two thirds of --changed entries gain an alias, one third are new.
    const altered = Math.round(CHANGED * 2 / 3);
    const next: ListEntry[] = entries.map((e, i) => (i % Math.floor(entries.length / altered) === 0 && i / Math.floor(entries.length / altered) < altered
      ? { ...e, names: [...e.names, { name: `${e.names[0]!.name} HOLDING`, kind: 'aka' }] } : e));
    // New entries: real listings of another list (the UK's) under new CSL ids, as a real update
    // adds real names; with --new-names pool, names built from the parties' own name pool instead
    // (every party then shares tokens with the update: the worst case for the pre-filter).
    const uk = (await store.loadEntries((await store.activeSnapshots()).filter((s) => s.source === 'uk-ofsi').map((s) => s.id)));
    const step = Math.max(1, Math.floor(uk.length / Math.max(1, CHANGED - altered)));
    for (let i = 0; i < CHANGED - altered; i++) {
      const base = NEW_NAMES === 'pool' || uk.length === 0 ? entries[i * 7]! : { ...uk[(i * step) % uk.length]!, source: 'us-csl', list: entries[0]!.list };
      next.push({
        ...base, id: `us-csl:new-${i}`, sourceId: `new-${i}`,
        ...(NEW_NAMES === 'pool' ? { names: [{ name: `${GIVEN[i % 20]} ${FAMILY[(i * 7) % 20]} Import Export ${i}`, kind: 'primary' as const }] } : {}),
      });
    }
    const staged = await store.createSnapshot({ source: 'us-csl', format: 'us-csl', listDate: '2026-08-01', sha256: randomUUID(), fileName: 'bench.csv' });
    for (let i = 0; i < next.length; i += 2000) await store.addEntries(staged.id, next.slice(i, i + 2000));
    const current = await store.activateSnapshot(staged.id);

    t = Date.now();
    const cpu = process.cpuUsage();
    const phases: Record<string, { wallMs: number; cpuMs: number }> = {};
    const delta = (await runRescreenJob(store, await queueRescreen(store, csl, current, 'bench'), { phases }))!;
    const deltaMs = Date.now() - t;
    const used = process.cpuUsage(cpu);
    const deltaCpuMs = Math.round((used.user + used.system) / 1000);
    console.log(`${label} delta phases, wall/cpu ms: ${Object.entries(phases).map(([k, t]) => `${k} ${Math.round(t.wallMs)}/${Math.round(t.cpuMs)}`).join(', ')}`);

    if (process.argv.includes('--no-full')) return [label, String(PARTIES), `${delta.added}+${delta.changed}`, String(insertMs), String(deltaMs), String(deltaCpuMs), String(delta.candidates), String(delta.created + delta.reopened + delta.updated), '-', '-', '-'];
    // A full re-screening of every party against every active list, for comparison.
    t = Date.now();
    const index = await ScreeningIndex.load(store);
    console.log(`${label} full index load ms: ${Date.now() - t}`);
    const listing = await activeListing(store);
    let hits = 0;
    let afterId: string | undefined;
    for (;;) {
      const page = await store.listParties({ ...(afterId ? { afterId } : {}), limit: 2000 });
      if (page.length === 0) break;
      hits += (await recordAlerts(store, index, page, listing)).hits;
      afterId = page[page.length - 1]!.id;
    }
    const fullMs = Date.now() - t;
    return [label, String(PARTIES), `${delta.added}+${delta.changed}`, String(insertMs), String(deltaMs), String(deltaCpuMs), String(delta.candidates), String(delta.created + delta.reopened + delta.updated), String(fullMs), String(hits), (fullMs / deltaMs).toFixed(1)];
  } finally {
    await v.close();
  }
}

const rows: string[][] = [];
if (!process.argv.includes('--skip-sqlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-parties-'));
  try { rows.push(await run('sqlite', () => Vigil.open({ db: join(dir, 'v.db') }))); } finally { rmSync(dir, { recursive: true, force: true }); }
}
if (PG) {
  const name = `vigil_bench_${randomUUID().slice(0, 8)}`;
  const url = await createDatabase(PG, name);
  try { rows.push(await run('postgres', () => Vigil.open({ databaseUrl: url }))); } finally { await dropDatabase(PG, name); }
}
const header = ['store', 'parties', 'added+changed', 'register ms', 'delta re-screen ms', 'delta cpu ms', 'screened in full', 'alerts written', 'full re-screen ms', 'full hits', 'full / delta'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padStart(widths[i]!)).join('  '));
