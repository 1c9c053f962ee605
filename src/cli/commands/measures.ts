// `vigil measures [DEST] [--as-of D] [--jurisdiction J] [--json]`: the regime measures for a
// destination, or the coverage of every destination. Reads only the rule files (no database).
import type { Command } from 'commander';
import { VigilInputError } from '../../model/errors.js';
import { isValidDate, loadRuleSet } from '../../policy/index.js';
import { coverage, measuresFor, type MeasuresAnswer } from '../../policy/measures.js';
import { action, printJson } from '../context.js';

interface Options { asOf?: string; jurisdiction?: string; json?: boolean }

export function register(program: Command): void {
  program
    .command('measures')
    .description('Sanctions measures (dated, cited) for a destination, or the coverage of every destination')
    .argument('[destination]', 'ISO 3166-1 alpha-2 code, e.g. KP')
    .option('--as-of <date>', 'only the measures in force (or suspended) on this date, YYYY-MM-DD')
    .option('--jurisdiction <j>', 'one jurisdiction (IT includes the EU measures it applies)')
    .option('--json', 'print one JSON document')
    .action(action(async (dest: string | undefined, opts: Options) => {
      if (opts.asOf !== undefined && !isValidDate(opts.asOf)) throw new VigilInputError(`not a real date: ${JSON.stringify(opts.asOf)} (expected YYYY-MM-DD)`, '--as-of');
      const rules = await loadRuleSet();
      const o = { ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction.toUpperCase() } : {}) };
      if (dest) {
        const answer = measuresFor(rules, dest.toUpperCase(), o);
        if (opts.json) printJson(answer);
        else process.stdout.write(text(answer));
        return;
      }
      const rows = coverage(rules, o);
      if (opts.json) return printJson({ ...o, coverage: rows });
      const js = rules.jurisdictionIds();
      const lines = [`${'dest'.padEnd(6)}${'name'.padEnd(34)}${js.map((j) => j.padStart(5)).join('')}`];
      for (const r of rows) lines.push(`${r.destination.padEnd(6)}${r.name.slice(0, 32).padEnd(34)}${js.map((j) => String(r.jurisdictions[j] ?? '').padStart(5)).join('')}`);
      lines.push(`${rows.length} destinations with a modelled measure${o.asOf ? ` on ${o.asOf}` : ''}.`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }));
}

function text(a: MeasuresAnswer): string {
  const lines = [`${a.name} (${a.destination})${a.asOf ? ` on ${a.asOf}` : ''}: ${a.measures.length} measure(s)`];
  for (const m of a.measures) {
    const dates = m.periods.map((p) => `${p.from} → ${p.to ?? 'open'}`).join(', ');
    lines.push('', `${m.jurisdiction}  ${m.id}  [${m.type}] ${m.effect}${m.status ? `  (${m.status})` : ''}`, `    ${m.summary}`, `    ${m.citation}`, `    in force: ${dates}`);
    for (const s of m.suspensions) lines.push(`    suspended: ${s.from} → ${s.to ?? 'open'} (${s.citation})`);
    if (m.verify) lines.push(`    verify: ${m.verify}`);
  }
  for (const n of a.notModelled) lines.push('', `not modelled (${n.regime}): ${n.items.join('; ')}`);
  return `${lines.join('\n')}\n`;
}
