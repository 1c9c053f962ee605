// A deliberate pause inside a case write, for the crash test: with
// VIGIL_TEST_PAUSE_IN_CASE_WRITE=<file> set, a case write stops after all its rows are written but
// before the transaction commits, creates <file>, and waits — so a test can SIGKILL the process at
// exactly the worst moment. Without the variable this does nothing.
import { writeFileSync } from 'node:fs';

export async function pauseInsideCaseWrite(): Promise<void> {
  const marker = process.env.VIGIL_TEST_PAUSE_IN_CASE_WRITE;
  if (!marker) return;
  writeFileSync(marker, `${process.pid}\n`);
  await new Promise((resolve) => setTimeout(resolve, 600_000));
}
