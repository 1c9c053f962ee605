// One screening index per test process, over the seeded test database (the bundled lists), closed
// when the process's tests end.
import { test } from 'node:test';
import { Vigil } from '../../src/app/vigil.js';
import type { ScreeningIndex } from '../../src/screening/index.js';
import { seededDb } from '../api/seeded-db.js';

let shared: Promise<{ v: Vigil; index: ScreeningIndex }> | undefined;

export async function seededIndex(t: { after(fn: () => unknown): void }): Promise<ScreeningIndex> {
  if (!shared) {
    shared = (async () => {
      const v = await Vigil.open({ db: await seededDb(t), bundled: false });
      return { v, index: await v.screening() };
    })();
    test.after(async () => { if (shared) (await shared).v.close(); });
  }
  return (await shared).index;
}
