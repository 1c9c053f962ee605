// `vigil parties add|import|list|show|remove` — the party register; `vigil alerts [review]` — the
// alerts its screenings raise and the officer's review of them (issue 14).
import type { Command } from 'commander';
import { defaultActor } from '../../cases/audit-calls.js';
import { ALERT_STATUSES, VigilInputError, type Alert, type AlertStatus, type RegisteredParty } from '../../model/index.js';
import { readPartiesCsv, registerParties, removeParty, reviewAlert } from '../../screening/parties.js';
import { action, globalOptions, printJson, withVigil } from '../context.js';

const storeOnly = { bundled: false } as const;

export function register(program: Command): void {
  // main.ts loads this module for `parties` and for `alerts`: help loads both, so register once.
  if (program.commands.some((c) => c.name() === 'parties')) return;
  const parties = program.command('parties').description('The party register: counterparties screened on registration and on every list change');

  parties.command('add')
    .description('Register one party and screen it against the active lists')
    .argument('<name>', 'party name')
    .option('--type <type>', 'person | organization | vessel | aircraft')
    .option('--country <cc>', 'ISO-2 country')
    .option('--birth-date <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--registration <number>', 'registration number')
    .option('--ref <ref>', 'your external reference (unique)')
    .option('--tag <tag>', 'a tag (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--actor <id>', 'who is acting (default $VIGIL_ACTOR or cli:<login>)')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (name: string, o: { type?: string; country?: string; birthDate?: string; registration?: string; ref?: string; tag?: string[]; actor?: string; json?: boolean }, cmd: Command) => {
      const r = await withVigil(cmd, async (v) => registerParties(v.store, await v.screening(), [{
        name, type: o.type, country: o.country, birthDate: o.birthDate, registrationNumber: o.registration, externalRef: o.ref, tags: o.tag,
      }], o.actor ?? defaultActor(), 'party'));
      if (o.json) return printJson({ party: r.parties[0], alerts: r.alerts });
      process.stdout.write(`registered ${r.parties[0]!.id} ${r.parties[0]!.name}: ${r.alerts.hits} hit(s), ${r.alerts.created} new alert(s)\n`);
    }));

  parties.command('import')
    .description('Register the parties of a CSV file (columns name, type, country, birth_date, registration_number, external_ref, tags)')
    .argument('<file>', 'CSV file')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (file: string, o: { actor?: string; json?: boolean }, cmd: Command) => {
      const inputs = await readPartiesCsv(file);
      if (inputs.length === 0) throw new VigilInputError('no parties in the file', file);
      const r = await withVigil(cmd, async (v) => registerParties(v.store, await v.screening(), inputs, o.actor ?? defaultActor(), file));
      if (o.json) return printJson({ imported: r.parties.length, parties: r.parties.map((p) => ({ id: p.id, name: p.name, externalRef: p.externalRef })), alerts: r.alerts });
      process.stdout.write(`registered ${r.parties.length} parties: ${r.alerts.hits} hit(s), ${r.alerts.created} new alert(s)\n`);
    }));

  parties.command('list')
    .description('Registered parties')
    .option('--limit <n>', 'at most this many', (v: string) => Number(v))
    .option('--json', 'one JSON document on stdout')
    .action(action(async (o: { limit?: number; json?: boolean }, cmd: Command) => {
      const list = await withVigil(cmd, (v) => v.store.listParties({ ...(o.limit ? { limit: o.limit } : {}) }), storeOnly);
      if (o.json) return printJson({ parties: list });
      table(['id', 'name', 'type', 'country', 'ref', 'tags'], list.map((p) => [p.id, p.name, p.type ?? '', p.country ?? '', p.externalRef ?? '', p.tags.join(';')]));
    }));

  parties.command('show')
    .description('One party with its alerts')
    .argument('<id>', 'party id or external reference')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (id: string, o: { json?: boolean }, cmd: Command) => {
      const doc = await withVigil(cmd, async (v) => {
        const party = (await v.store.getParty(id)) ?? (await v.store.findPartyByRef(id));
        if (!party) throw new VigilInputError(`no registered party ${id}`, 'id');
        return { party, alerts: await v.store.listAlerts({ partyId: party.id }) };
      }, storeOnly);
      if (o.json) return printJson(doc);
      showParty(doc.party, doc.alerts);
    }));

  parties.command('rescreen')
    .description('Carry on with party re-screening jobs a killed process left unfinished (vigil serve and vigil worker do this at start)')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (o: { json?: boolean }, cmd: Command) => {
      const { resumeUnfinishedRescreens } = await import('../../jobs/rescreen-queue.js');
      const done = await withVigil(cmd, (v) => resumeUnfinishedRescreens(v.store, globalOptions(cmd).databaseUrl), storeOnly);
      if (o.json) return printJson({ resumed: done });
      process.stdout.write(done.length === 0 ? 'no unfinished re-screening\n' : done.map((r) => `${r.source} snapshot #${r.snapshot}: ${r.created} new, ${r.reopened} reopened alert(s)\n`).join(''));
    }));

  parties.command('remove')
    .description('Remove a party from the register (kept in the record, no longer screened)')
    .argument('<id>', 'party id')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (id: string, o: { actor?: string; json?: boolean }, cmd: Command) => {
      await withVigil(cmd, (v) => removeParty(v.store, id, o.actor ?? defaultActor()), storeOnly);
      if (o.json) return printJson({ removed: id });
      process.stdout.write(`removed ${id}\n`);
    }));

  const alerts = program.command('alerts')
    .description('Alerts raised by screenings of registered parties (list; review ID DECISION)')
    .option('--status <status>', `${ALERT_STATUSES.join(' | ')}`)
    .option('--since <date>', 'raised or updated since this date (YYYY-MM-DD or ISO time)')
    .option('--party <id>', 'alerts of one party')
    .option('--limit <n>', 'at most this many', (v: string) => Number(v))
    .option('--json', 'one JSON document on stdout')
    .action(action(async (o: { status?: string; since?: string; party?: string; limit?: number; json?: boolean }, cmd: Command) => {
      if (o.status && !ALERT_STATUSES.includes(o.status as AlertStatus)) throw new VigilInputError(`--status must be one of ${ALERT_STATUSES.join(', ')}`, '--status');
      if (o.since && !/^\d{4}-\d{2}-\d{2}/.test(o.since)) throw new VigilInputError('--since must be a date YYYY-MM-DD', '--since');
      const list = await withVigil(cmd, (v) => v.store.listAlerts({
        ...(o.status ? { status: o.status as AlertStatus } : {}), ...(o.since ? { since: o.since } : {}), ...(o.party ? { partyId: o.party } : {}), ...(o.limit ? { limit: o.limit } : {}),
      }), storeOnly);
      if (o.json) return printJson({ alerts: list });
      table(['id', 'status', 'party', 'matched', 'list', 'score', 'changed'], list.map((a) => [a.id, a.status, a.partyName, a.hit.matchedName, `${a.source} ${a.entityId}`, a.score.toFixed(2), a.changed ? 'changed' : '']));
    }));

  alerts.command('review')
    .description('Record a decision on an alert: true-match | false-positive (with --reason) | needs-information')
    .argument('<id>', 'alert id')
    .argument('<decision>', 'true-match | false-positive | needs-information')
    .option('--reason <text>', 'why (required for false-positive)')
    .option('--actor <id>', 'who is deciding (default $VIGIL_ACTOR or cli:<login>)')
    .option('--json', 'one JSON document on stdout')
    .action(action(async (id: string, decision: string, o: { reason?: string; actor?: string; json?: boolean }, cmd: Command) => {
      const a = await withVigil(cmd, (v) => reviewAlert(v.store, id, decision, o.actor ?? defaultActor(), o.reason), storeOnly);
      // `alerts` itself takes --json (for the listing): after the sub-command it lands on the parent.
      if (o.json || (cmd.parent?.opts() as { json?: boolean } | undefined)?.json) return printJson({ alert: a });
      process.stdout.write(`${a.id}: ${a.status}\n`);
    }));
}

function showParty(p: RegisteredParty, alerts: Alert[]): void {
  process.stdout.write(`${p.id}  ${p.name}${p.type ? ` (${p.type})` : ''}${p.country ? `  ${p.country}` : ''}${p.externalRef ? `  ref ${p.externalRef}` : ''}${p.removedAt ? `  removed ${p.removedAt}` : ''}\n`);
  if (alerts.length === 0) return void process.stdout.write('no alerts\n');
  table(['alert', 'status', 'matched', 'list', 'score'], alerts.map((a) => [a.id, a.status + (a.changed ? ' (changed)' : ''), a.hit.matchedName, `${a.source} ${a.entityId}`, a.score.toFixed(2)]));
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n';
  process.stdout.write(line(header) + rows.map(line).join(''));
}
