#!/usr/bin/env node
// The `vigil` command. Each sub-command lives in src/cli/commands/<name>.ts and registers itself.
import { Command } from 'commander';
import { register as screen } from './commands/screen.js';
import { register as compare } from './commands/compare.js';
import { register as lists } from './commands/lists.js';
import { register as classify } from './commands/classify.js';
import { register as assess } from './commands/assess.js';
import { register as serve } from './commands/serve.js';
import { register as keys } from './commands/keys.js';
import { register as cases } from './commands/cases.js';
import { register as audit } from './commands/audit.js';
import { register as worker } from './commands/worker.js';

const program = new Command('vigil')
  .description('Export-control engine: screen parties, classify items, assess transactions per jurisdiction.')
  .option('--db <file>', 'SQLite database file (default: $VIGIL_DB or ~/.vigil/vigil.db)')
  .option('--database-url <url>', 'PostgreSQL URL for server mode (default: $VIGIL_DATABASE_URL)')
  .showHelpAfterError()
  .exitOverride((err) => {
    // Unknown options / missing arguments: commander already printed the message.
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

for (const reg of [screen, compare, lists, classify, assess, serve, keys, cases, audit, worker]) reg(program);

await program.parseAsync(process.argv);
