#!/usr/bin/env node
// The `vigil` command. Each sub-command lives in src/cli/commands/<name>.ts and registers itself.
// Only the module of the command asked for is loaded (serve pulls in fastify, worker pg-boss...),
// which keeps a cold `vigil screen` fast; help and unknown commands load them all.
import { Command } from 'commander';

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
};

const program = new Command('vigil')
  .description('Export-control engine: screen parties, classify items, assess transactions per jurisdiction.')
  .option('--db <file>', 'SQLite database file (default: $VIGIL_DB or ~/.vigil/vigil.db)')
  .option('--database-url <url>', 'PostgreSQL URL for server mode (default: $VIGIL_DATABASE_URL)')
  .showHelpAfterError()
  .exitOverride((err) => {
    // Unknown options / missing arguments: commander already printed the message.
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

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

await program.parseAsync(process.argv);
