// `vigil timeline DEST [--from YYYY] [--to YYYY] [--as-of DATE] [--svg FILE] [--width PX] [--json]`:
// the measures of a destination on a time axis, one lane per jurisdiction, from the same data as
// `vigil measures`. Reads only the rule files (no database).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { VigilInputError } from '../../model/errors.js';
import { isValidDate, loadRuleSet } from '../../policy/index.js';
import { timelineFor, type TimelineAnswer } from '../../policy/timeline.js';
import { timelineSvg } from '../../report/timeline-svg.js';
import { action, printJson } from '../context.js';

interface Options { from?: string; to?: string; asOf?: string; svg?: string; width?: string; jurisdiction?: string; json?: boolean }

export function register(program: Command): void {
  program
    .command('timeline')
    .description('The sanctions measures of a destination through time: one lane per jurisdiction (SVG or JSON)')
    .argument('<destination>', 'ISO 3166-1 alpha-2 code, e.g. LY')
    .option('--from <year>', 'first year drawn (default: 1990 or the first measure, if earlier)')
    .option('--to <year>', 'last year drawn (default: today)')
    .option('--as-of <date>', 'mark this date with a cursor, and each band\'s status on it, YYYY-MM-DD')
    .option('--jurisdiction <list>', 'lanes to draw, comma-separated (default: every jurisdiction)')
    .option('--svg <file>', 'write the picture as an SVG file')
    .option('--width <px>', 'width the SVG is laid out for (below 600 the lanes stack)', '960')
    .option('--json', 'print one JSON document (the bands)')
    .action(action(async (dest: string, opts: Options) => {
      const fromYear = year(opts.from, '--from');
      const toYear = year(opts.to, '--to');
      if (opts.asOf !== undefined && !isValidDate(opts.asOf)) throw new VigilInputError(`not a real date: ${JSON.stringify(opts.asOf)} (expected YYYY-MM-DD)`, '--as-of');
      const width = Number(opts.width);
      if (!Number.isInteger(width) || width < 320 || width > 4000) throw new VigilInputError(`--width must be a whole number of pixels from 320 to 4000, not ${JSON.stringify(opts.width)}`, '--width');
      const rules = await loadRuleSet();
      const t = timelineFor(rules, dest.toUpperCase(), {
        ...(fromYear !== undefined ? { fromYear } : {}), ...(toYear !== undefined ? { toYear } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        ...(opts.jurisdiction ? { jurisdictions: opts.jurisdiction.split(',').map((j) => j.trim().toUpperCase()).filter(Boolean) } : {}),
      });
      if (opts.svg) {
        try {
          writeFileSync(opts.svg, timelineSvg(t, { width }));
        } catch (e) {
          throw new VigilInputError(`cannot write the SVG: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, opts.svg);
        }
      }
      if (opts.json) printJson(opts.svg ? { ...t, svg: opts.svg } : t);
      else process.stdout.write(text(t, opts.svg));
    }));
}

function year(v: string | undefined, path: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw new VigilInputError(`expected a year YYYY, not ${JSON.stringify(v)}`, path);
  return Number(v);
}

function text(t: TimelineAnswer, svg?: string): string {
  const lines = [`${t.name} (${t.destination}), ${t.from} to ${t.to}${t.asOf ? `, as of ${t.asOf}` : ''}`];
  for (const lane of t.lanes) {
    lines.push('', lane.jurisdiction);
    if (!lane.bands.length) lines.push('  no modelled measure');
    for (const b of lane.bands) {
      lines.push(`  ${b.from} → ${b.to ?? 'open      '}  ${b.measure} [${b.type}] ${b.effect}${b.status ? ` (${b.status} on ${t.asOf})` : ''}`);
      for (const s of b.suspensions) lines.push(`      suspended ${s.from} → ${s.to ?? 'open'}`);
      if (b.lifted) lines.push(`      lifted ${b.lifted.date}: ${b.lifted.citation}`);
    }
  }
  if (svg) lines.push('', `SVG written to ${svg}`);
  return `${lines.join('\n')}\n`;
}
