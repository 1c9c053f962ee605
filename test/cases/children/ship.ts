// Child process for the shipment race: open Vigil on the target, wait for the start file, record
// one shipment against the case, print the outcome as JSON.
// argv: <target JSON> <case id> <start file> <quantity>
import { existsSync } from 'node:fs';
import { Vigil } from '../../../src/app/vigil.js';
import { CaseService } from '../../../src/cases/index.js';
import { VigilRefusal } from '../../../src/model/errors.js';

const [targetJson, caseId, startFile, quantity] = process.argv.slice(2);
const vigil = await Vigil.open({ ...JSON.parse(targetJson!), bundled: false });
try {
  const svc = new CaseService(vigil);
  process.stdout.write('ready\n');
  while (!existsSync(startFile!)) await new Promise((r) => setTimeout(r, 2));
  try {
    const c = await svc.ship(caseId!, { date: '2026-02-01', lines: [{ index: 0, quantity: Number(quantity), value: 1 }] }, { id: `test:ship-${process.pid}`, role: 'officer' });
    process.stdout.write(`${JSON.stringify({ accepted: true, shipments: c.shipments?.length })}\n`);
  } catch (err) {
    if (!(err instanceof VigilRefusal)) throw err;
    process.stdout.write(`${JSON.stringify({ accepted: false, code: err.code })}\n`);
  }
} finally {
  await vigil.close();
}
