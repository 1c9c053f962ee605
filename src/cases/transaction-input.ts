// Reading a licence application's transaction from a JSON file (the transaction itself, or a
// scenario file `{ transaction, ... }`), validated by the policy work's transaction schema.
import { readFile } from 'node:fs/promises';
import type { Transaction } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import { parseTransaction as parsePolicyTransaction } from '../policy/index.js';

export function parseTransaction(raw: unknown, where: string): Transaction {
  const wrapped = !!raw && typeof raw === 'object' && 'transaction' in raw;
  const body = wrapped ? (raw as { transaction: unknown }).transaction : raw;
  return parsePolicyTransaction(body, { where: wrapped ? `${where} transaction` : where });
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
