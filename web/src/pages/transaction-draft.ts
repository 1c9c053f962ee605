// The Assess form edits a Transaction; these helpers make an empty one and read pasted JSON.
import type { Transaction } from '../types.ts';

export const emptyTransaction = (): Transaction => ({
  date: new Date().toISOString().slice(0, 10),
  exporter: { name: '', country: 'IT' },
  destination: '',
  parties: [{ role: 'end-user', name: '', country: '', type: 'organization' }],
  items: [{ description: '', code: '', quantity: 1 }],
  endUse: { statement: '', categories: [] },
  jurisdictions: ['UN', 'EU', 'IT', 'US'],
});

/** A bare transaction or `{ transaction, asOf }` (a scenario file); errors say where the JSON breaks. */
export function parseTransactionJson(text: string): { transaction: Transaction; asOf?: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new Error(`The JSON does not parse: ${(err as Error).message}`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('The JSON must be an object (a transaction).');
  const o = v as Record<string, unknown>;
  if (o.transaction && typeof o.transaction === 'object') {
    return { transaction: o.transaction as Transaction, asOf: typeof o.asOf === 'string' ? o.asOf : undefined };
  }
  const { asOf, ...tx } = o;
  return { transaction: tx as unknown as Transaction, asOf: typeof asOf === 'string' ? asOf : undefined };
}

/** Drop empty optional fields the form leaves behind, so the server sees what the user meant. */
export function cleanTransaction(tx: Transaction): Transaction {
  const clean = <T extends object>(o: T): T => Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== '' && v !== undefined && v !== null && !(typeof v === 'number' && Number.isNaN(v))),
  ) as T;
  return {
    ...tx,
    exporter: clean(tx.exporter),
    parties: tx.parties.map(clean).filter((p) => p.name),
    items: tx.items.map(clean),
    endUse: clean(tx.endUse),
  };
}
