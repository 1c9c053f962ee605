// `vigil assess FILE.json [--as-of YYYY-MM-DD] [--json]`: determinations per jurisdiction, side by
// side. The file is validated before anything is opened, so bad input never yields a partial answer.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { VigilInputError } from '../../model/errors.js';
import { isValidDate, loadRuleSet, parseTransaction } from '../../policy/index.js';
import { checkAsOf } from '../../policy/transaction-schema.js';
import { assessmentText } from '../../policy/report-text.js';
import { memoInput } from '../../report/memo.js';
import { memoKind, writeMemo } from '../../report/pdf.js';
import { action, printJson, withVigil } from '../context.js';

export function register(program: Command): void {
  program
    .command('assess <file>')
    .description('Assess a transaction (JSON file) under each jurisdiction\'s rules as of a date')
    .option('--as-of <date>', 'judge the transaction as of this date, YYYY-MM-DD (default: the transaction date)')
    .option('--memo <file>', 'also write the decision memo: FILE.html, or FILE.pdf (printed by headless chromium)')
    .option('--json', 'print the assessment as one JSON document')
    .action(action(async (file: string, opts: { asOf?: string; memo?: string; json?: boolean }, cmd: Command) => {
      if (opts.memo !== undefined) memoKind(opts.memo); // a bad name fails before any work
      if (opts.asOf !== undefined) checkAsOf(opts.asOf, '--as-of');
      let raw: unknown = readTransactionFile(file);
      // A scenario file ({ transaction, asOf }, as POST /api/assess accepts) is read as its transaction.
      let fileAsOf: string | undefined;
      if (raw && typeof raw === 'object' && 'transaction' in raw && typeof (raw as { transaction: unknown }).transaction === 'object') {
        const w = raw as { transaction: unknown; asOf?: unknown };
        if (typeof w.asOf === 'string' && isValidDate(w.asOf)) fileAsOf = w.asOf;
        raw = w.transaction;
      }
      const rules = await loadRuleSet();
      const tx = parseTransaction(raw, { jurisdictions: rules.jurisdictionIds(), where: file });
      const assessment = await withVigil(cmd, (v) => v.assess(tx, opts.asOf ?? fileAsOf ?? tx.date));
      if (opts.memo) {
        await writeMemo(opts.memo, memoInput(rules, assessment, tx));
        process.stderr.write(`memo written to ${opts.memo}\n`);
      }
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
