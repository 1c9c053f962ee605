// Acceptance: a process SIGKILLed in the middle of a case write — after the case row, the denial
// notification and the audit event are written but before the commit — leaves nothing behind:
// no half-moved case, no notification, no audit event, and the next writer is not blocked.
// VIGIL_TEST_PAUSE_IN_CASE_WRITE makes the CLI stop at exactly that point (src/cases/test-hooks.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Vigil } from '../../src/app/vigil.js';
import { CaseService, verifyAuditChain } from '../../src/cases/index.js';
import { OFFICER, ROOT, fixturePath, fixtureTx, openVigil, tempDir } from './helpers.js';

/** Run the CLI until it reaches the pause inside the transaction, then SIGKILL it. */
async function killMidWrite(db: string, marker: string, args: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--db', db, ...args], {
    cwd: ROOT, env: { ...process.env, VIGIL_TEST_PAUSE_IN_CASE_WRITE: marker, VIGIL_ACTOR: 'test:killed' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 180_000;
  let early: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((r) => { early = r; });
  while (!existsSync(marker)) {
    if (early) assert.fail(`the CLI ended (${JSON.stringify(early)}) before reaching the pause: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      assert.fail(`the CLI never reached the pause: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  const r = await exited;
  assert.equal(r.signal, 'SIGKILL');
}

test('SIGKILL inside a denial leaves the case, its notifications and the audit trail as they were', async (t) => {
  const { vigil, db } = await openVigil(t);
  const svc = new CaseService(vigil);
  const c = await svc.create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Esempio', OFFICER, { submit: true });
  const assessed = await svc.assess(c.id, OFFICER);
  const auditBefore = await vigil.store.listAudit();
  await vigil.close();

  const marker = join(tempDir(t), 'paused');
  await killMidWrite(db, marker, ['cases', 'transition', c.id, 'denied', '--reason', 'killed half-way']);

  const after = await Vigil.open({ db, bundled: false });
  t.after(() => after.close());
  const stored = (await after.store.getCase(c.id))!;
  assert.equal(stored.state, 'under-assessment');
  assert.equal(stored.version, assessed.version);
  assert.equal(stored.denialNotifications, undefined);
  assert.deepEqual(await after.store.listDenialNotifications(), []);
  assert.deepEqual(await after.store.listAudit(), auditBefore, 'no audit event from the killed write');
  assert.equal((await verifyAuditChain(after.store)).ok, true);

  // The lock died with the process: the same transition now goes through, once.
  const denied = await new CaseService(after).transition(c.id, { to: 'denied', reason: 'decided after the crash' }, OFFICER);
  assert.equal(denied.state, 'denied');
  assert.equal(denied.version, assessed.version + 1);
  assert.equal((await after.store.listDenialNotifications()).length, 1);
  const events = await after.store.listAudit({ afterSeq: auditBefore.at(-1)!.seq });
  assert.deepEqual(events.map((e) => e.outcome), ['under-assessment -> denied']);
  assert.equal((await verifyAuditChain(after.store)).ok, true);
});

test('SIGKILL inside a case creation leaves no case and no audit event', async (t) => {
  const { vigil, db } = await openVigil(t);
  const auditBefore = await vigil.store.listAudit();
  await vigil.close();
  const marker = join(tempDir(t), 'paused');
  await killMidWrite(db, marker, ['cases', 'create', fixturePath('it-thermal-cameras-ly.json'), '--applicant', 'Officine Esempio']);

  const after = await Vigil.open({ db, bundled: false });
  t.after(() => after.close());
  assert.deepEqual(await after.store.listCases(), []);
  assert.deepEqual(await after.store.listAudit(), auditBefore);
  const c = await new CaseService(after).create(fixtureTx('it-thermal-cameras-ly.json'), 'Officine Esempio', OFFICER);
  assert.match(c.id, /-0001$/, 'the case number taken by the killed write was rolled back too');
});
