// `vigil assess FILE.json [--as-of YYYY-MM-DD] [--json]`: determinations per jurisdiction, side by
// side. The file is validated before anything is opened, so bad input never yields a partial answer.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { VigilInputError } from '../../model/errors.js';
import { loadRuleSet, parseTransaction } from '../../policy/index.js';
import { checkAsOf } from '../../policy/transaction-schema.js';
import { assessmentText } from '../../policy/report-text.js';
import { action, printJson, withVigil } from '../context.js';

export function register(program: Command): void {
  program
    .command('assess <file>')
    .description('Assess a transaction (JSON file) under each jurisdiction\'s rules as of a date')
    .option('--as-of <date>', 'judge the transaction as of this date, YYYY-MM-DD (default: the transaction date)')
    .option('--json', 'print the assessment as one JSON document')
    .action(action(async (file: string, opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      if (opts.asOf !== undefined) checkAsOf(opts.asOf, '--as-of');
      const raw = readTransactionFile(file);
      const rules = await loadRuleSet();
      const tx = parseTransaction(raw, { jurisdictions: rules.jurisdictionIds(), where: file });
      const assessment = await withVigil(cmd, (v) => v.assess(tx, opts.asOf ?? tx.date));
      if (opts.json) printJson(assessment);
      else process.stdout.write(assessmentText(assessment, tx, Math.min(process.stdout.columns ?? 100, 120)));
    }));
}

function readTransactionFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new VigilInputError(`cannot read the transaction file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new VigilInputError(`not valid JSON: ${(e as Error).message}`, file);
  }
}
