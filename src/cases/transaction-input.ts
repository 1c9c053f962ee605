// Reading a licence application's transaction from a JSON file (the transaction itself, or a
// scenario file `{ transaction, ... }`), validated by the same schema the API uses.
import { readFile } from 'node:fs/promises';
import type { Transaction } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import { TransactionSchema } from '../api/schemas.js';

export function parseTransaction(raw: unknown, where: string): Transaction {
  const body = raw && typeof raw === 'object' && 'transaction' in raw ? (raw as { transaction: unknown }).transaction : raw;
  const prefix = body === raw ? '' : 'transaction.';
  const r = TransactionSchema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = prefix + issue.path.map(String).join('.');
    throw new VigilInputError(issue.message, `${where}: ${field.replace(/\.$/, '') || '(root)'}`);
  }
  return r.data as Transaction;
}

export async function readTransactionFile(path: string): Promise<Transaction> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new VigilInputError(`cannot read: ${(err as Error).message}`, path);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new VigilInputError(`not JSON: ${(err as Error).message}`, path);
  }
  return parseTransaction(raw, path);
}
