// `vigil screen NAME [--type T] [--country CC] [--birth-year YYYY] [--threshold T] [--limit N] [--json]`
// and `vigil screen --input FILE.csv|.jsonl [--output FILE]`: one JSON line per input row,
// `{row, input, hits}` in input order; a bad row gives `{row, input, error}` in its place, the
// other rows go on, and the command exits 2 at the end naming the bad rows.
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { ScreenQuery, ScreenResult } from '../../model/index.js';
import { VigilInputError } from '../../model/errors.js';
import { readBatchFile } from '../../screening/batch-input.js';
import { parseBirthYear, parseCountry, parseEntityType, parseLimit, parseThreshold, queryFromFields } from '../../screening/query-input.js';
import { validateQueryName } from '../../screening/screener.js';
import { action, printJson, withVigil, EXIT } from '../context.js';
import { OutputFile } from '../output-file.js';
import type { StaleListWarning } from '../../lists/freshness.js';

interface ScreenOptions {
  type?: string; country?: string; birthYear?: string; threshold?: string; limit?: string;
  json?: boolean; input?: string; output?: string; asOf?: string;
}

export function register(program: Command): void {
  program
    .command('screen')
    .description('Screen a party name against the sanctions and denied-party lists')
    .argument('[name...]', 'the name to screen (any script)')
    .option('--type <type>', 'person, organization, vessel or aircraft')
    .option('--country <cc>', 'ISO 3166 alpha-2 country of the party')
    .option('--birth-year <yyyy>', 'year of birth of a person')
    .option('--threshold <t>', 'lowest score reported, 0-1')
    .option('--limit <n>', 'most hits reported per name (default 20)')
    .option('--input <file>', 'batch: a .csv with a name column (optional type, country, birth_year) or a .jsonl file')
    .option('--output <file>', 'batch: write the JSON Lines here instead of stdout')
    .option('--json', 'print JSON (batches always print JSON Lines)')
    .option('--as-of <date>', 'screen against the list snapshots that were active on this day (YYYY-MM-DD)')
    .action(
      action(async (words: string[], opts: ScreenOptions, cmd: Command) => {
        const threshold = parseThreshold(opts.threshold);
        const limit = parseLimit(opts.limit);
        if (opts.input) {
          if (words.length) throw new VigilInputError('give either a NAME or --input FILE, not both', 'screen');
          await screenBatch(cmd, opts.input, opts.output, threshold, limit);
          return;
        }
        if (opts.output) throw new VigilInputError('--output goes with --input', '--output');
        const q: ScreenQuery = { name: validateQueryName(words.join(' '), 'NAME') };
        const type = parseEntityType(opts.type);
        if (type) q.type = type;
        const country = parseCountry(opts.country);
        if (country) q.country = country;
        const birthYear = parseBirthYear(opts.birthYear);
        if (birthYear !== undefined) q.birthYear = birthYear;
        if (threshold !== undefined) q.threshold = threshold;
        if (limit !== undefined) q.limit = limit;
        if (opts.asOf && opts.input) throw new VigilInputError('--as-of goes with one NAME, not --input', '--as-of');
        const asOf = opts.asOf;
        const [result, warnings] = await withVigil(cmd, async (v) => {
          if (!asOf) {
            const r = await v.screen(q);
            return [r, await v.staleListWarnings(r.lists)] as const;
          }
          // A screening as it stood on a past day: no warning about today's list ages.
          return [await v.screenAsOf(q, asOf), [] as StaleListWarning[]] as const;
        });
        warnStale(warnings);
        if (opts.json) printJson({ ...(toJson(result, warnings) as object), ...(asOf ? { asOf } : {}) });
        else process.stdout.write(renderTable(result));
      }),
    );
}

/** The documented JSON shape (the hit's `type` is kept: it tells a person from a company), as POST /api/screen answers. */
function toJson(r: ScreenResult, warnings: StaleListWarning[]): unknown {
  return { query: r.query, threshold: r.threshold, lists: r.lists.map(({ id, version, date }) => ({ id, version, date })), hits: r.hits, warnings };
}

async function screenBatch(cmd: Command, input: string, output: string | undefined, threshold?: number, limit?: number): Promise<void> {
  // The output path is checked (and its temporary file opened) before the input is read or anything
  // is screened: a bad --output fails fast and touches nothing.
  const file = output ? new OutputFile(output, [input]) : undefined;
  try {
    await screenRows(cmd, input, file, threshold, limit);
    file?.commit();
  } catch (e) {
    file?.abort();
    throw e;
  }
}

async function screenRows(cmd: Command, input: string, file: OutputFile | undefined, threshold?: number, limit?: number): Promise<void> {
  const rows = readBatchFile(input, ['name']);
  const out = process.stdout;
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'screening [{bar}] {value}/{total} rows', stream: process.stderr }, Presets.shades_classic) : undefined;
  const bad: number[] = [];
  await withVigil(cmd, async (v) => {
    const index = await v.screening();
    bar?.start(rows.length, 0);
    for (const r of rows) {
      let line: string;
      try {
        const q = queryFromFields(r.fields, r.where);
        if (threshold !== undefined) q.threshold = threshold;
        if (limit !== undefined) q.limit = limit;
        line = JSON.stringify({ row: r.row, input: q, hits: index.screen(q).hits });
      } catch (e) {
        if (!(e instanceof VigilInputError)) throw e;
        bad.push(r.row);
        line = JSON.stringify({ row: r.row, input: clip(r.fields), error: e.message });
      }
      if (file) file.write(`${line}\n`);
      else if (!out.write(`${line}\n`)) await new Promise<void>((res) => { out.once('drain', () => res()); });
      bar?.increment();
    }
    bar?.stop();
    warnStale(await v.staleListWarnings(index.versions));
  });
  if (bad.length) {
    process.stderr.write(`vigil: ${input}: ${bad.length} of ${rows.length} rows could not be screened (rows ${bad.slice(0, 20).join(', ')}${bad.length > 20 ? ', …' : ''}); see their "error" lines\n`);
    process.exitCode = EXIT.badInput;
  }
}

/**
 * Stale lists on stderr, one line each (stdout keeps its documented JSON): a "no hit" on a
 * months-old list must not pass for a "no hit" on today's.
 */
function warnStale(warnings: StaleListWarning[]): void {
  for (const w of warnings) process.stderr.write(`vigil: warning: ${w.message}\n`);
}

/** A bad row echoed back without its 1 MB field. */
function clip(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === '__error') continue;
    out[k] = typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}… (${v.length} characters)` : v;
  }
  return out;
}

export function renderTable(r: ScreenResult): string {
  const lines: string[] = [];
  lines.push(`Query: ${r.query.name}   threshold ${r.threshold}`);
  lines.push(`Lists: ${r.lists.map((l) => `${l.id} ${l.date} (#${l.version})`).join(', ') || 'none imported'}`);
  lines.push('');
  if (r.hits.length === 0) {
    lines.push('No hit at or above the threshold. (A screening result, not a clearance: check the other parties and the items.)');
    return `${lines.join('\n')}\n`;
  }
  const rows = r.hits.map((h) => [h.score.toFixed(3), h.source, h.list, h.name, h.matchedName === h.name ? '' : h.matchedName, h.programs.join(' '), h.countries.join(' ')]);
  const header = ['score', 'source', 'list', 'name', 'matched name', 'programs', 'countries'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((x) => x[i]!.length))));
  const fmt = (cells: string[]) => cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ').trimEnd();
  lines.push(fmt(header));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const x of rows) lines.push(fmt(x));
  lines.push('');
  const top = r.hits[0]!;
  lines.push(`Why ${top.name} (${top.score.toFixed(3)}):`);
  for (const t of top.explanation.tokens) lines.push(`  ${t.query} -> ${t.matched ?? '(none)'}  ${t.how} ${t.score}`);
  for (const n of top.explanation.notes) lines.push(`  ${n}`);
  return `${lines.join('\n')}\n`;
}
