// `vigil cases …` — licence applications through their life, denial notifications, consultations,
// shipments against a licence, and replay of a stored determination. A CLI user with the database
// acts as an officer; `--actor` names them in the audit trail.
import { InvalidArgumentError, type Command } from 'commander';
import type { CaseState, ShipmentLine } from '../../model/index.js';
import { VigilInputError } from '../../model/errors.js';
import { CaseService, defaultActor, readTransactionFile, type Actor } from '../../cases/index.js';
import { caseRows, caseText, replayText, table } from '../../cases/format.js';
import { action, printJson, withVigil } from '../context.js';
import { loadRuleSet } from '../../policy/index.js';
import { caseMemoInput } from '../../report/memo.js';
import { memoKind, writeMemo } from '../../report/pdf.js';
import type { Vigil } from '../../app/vigil.js';

// Most case commands need only the store; assess and replay need lists, controls and rules.
const storeOnly = { bundled: false } as const;

interface ActorOpts { actor?: string; json?: boolean }

const actorOf = (o: ActorOpts): Actor => ({ id: o.actor ?? defaultActor(), role: 'officer' });

function out(json: boolean | undefined, doc: unknown, text: () => string): void {
  if (json) printJson(doc);
  else process.stdout.write(text());
}

function cases(cmd: Command, fn: (s: CaseService, v: Vigil) => Promise<void>, full = false): Promise<void> {
  return withVigil(cmd, (v) => fn(new CaseService(v), v), full ? {} : storeOnly);
}

export function register(program: Command): void {
  const c = program.command('cases').description('Licence cases: create, assess, consult, decide, ship, replay; denial notifications');

  c.command('create')
    .description('Create a licence application (a draft) from a transaction file')
    .argument('<file>', 'transaction JSON (as for vigil assess), or a scenario file with `transaction`')
    .requiredOption('--applicant <name>', 'the applicant (exporter or agent)')
    .option('--submit', 'submit it at once')
    .option('--actor <id>', 'who is acting (default $VIGIL_ACTOR or cli:<login>)')
    .option('--json', 'print one JSON document')
    .action(action(async (file: string, o: ActorOpts & { applicant: string; submit?: boolean }, cmd: Command) => {
      const tx = await readTransactionFile(file);
      await cases(cmd, async (s) => {
        const rec = await s.create(tx, o.applicant, actorOf(o), { submit: o.submit });
        out(o.json, rec, () => `created ${rec.id} (${rec.state})\n`);
      });
    }));

  c.command('list')
    .description('List cases, newest first')
    .option('--state <state>', 'only cases in this state')
    .option('--applicant <name>', 'only this applicant')
    .option('--destination <cc>', 'only this destination')
    .option('--limit <n>', 'at most this many', (x) => positiveInt(x, '--limit'))
    .option('--json', 'print one JSON document')
    .action(action(async (o: { state?: string; applicant?: string; destination?: string; limit?: number; json?: boolean }, cmd: Command) => {
      await cases(cmd, async (s) => {
        const list = await s.list({ state: o.state as CaseState | undefined, applicant: o.applicant, destination: o.destination?.toUpperCase(), limit: o.limit });
        out(o.json, { cases: list }, () => caseRows(list));
      });
    }));

  c.command('show')
    .description('Show a case: parties, items, determination, consultations, licence, timeline, next steps')
    .argument('<id>')
    .option('--json', 'print one JSON document')
    .action(action(async (id: string, o: { json?: boolean }, cmd: Command) => {
      await cases(cmd, async (s) => {
        const v = s.view(await s.get(id));
        out(o.json, v, () => caseText(v));
      });
    }));

  c.command('memo')
    .description("Write the decision memo of an assessed case (its stored determination, the audit event hash, a signature block)")
    .argument('<id>')
    .requiredOption('--out <file>', 'FILE.html, or FILE.pdf (printed by headless chromium from the same HTML)')
    .option('--json', 'print one JSON document { id, out, format }')
    .action(action(async (id: string, o: { out: string; json?: boolean }, cmd: Command) => {
      memoKind(o.out);
      await cases(cmd, async (s, v) => {
        const input = await caseMemoInput(v.store, await loadRuleSet(), await s.get(id));
        const format = await writeMemo(o.out, input);
        out(o.json, { id, out: o.out, format, auditEvent: input.case?.auditEvent ?? null }, () => `memo of case ${id} written to ${o.out}\n`);
      });
    }));

  c.command('assess')
    .description("Assess the case's transaction now and store the determination with its data versions")
    .argument('<id>')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'print one JSON document')
    .action(action(async (id: string, o: ActorOpts, cmd: Command) => {
      await cases(cmd, async (s) => {
        const v = s.view(await s.assess(id, actorOf(o)));
        out(o.json, v, () => caseText(v));
      }, true);
    }));

  c.command('transition')
    .description('Move a case to another state (submitted, under-assessment, in-consultation, approved, denied, withdrawn, exhausted, expired)')
    .argument('<id>')
    .argument('<state>')
    .requiredOption('--reason <text>', 'why (recorded in the timeline and the audit trail)')
    .option('--valid-until <date>', 'approval: last day the licence is valid (default two years less a day)')
    .option('--issued-at <date>', 'approval: issue date (default today)')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'print one JSON document')
    .action(action(async (id: string, state: string, o: ActorOpts & { reason: string; validUntil?: string; issuedAt?: string }, cmd: Command) => {
      await cases(cmd, async (s) => {
        const rec = await s.transition(id, { to: state as CaseState, reason: o.reason, validUntil: o.validUntil, issuedAt: o.issuedAt }, actorOf(o));
        out(o.json, s.view(rec), () => `${rec.id} is now ${rec.state}${rec.licence && rec.state === 'approved' ? ` (licence ${rec.licence.number}, valid until ${rec.licence.validUntil})` : ''}` +
          `${rec.state === 'denied' && rec.denialNotifications?.length ? `; denial notification(s) ${rec.denialNotifications.join(', ')}` : ''}\n`);
      });
    }));

  c.command('expire-due')
    .description('Close as expired every approved licence whose validity ended before --as-of (default today); run daily')
    .option('--as-of <date>', 'the day to judge validity on (YYYY-MM-DD, default today)')
    .option('--actor <id>', 'who is acting (default $VIGIL_ACTOR or cli:<login>)')
    .option('--json', 'print one JSON document')
    .action(action(async (o: ActorOpts & { asOf?: string }, cmd: Command) => {
      await cases(cmd, async (s) => {
        const sweep = await s.expireDue(actorOf(o), o.asOf);
        out(o.json, sweep, () => [
          `as of ${sweep.asOf}: ${sweep.expired.length} licence(s) closed as expired${sweep.refused.length ? `, ${sweep.refused.length} refused` : ''}`,
          ...sweep.expired.map((e) => `  ${e.id}  ${e.licence}  valid until ${e.validUntil}`),
          ...sweep.refused.map((r) => `  ${r.id}  refused (${r.code}): ${r.message}`),
        ].join('\n') + '\n');
        if (sweep.refused.length) process.exitCode = 1;
      });
    }));

  const consult = c.command('consult').description("Consultations with partners whose denials a case matches");
  consult.command('request')
    .description('Record a consultation request to the partner that issued a denial')
    .argument('<id>')
    .requiredOption('--denial <ref>', 'the denial notification reference')
    .requiredOption('--message <text>', 'what is asked')
    .option('--date <date>', 'date sent (default today)')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'print one JSON document')
    .action(action(async (id: string, o: ActorOpts & { denial: string; message: string; date?: string }, cmd: Command) => {
      await cases(cmd, async (s) => {
        const rec = await s.requestConsultation(id, { denialReference: o.denial, message: o.message, date: o.date }, actorOf(o));
        const k = rec.consultations!.at(-1)!;
        out(o.json, s.view(rec), () => `${k.id}: consultation with ${k.partner} on ${k.denialReference} requested ${k.requestedAt}; case is ${rec.state}\n`);
      });
    }));
  consult.command('respond')
    .description("Record the partner's response to a consultation")
    .argument('<id>')
    .requiredOption('--consultation <id>', 'consultation id (or the denial reference)')
    .requiredOption('--position <p>', 'maintains-denial | no-objection | no-response')
    .option('--message <text>', 'what the partner said', '')
    .option('--date <date>', 'date received (default today)')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'print one JSON document')
    .action(action(async (id: string, o: ActorOpts & { consultation: string; position: string; message: string; date?: string }, cmd: Command) => {
      await cases(cmd, async (s) => {
        const rec = await s.recordConsultationResponse(id, {
          consultation: o.consultation, position: o.position as 'no-objection', message: o.message, date: o.date,
        }, actorOf(o));
        out(o.json, s.view(rec), () => `response recorded on ${id}: ${o.position}\n`);
      });
    }));

  c.command('ship')
    .description('Record a shipment against an approved licence (refused beyond what remains or after expiry)')
    .argument('<id>')
    .option('--line <item:qty[:value]>', 'a shipped line; repeat for several (qty may be empty: "0::5000")', collect, [])
    .option('--item <n>', 'single line: licence item index', (x) => nonNegativeInt(x, '--item'))
    .option('--quantity <q>', 'single line: quantity shipped', (x) => positiveNumber(x, '--quantity'))
    .option('--value <v>', 'single line: value shipped', (x) => positiveNumber(x, '--value'))
    .option('--date <date>', 'shipment date (default today)')
    .option('--reference <ref>', 'customs declaration or transport document')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'print one JSON document')
    .action(action(async (id: string, o: ActorOpts & { line: string[]; item?: number; quantity?: number; value?: number; date?: string; reference?: string }, cmd: Command) => {
      const lines = o.line.map(parseLine);
      if (o.item !== undefined || o.quantity !== undefined || o.value !== undefined) {
        lines.push({ index: o.item ?? 0, ...(o.quantity !== undefined ? { quantity: o.quantity } : {}), ...(o.value !== undefined ? { value: o.value } : {}) });
      }
      if (lines.length === 0) throw new VigilInputError('give --line ITEM:QTY[:VALUE] (repeatable) or --item/--quantity/--value', '--line');
      await cases(cmd, async (s) => {
        const rec = await s.ship(id, { date: o.date, lines, reference: o.reference }, actorOf(o));
        const v = s.view(rec);
        const sh = rec.shipments!.at(-1)!;
        out(o.json, v, () => `${sh.id} recorded on ${sh.date}; case is ${rec.state}\n` + table(['item', 'qty left', 'value left'],
          (v.licenceBalance ?? []).map((b) => [String(b.index), String(b.remainingQuantity ?? '-'), String(b.remainingValue ?? '-')])));
      });
    }));

  c.command('replay')
    .description('Re-run the stored determination on the list snapshots and rules it used; --current also on today\'s data')
    .argument('<id>')
    .option('--current', "also assess on today's data and show the difference")
    .option('--actor <id>', 'who is acting')
    .option('--json', 'print one JSON document')
    .action(action(async (id: string, o: ActorOpts & { current?: boolean }, cmd: Command) => {
      await cases(cmd, async (s) => {
        const r = await s.replay(id, { current: o.current }, actorOf(o));
        out(o.json, r, () => replayText(r));
      }, true);
    }));

  const denials = c.command('denials').description('Denial notifications exchanged with regime partners');
  denials.command('export')
    .description("Write this instance's denial notifications to a JSON file for partners")
    .argument('<file>')
    .option('--issuer <code>', 'issuing government (default: configured issuer)')
    .option('--since <date>', 'only denials on or after this date')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'print one JSON document')
    .action(action(async (file: string, o: ActorOpts & { issuer?: string; since?: string }, cmd: Command) => {
      await cases(cmd, async (s) => {
        const r = await s.exportDenials(file, actorOf(o), { issuer: o.issuer, since: o.since });
        out(o.json, r, () => `exported ${r.count} notification(s) as ${r.issuer} to ${r.file}\n`);
      });
    }));
  denials.command('import')
    .description("Import a partner's denial notification file")
    .argument('<file>')
    .option('--actor <id>', 'who is acting')
    .option('--json', 'print one JSON document')
    .action(action(async (file: string, o: ActorOpts, cmd: Command) => {
      await cases(cmd, async (s) => {
        const r = await s.importDenials(file, actorOf(o));
        out(o.json, r, () => `from ${r.issuer}: ${r.imported.length} imported, ${r.updated.length} updated, ${r.skipped.length} skipped\n`);
      });
    }));
  denials.command('list')
    .description('List denial notifications, own and imported')
    .option('--json', 'print one JSON document')
    .action(action(async (o: { json?: boolean }, cmd: Command) => {
      await withVigil(cmd, async (v) => {
        const list = await v.store.listDenialNotifications();
        out(o.json, { notifications: list }, () => (list.length === 0 ? 'no denial notifications\n' : table(
          ['reference', 'issuer', 'regime', 'entries', 'dest', 'end user', 'date', 'source'],
          list.map((n) => [n.id, n.issuer, n.regime, n.entries.join(','), n.destination, n.endUser, n.date, n.importedAt ? 'imported' : 'own']),
        )));
      }, storeOnly);
    }));
  denials.command('issuer')
    .description('Show or set the government this instance issues denials as (e.g. IT)')
    .argument('[code]')
    .option('--json', 'print one JSON document')
    .action(action(async (code: string | undefined, o: { json?: boolean }, cmd: Command) => {
      await cases(cmd, async (s) => {
        if (code) await s.setIssuer(code);
        const issuer = (await s.configuredIssuer()) ?? null;
        out(o.json, { issuer }, () => `${issuer ?? '(not set: denials are issued as the exporter\'s country)'}\n`);
      });
    }));
}

function collect(v: string, prev: string[]): string[] {
  return [...prev, v];
}

function parseLine(s: string): ShipmentLine {
  const m = /^(\d+):([\d.]*)(?::([\d.]+))?$/.exec(s.trim());
  if (!m) throw new VigilInputError(`"${s}" is not ITEM:QTY[:VALUE]`, '--line');
  const line: ShipmentLine = { index: Number(m[1]) };
  const num = (x: string) => {
    const n = Number(x);
    if (!Number.isFinite(n) || n <= 0) throw new VigilInputError(`"${s}": ${x} is not a positive number`, '--line');
    return n;
  };
  if (m[2]) line.quantity = num(m[2]);
  if (m[3]) line.value = num(m[3]);
  return line;
}

// Option parsers run while commander parses; InvalidArgumentError makes it print one line and exit 2.
function positiveNumber(x: string, field: string): number {
  const n = Number(x);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${field}: "${x}" is not a positive number`);
  return n;
}

function positiveInt(x: string, field: string): number {
  const n = Number(x);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${field}: "${x}" is not a positive whole number`);
  return n;
}

function nonNegativeInt(x: string, field: string): number {
  const n = Number(x);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${field}: "${x}" is not a whole number`);
  return n;
}
