// `vigil lists status | import FORMAT PATH | update | formats`: list snapshots.
import { Command, InvalidArgumentError } from 'commander';
import { VigilInputError } from '../../model/errors.js';
import { importList, type ImportResult } from '../../lists/import.js';
import { LIST_SOURCES } from '../../lists/registry.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_MS, DEFAULT_MAX_AGE_DAYS } from '../../lists/settings.js';
import { listStatus, type StatusReport } from '../../lists/status.js';
import { updateLists, type UpdateOutcome } from '../../lists/update.js';
import { EXIT, action, globalOptions, printJson, withVigil } from '../context.js';
import { withRescreenQueue } from '../../jobs/rescreen-queue.js';
import { defaultActor } from '../../cases/audit-calls.js';
import { recordListImport, recordListUpdate } from '../../api/list-audit.js';
import { basename } from 'node:path';

const positiveInt = (flag: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${flag} must be a positive whole number`);
  return n;
};

export function register(program: Command): void {
  const lists = program.command('lists').description('List snapshots: status, import a file, update from the official addresses');

  lists.command('status')
    .description('Active list snapshots with their date, age and counts')
    .option('--max-age-days <n>', `a list older than this is stale (default $VIGIL_LIST_MAX_AGE_DAYS, else ${DEFAULT_MAX_AGE_DAYS})`, positiveInt('--max-age-days'))
    .option('--json', 'one JSON document on stdout')
    .action(action(async (o: { maxAgeDays?: number; json?: boolean }, cmd: Command) => {
      const report = await withVigil(cmd, (v) => listStatus(v.store, { maxAgeDays: o.maxAgeDays }), { bundled: false });
      if (o.json) printJson(report);
      else printStatus(report);
    }));

  lists.command('import')
    .description('Import a list file (for OFAC legacy sets PATH is the directory); atomic: a bad file changes nothing')
    .argument('<format>', `list format: ${LIST_SOURCES.map((s) => s.formats[0]).join(', ')}`)
    .argument('<path>', 'file, or directory for a multi-file set')
    .option('--list-date <date>', 'list date YYYY-MM-DD (default: from the file, else its name, else its mtime)')
    .option('--force', 'accept a list that shrinks the active one by more than half')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (format: string, path: string, o: { listDate?: string; force?: boolean; json?: boolean }, cmd: Command) => {
      const input = { format, fileName: basename(path), ...(o.listDate ? { listDate: o.listDate } : {}), ...(o.force ? { force: true } : {}) };
      const r = await withVigil(cmd, async (v) => {
        try {
          // PostgreSQL: the re-screening goes through pg-boss; this command works the queue and waits.
          const result = await withRescreenQueue(v.store, globalOptions(cmd).databaseUrl, () =>
            importList(v.store, { format, path, listDate: o.listDate, force: o.force, progress: process.stderr.isTTY === true }));
          await recordListImport(v.store, defaultActor(), input, result);
          return result;
        } catch (err) {
          await recordListImport(v.store, defaultActor(), input, { error: err instanceof Error ? err.message : String(err) }).catch(() => undefined);
          throw err;
        }
      }, { bundled: false });
      if (o.json) printJson(r);
      else printImport(r);
    }));

  lists.command('update')
    .description('Download the official list files and import them (same atomic rules as import)')
    .option('--source <id>', `only this source (${LIST_SOURCES.filter((s) => s.download).map((s) => s.id).join(', ')}); repeatable`, (v: string, acc: string[] = []) => [...acc, v])
    .option('--base-url <url>', 'fetch from this host instead of the official one (same paths)')
    .option('--timeout-ms <n>', `give up on a download after this long (default ${DEFAULT_DOWNLOAD_TIMEOUT_MS})`, positiveInt('--timeout-ms'))
    .option('--force', 'accept a list that shrinks the active one by more than half')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (o: { source?: string[]; baseUrl?: string; timeoutMs?: number; force?: boolean; json?: boolean }, cmd: Command) => {
      if (o.baseUrl) {
        try { new URL(o.baseUrl); } catch { throw new VigilInputError(`"${o.baseUrl}" is not a URL`, '--base-url'); }
      }
      const outcomes = await withVigil(cmd, async (v) => {
        const out = await withRescreenQueue(v.store, globalOptions(cmd).databaseUrl, () => updateLists(v.store, {
          sources: o.source, baseUrl: o.baseUrl, timeoutMs: o.timeoutMs, force: o.force, progress: process.stderr.isTTY === true,
        }));
        await recordListUpdate(v.store, defaultActor(), { ...(o.source ? { sources: o.source } : {}), ...(o.force ? { force: true } : {}) }, out);
        return out;
      }, { bundled: false });
      const failed = outcomes.filter((x) => x.status === 'failed');
      if (o.json) printJson({ ok: failed.length === 0, results: outcomes });
      else printUpdate(outcomes);
      for (const f of failed) process.stderr.write(`vigil: ${f.message}\n`);
      if (failed.length > 0) process.exitCode = EXIT.failure;
    }));

  lists.command('formats')
    .description('List formats that `vigil lists import` reads')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (o: { json?: boolean }) => {
      const rows = LIST_SOURCES.map((s) => ({ source: s.id, formats: s.formats, title: s.title, input: s.input.kind, download: (s.download ?? []).map((d) => d.url) }));
      if (o.json) printJson(rows);
      else for (const r of rows) process.stdout.write(`${r.formats.join(', ').padEnd(32)} ${r.title}${r.input === 'directory' ? ' — PATH is the directory' : ''}\n`);
    }));
}

function printStatus(r: StatusReport): void {
  if (r.lists.length === 0) {
    process.stdout.write('No active list snapshots. The bundled lists are imported on first use (e.g. vigil screen NAME).\n');
    return;
  }
  const rows = r.lists.map((l) => [
    l.source, String(l.snapshot), l.listDate, `${l.ageDays}${l.stale ? ' STALE' : ''}`, String(l.entries), String(l.names),
    l.importedAt.slice(0, 19).replace('T', ' '), l.sha256.slice(0, 12),
  ]);
  table(['source', 'snapshot', 'list date', 'age (days)', 'entries', 'names', 'imported at (UTC)', 'sha256'], rows);
  for (const l of r.lists) {
    const subs = Object.entries(l.lists).map(([k, n]) => `${k} ${n}`).join(', ');
    if (subs) process.stdout.write(`  ${l.source}: ${subs}\n`);
  }
  if (r.anyStale) process.stdout.write(`STALE: older than ${r.maxAgeDays} days (--max-age-days); run vigil lists update or import a newer file.\n`);
}

function printImport(r: ImportResult): void {
  process.stdout.write(`${r.message}\n`);
  process.stdout.write(`  list date ${r.listDate} (from ${r.listDateFrom}), sha256 ${r.sha256}, ${(r.durationMs / 1000).toFixed(1)} s\n`);
  const stats = Object.entries(r.stats).map(([k, n]) => `${k} ${n}`).join(', ');
  if (stats) process.stdout.write(`  ${stats}\n`);
  for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
}

function printUpdate(outcomes: UpdateOutcome[]): void {
  for (const o of outcomes) {
    if (o.status === 'failed') continue; // on stderr
    process.stdout.write(`${o.status.padEnd(10)} ${o.message}\n`);
    for (const w of o.result?.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
  }
}

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n';
  process.stdout.write(line(head));
  for (const r of rows) process.stdout.write(line(r));
}
