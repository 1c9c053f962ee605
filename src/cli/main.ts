#!/usr/bin/env node
// The `vigil` command. Each sub-command lives in src/cli/commands/<name>.ts and registers itself.
// Only the module of the command asked for is loaded (serve pulls in fastify, worker pg-boss...),
// which keeps a cold `vigil screen` fast; help and unknown commands load them all.
import { Command, CommanderError } from 'commander';
import { jsonRequested, reportError } from './context.js';

type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<{ register: Register }>> = {
  screen: () => import('./commands/screen.js'),
  compare: () => import('./commands/compare.js'),
  lists: () => import('./commands/lists.js'),
  classify: () => import('./commands/classify.js'),
  assess: () => import('./commands/assess.js'),
  measures: () => import('./commands/measures.js'),
  timeline: () => import('./commands/timeline.js'),
  serve: () => import('./commands/serve.js'),
  keys: () => import('./commands/keys.js'),
  cases: () => import('./commands/cases.js'),
  audit: () => import('./commands/audit.js'),
  worker: () => import('./commands/worker.js'),
  parties: () => import('./commands/parties.js'),
  alerts: () => import('./commands/parties.js'),
};

const program = new Command('vigil')
  .description('Export-control engine: screen parties, classify items, assess transactions per jurisdiction.')
  .option('--db <file>', 'SQLite database file (default: $VIGIL_DB or ~/.vigil/vigil.db)')
  .option('--database-url <url>', 'PostgreSQL URL for server mode (default: $VIGIL_DATABASE_URL)')
  .exitOverride((err) => {
    if (err.exitCode === 0) process.exit(0);
    // Unknown options / missing arguments: commander already printed the message, unless --json
    // asked for the error as one JSON document on stdout.
    if (json) usageError(err);
    process.exit(2);
  });
const json = jsonRequested(process.argv.slice(2));
if (json) program.configureOutput({ writeErr: () => {}, outputError: () => {} });
else program.showHelpAfterError();

function usageError(err: CommanderError): void {
  const message = err.message.replace(/^error: /, '');
  const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? null;
  process.stdout.write(`${JSON.stringify({ error: { code: 'usage', message, path: option } })}\n`);
}

/** The sub-command named on the command line, skipping the global options (and their values). */
function requestedCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db' || a === '--database-url') { i++; continue; }
    if (a.startsWith('-')) continue;
    return a;
  }
  return undefined;
}

const wanted = requestedCommand(process.argv.slice(2));
const names = wanted && COMMANDS[wanted] ? [wanted] : Object.keys(COMMANDS);
for (const m of await Promise.all(names.map((n) => COMMANDS[n]!()))) m.register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // An error outside a command's own action wrapper (a module that failed to load...).
  process.exitCode = reportError(err, json);
}
