// `vigil classify QUERY [--json] [--as-of D] [--limit N]`: control-list classification by code,
// CAS number or description. It needs only the control catalogue (shipped data files), so it does
// not open the database.
import type { Command } from 'commander';
import { loadControlCatalog } from '../../controls/catalog.js';
import type { ClassificationResult, ClassifyResponse } from '../../model/index.js';
import { VigilInputError } from '../../model/errors.js';
import { action, printJson } from '../context.js';

interface ClassifyOptions { json?: boolean; asOf?: string; limit?: string }

export function register(program: Command): void {
  program
    .command('classify')
    .description('Classify an item against the control lists: a code (6A003.b.4), a CAS number (111-48-8) or a description')
    .argument('<query...>', 'code, CAS number or free-text description')
    .option('--json', 'print one JSON document')
    .option('--as-of <date>', 'date the answer is for, YYYY-MM-DD (sets the EU regulation in force)')
    .option('--limit <n>', 'number of results (1-100, default 10)')
    .action(
      action(async (words: string[], opts: ClassifyOptions) => {
        const limit = opts.limit === undefined ? undefined : parseLimit(opts.limit);
        const catalog = await loadControlCatalog();
        try {
          const response = catalog.classify(words.join(' '), { asOf: opts.asOf, limit });
          if (opts.json) printJson(response);
          else process.stdout.write(renderTable(response));
        } finally {
          catalog.close();
        }
      }),
    );
}

function parseLimit(text: string): number {
  if (!/^\d+$/.test(text)) throw new VigilInputError(`not a whole number: ${JSON.stringify(text.slice(0, 20))}`, '--limit');
  return Number(text);
}

/** A table for people: one line per result, then the notes. */
export function renderTable(r: ClassifyResponse): string {
  const lines: string[] = [];
  lines.push(`Query: ${r.query}`);
  lines.push(`As of ${r.asOf}; EU dual-use regulation in force: ${r.euRegulation}`);
  lines.push('');
  if (r.results.length === 0) {
    lines.push('No matching control entry.');
  } else {
    const rows = r.results.map(row);
    const header = ['code', 'paragraph', 'score', 'by', 'regimes', 'US reasons', 'lists', 'CWC', 'match'];
    const widths = header.map((h, i) => Math.min(i === header.length - 1 ? 70 : 30, Math.max(h.length, ...rows.map((x) => x[i]!.length))));
    const fmt = (cells: string[]) => cells.map((c, i) => fit(c, widths[i]!)).join('  ').trimEnd();
    lines.push(fmt(header));
    lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const x of rows) lines.push(fmt(x));
    lines.push('');
    for (const res of r.results.slice(0, 3)) lines.push(`${res.paragraph ?? res.code}: ${res.paragraphText ?? res.title}`);
  }
  for (const n of r.notes ?? []) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}

function row(x: ClassificationResult): string[] {
  return [
    x.code,
    x.unknownParagraph ? `${x.unknownParagraph} (unknown)` : x.paragraph ?? '',
    x.score.toFixed(2),
    x.matchedOn,
    x.regimes.join(',') || '-',
    x.reasons.join(',') || '-',
    x.jurisdictions.join(',') || '-',
    x.cwcSchedule ?? '',
    (x.chemical ? `${x.chemical}${x.cas ? ` (${x.cas})` : ''}` : x.snippet ?? x.title).replace(/\s+/g, ' '),
  ];
}

function fit(s: string, w: number): string {
  return s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w);
}
