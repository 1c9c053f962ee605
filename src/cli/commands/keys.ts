// `vigil keys create|list|revoke` — API keys for `vigil serve`. The secret is printed once.
import type { Command } from 'commander';
import { createKey, listKeys, parseRole, revokeKey } from '../../api/keys.js';
import { action, printJson, withVigil } from '../context.js';
import { defaultActor } from '../../cases/audit-calls.js';

// Keys need only the store: no bundled-list import, no screening index.
const storeOnly = { bundled: false } as const;

export function register(program: Command): void {
  const keys = program.command('keys').description('API keys for vigil serve (roles reader, officer, admin)');

  keys.command('create')
    .description('Create an API key and print its secret (shown only this once)')
    .requiredOption('--role <role>', 'reader (screen, compare, classify, assess), officer (cases), admin (lists, keys)')
    .option('--label <label>', 'who or what the key is for')
    .option('--json', 'print one JSON document')
    .action(action(async (o: { role: string; label?: string; json?: boolean }, cmd: Command) => {
      const role = parseRole(o.role);
      const key = await withVigil(cmd, (v) => createKey(v.store, role, o.label, { actor: defaultActor() }), storeOnly);
      if (o.json) return printJson(key);
      process.stdout.write(`${key.secret}\n`);
      process.stderr.write(`vigil: created ${key.id} (role ${key.role}${key.label ? `, ${key.label}` : ''}). ` +
        'The secret above is shown only now; send it as "Authorization: Bearer <secret>".\n');
    }));

  keys.command('list')
    .description('List API keys (ids, roles, labels, dates; never secrets)')
    .option('--json', 'print one JSON document')
    .action(action(async (o: { json?: boolean }, cmd: Command) => {
      const doc = await withVigil(cmd, (v) => listKeys(v.store), storeOnly);
      if (o.json) return printJson(doc);
      if (doc.keys.length === 0) return void process.stdout.write('no API keys (on 127.0.0.1 vigil serve runs without auth)\n');
      const rows = doc.keys.map((k) => [k.id, k.role, k.revokedAt ? `revoked ${k.revokedAt}` : 'active', k.createdAt, k.label ?? '']);
      printTable(['id', 'role', 'status', 'created', 'label'], rows);
    }));

  keys.command('revoke')
    .description('Revoke an API key at once (the last active admin key only with --force)')
    .argument('<id>', 'key id (from vigil keys list)')
    .option('--force', 'revoke even the last active admin key (with no key left, a loopback vigil serve runs without auth)')
    .option('--json', 'print one JSON document')
    .action(action(async (id: string, o: { force?: boolean; json?: boolean }, cmd: Command) => {
      const doc = await withVigil(cmd, (v) => revokeKey(v.store, id, { actor: defaultActor(), force: o.force === true }), storeOnly);
      if (o.json) return printJson(doc);
      process.stdout.write(`revoked ${doc.id} at ${doc.revokedAt}\n`);
    }));
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n';
  process.stdout.write(line(header) + rows.map(line).join(''));
}
