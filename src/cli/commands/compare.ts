// `vigil compare A B [--type T] [--json]` and `vigil compare --input FILE.csv` (columns a, b,
// optional type): JSON Lines out, one per pair, in order; a bad row gives `{row, error}` in its
// place and the command exits 2 at the end. Comparing needs no list, so no database is opened.
import type { Command } from 'commander';
import type { CompareResult } from '../../model/index.js';
import { VigilInputError } from '../../model/errors.js';
import { readBatchFile } from '../../screening/batch-input.js';
import { compareNames } from '../../screening/index.js';
import { parseEntityType } from '../../screening/query-input.js';
import { action, printJson, printJsonLine, EXIT } from '../context.js';

interface CompareOptions { type?: string; json?: boolean; input?: string }

export function register(program: Command): void {
  program
    .command('compare')
    .description('Score two names against each other (any script)')
    .argument('[a]', 'first name (the query)')
    .argument('[b]', 'second name (the listed name)')
    .option('--type <type>', 'person or organization')
    .option('--input <file>', 'batch: a .csv with columns a, b and optional type')
    .option('--json', 'print JSON (batches always print JSON Lines)')
    .action(
      action(async (a: string | undefined, b: string | undefined, opts: CompareOptions) => {
        if (opts.input) {
          if (a !== undefined || b !== undefined) throw new VigilInputError('give either A and B or --input FILE, not both', 'compare');
          compareBatch(opts.input);
          return;
        }
        if (a === undefined || b === undefined) throw new VigilInputError('two names are required: vigil compare A B', 'compare');
        const r = compareNames(a, b, parseEntityType(opts.type));
        if (opts.json) printJson(r);
        else process.stdout.write(renderTable(r));
      }),
    );
}

function compareBatch(path: string): void {
  const rows = readBatchFile(path, ['a', 'b']);
  const bad: number[] = [];
  for (const r of rows) {
    try {
      const f = r.fields;
      if (typeof f.__error === 'string') throw new VigilInputError(f.__error, r.where);
      const type = parseEntityType(f.type, `${r.where} field type`);
      const a = typeof f.a === 'string' ? f.a : '';
      const b = typeof f.b === 'string' ? f.b : '';
      const res = compareNamesAt(a, b, type, r.where);
      printJsonLine({ row: r.row, ...res });
    } catch (e) {
      if (!(e instanceof VigilInputError)) throw e;
      bad.push(r.row);
      printJsonLine({ row: r.row, error: e.message });
    }
  }
  if (bad.length) {
    process.stderr.write(`vigil: ${path}: ${bad.length} of ${rows.length} rows could not be compared (rows ${bad.slice(0, 20).join(', ')}); see their "error" lines\n`);
    process.exitCode = EXIT.badInput;
  }
}

function compareNamesAt(a: string, b: string, type: ReturnType<typeof parseEntityType>, where: string): CompareResult {
  try {
    return compareNames(a, b, type);
  } catch (e) {
    if (e instanceof VigilInputError) throw new VigilInputError(e.message, where);
    throw e;
  }
}

function renderTable(r: CompareResult): string {
  const lines = [`${r.a}  vs  ${r.b}`, `score ${r.score.toFixed(3)}  ${r.match ? 'match' : 'no match'} (threshold applies to screening)`, ''];
  for (const t of r.explanation.tokens) lines.push(`  ${t.query} -> ${t.matched ?? '(none)'}  ${t.how} ${t.score} (weight ${t.weight})`);
  for (const n of r.explanation.notes) lines.push(`  ${n}`);
  return `${lines.join('\n')}\n`;
}
