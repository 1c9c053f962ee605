// `vigil parties` and `vigil alerts` through the real CLI on a copy of the seeded database (bundled
// lists), then an EU list import that names a registered party: its alert appears, is reviewed as a
// false positive with the actor in the audit trail, and the same import again raises nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { seededDb } from '../api/seeded-db.js';
import { ROOT, tempDir } from '../api/support.js';

function vigil(db: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT, env: { ...process.env, VIGIL_DB: db, VIGIL_ACTOR: 'officer-cli' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const json = (r: { status: number; stdout: string; stderr: string }) => { assert.equal(r.status, 0, r.stderr); return JSON.parse(r.stdout); };

test('parties import/list/show/remove, alerts on registration and on a list import, review as false positive', async (t) => {
  const db = await seededDb(t);
  const csv = join(tempDir(t, 'vigil-parties-'), 'parties.csv');
  writeFileSync(csv, [
    'name,type,country,birth_date,external_ref,tags',
    'Roman Abramovitch,person,RU,1966,C-100,vip;russia',
    'Officine Esempio S.p.A.,organization,IT,,C-101,',
    'Khamis Qadhafi,person,LY,1978,C-102,',
  ].join('\n'));

  const imported = json(vigil(db, 'parties', 'import', csv, '--json'));
  assert.equal(imported.imported, 3);
  assert.ok(imported.alerts.created >= 2, JSON.stringify(imported.alerts)); // UK (Abramovich) and UN/US (Khamis Qadhafi)
  const list = json(vigil(db, 'parties', 'list', '--json')).parties as { id: string; name: string; externalRef?: string; tags: string[] }[];
  assert.equal(list.length, 3);
  assert.deepEqual(list.find((p) => p.externalRef === 'C-100')!.tags, ['vip', 'russia']);
  // A duplicate external reference is refused.
  const dup = vigil(db, 'parties', 'add', 'Someone Else', '--ref', 'C-100', '--json');
  assert.equal(dup.status, 3, dup.stderr);

  const shown = json(vigil(db, 'parties', 'show', 'C-100', '--json'));
  assert.equal(shown.party.name, 'Roman Abramovitch');
  const uk = (shown.alerts as { id: string; entityId: string; status: string }[]).find((a) => a.entityId === 'uk-ofsi:14212');
  assert.ok(uk, JSON.stringify(shown.alerts));
  assert.equal(uk.status, 'open');

  // The EU list arrives: Abramovich and Khamis Qadhafi are on it.
  const eu = json(vigil(db, 'lists', 'import', 'eu', join(ROOT, 'test/fixtures/lists/eu-fsf/fsf_xml_1_1_sample.xml'), '--json'));
  assert.equal(eu.status, 'imported');
  assert.ok(eu.rescreen.created >= 2, JSON.stringify(eu.rescreen));
  const open = json(vigil(db, 'alerts', '--status', 'open', '--json')).alerts as { id: string; entityId: string; partyName: string }[];
  assert.ok(open.some((a) => a.entityId === 'eu:90005' && a.partyName === 'Roman Abramovitch'), JSON.stringify(open.map((a) => a.entityId)));
  assert.ok(open.some((a) => a.entityId === 'eu:90002' && a.partyName === 'Khamis Qadhafi'));

  const target = open.find((a) => a.entityId === 'eu:90005')!;
  const noReason = vigil(db, 'alerts', 'review', target.id, 'false-positive', '--json');
  assert.equal(noReason.status, 2, 'a false positive needs a reason');
  const reviewed = json(vigil(db, 'alerts', 'review', target.id, 'false-positive', '--reason', 'test: a namesake', '--json'));
  assert.equal(reviewed.alert.status, 'false-positive');
  assert.equal(reviewed.alert.reviews[0].actor, 'officer-cli');
  const audit = json(vigil(db, 'audit', 'list', '--json'));
  const events = (audit.events ?? audit) as { action: string; actor: string; subject?: string }[];
  assert.ok(events.some((e) => e.action === 'alert.review' && e.actor === 'officer-cli' && e.subject === target.id), JSON.stringify(events.slice(-3)));
  assert.ok(events.some((e) => e.action === 'parties.rescreen'));

  const fps = json(vigil(db, 'alerts', '--status', 'false-positive', '--json')).alerts as { id: string }[];
  assert.deepEqual(fps.map((a) => a.id), [target.id]);
  assert.equal(json(vigil(db, 'alerts', '--since', '2999-01-01', '--json')).alerts.length, 0);

  const removed = json(vigil(db, 'parties', 'remove', list[1]!.id, '--json'));
  assert.equal(removed.removed, list[1]!.id);
  assert.equal(json(vigil(db, 'parties', 'list', '--json')).parties.length, 2);
});

test('a party name the screener cannot read is refused at registration, naming the line and column; nothing is registered', async (t) => {
  const db = await seededDb(t);
  const dir = tempDir(t, 'vigil-parties-bad-');
  const csv = join(dir, 'parties.csv');
  writeFileSync(csv, ['name,type,country,external_ref', 'Officine Esempio S.p.A.,organization,IT,C-1', '12345 / 678,organization,IT,C-2', 'Khamis Qadhafi,person,LY,C-3'].join('\n'));
  const r = vigil(db, 'parties', 'import', csv, '--json');
  assert.equal(r.status, 2, r.stderr);
  const err = JSON.parse(r.stdout).error as { message: string; path: string };
  assert.match(err.message, /letters/);
  assert.equal(err.path, `${csv}:3, field "name"`);
  assert.equal(json(vigil(db, 'parties', 'list', '--json')).parties.length, 0, 'the good rows of a refused file are not registered either');

  const bad = vigil(db, 'parties', 'add', '12 34', '--json');
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(JSON.parse(bad.stdout).error.message, /letters/);
  // Control characters are refused like in a screening query.
  assert.equal(vigil(db, 'parties', 'add', 'Acme\u0007 Ltd', '--json').status, 2);
  assert.equal(json(vigil(db, 'parties', 'list', '--json')).parties.length, 0);
});
