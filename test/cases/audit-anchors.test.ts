// `vigil audit anchor` and `vigil audit verify --anchors FILE`: the head kept outside the store
// catches what the chain alone cannot — a tail cut off (and a chain re-grown after it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawSql } from '../support/stores.js';
import { json, openVigil, runCli, tempDir } from './helpers.js';

test('audit anchor appends the verified head; verify --anchors catches a cut tail that verify alone passes', async (t) => {
  const { vigil, db } = await openVigil(t);
  for (let i = 0; i < 5; i++) await vigil.store.appendAudit({ actor: 'test', action: 'test.event', subject: `e${i}` });
  const before = (await vigil.store.listAudit()).length;
  await vigil.close();
  const dir = tempDir(t);
  const anchors = join(dir, 'anchors.jsonl');

  const a1 = await runCli(db, ['audit', 'anchor', '--append', anchors, '--json']);
  assert.equal(a1.status, 0, a1.stderr);
  const first = json(a1) as { seq: number; hash: string; events: number; at: string };
  assert.equal(first.seq, before);
  assert.equal(first.events, before);
  assert.match(first.hash, /^[0-9a-f]{64}$/);
  const human = await runCli(db, ['audit', 'anchor', '--append', anchors]);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /^audit head: seq \d+, hash [0-9a-f]{64}, \d+ event\(s\), at .*; appended to /);
  const lines = readFileSync(anchors, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number });
  assert.equal(lines.length, 2);

  const ok = await runCli(db, ['audit', 'verify', '--anchors', anchors, '--json']);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.equal(json(ok).ok, true);
  assert.equal(json(ok).anchors, 2);

  // Cut the tail: the chain that is left is internally consistent, so plain verify passes ...
  const last = lines[1]!.seq;
  await rawSql({ db }, 'DELETE FROM audit_events WHERE seq >= ?', [last - 1]);
  const plain = await runCli(db, ['audit', 'verify', '--json']);
  assert.equal(plain.status, 0, plain.stdout);
  // ... and only the anchors see it.
  const cut = await runCli(db, ['audit', 'verify', '--anchors', anchors, '--json']);
  assert.equal(cut.status, 1, cut.stdout);
  const r = json(cut) as { ok: boolean; firstBroken: { seq: number; kind: string; message: string } };
  assert.equal(r.ok, false);
  assert.equal(r.firstBroken.kind, 'anchor');
  assert.match(r.firstBroken.message, /removed from the end/);
  const text = await runCli(db, ['audit', 'verify', '--anchors', anchors]);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /BROKEN at seq \d+ \(anchor\)/);
});

test('a bad anchors file is refused naming the file and line; an empty trail has no head to anchor', async (t) => {
  const { vigil, db } = await openVigil(t);
  const events = (await vigil.store.listAudit()).length;
  await vigil.close();
  const dir = tempDir(t);
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, `${JSON.stringify({ seq: 1, hash: 'a'.repeat(64) })}\nnot json\n`);
  const r = await runCli(db, ['audit', 'verify', '--anchors', bad, '--json']);
  assert.equal(r.status, 2);
  assert.deepEqual(json(r).error.path, `${bad} line 2`);
  const missing = await runCli(db, ['audit', 'verify', '--anchors', join(dir, 'none.jsonl')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read the anchors file: ENOENT/);
  if (events === 0) {
    const empty = await runCli(db, ['audit', 'anchor', '--json']);
    assert.equal(empty.status, 3);
    assert.equal(json(empty).error.code, 'audit-empty');
  }
});
