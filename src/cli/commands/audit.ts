// `vigil audit verify|list` — check the hash chain of the audit trail, and read it.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { verifyAuditChain } from '../../cases/audit-trail.js';
import { appendAnchor, readAnchors, takeAnchor, verifyWithAnchors } from '../../cases/audit-anchors.js';
import { auditRows, verifyText } from '../../cases/format.js';
import { EXIT, action, printJson, withVigil } from '../context.js';

const storeOnly = { bundled: false } as const;

export function register(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');

  audit.command('verify')
    .description('Recompute the hash chain; name the first event that was altered, removed or inserted (exit 1 when broken)')
    .option('--expect-head <hash>', 'the head hash noted earlier (detects events removed from the end)')
    .option('--anchors <file>', 'check every anchor in this file (written by `vigil audit anchor --append FILE`)')
    .option('--json', 'print one JSON document')
    .action(action(async (o: { expectHead?: string; anchors?: string; json?: boolean }, cmd: Command) => {
      // The anchors file is read (and checked) before the store is opened.
      const anchors = o.anchors === undefined ? undefined : readAnchors(o.anchors);
      const r = await withVigil(cmd, (v) => (anchors ? verifyWithAnchors(v.store, anchors, { expectHead: o.expectHead }) : verifyAuditChain(v.store, { expectHead: o.expectHead })), storeOnly);
      if (o.json) printJson(r);
      else process.stdout.write(verifyText(r) + (anchors && r.ok ? `${anchors.length} anchor(s) hold\n` : ''));
      if (!r.ok) process.exitCode = EXIT.failure;
    }));

  audit.command('anchor')
    .description('Verify the chain and print its head (seq, hash, event count) to keep outside the store; --append FILE adds it to an anchors file')
    .option('--append <file>', 'append the anchor as one JSON line to this file (created if missing)')
    .option('--json', 'print one JSON document')
    .action(action(async (o: { append?: string; json?: boolean }, cmd: Command) => {
      const anchor = await withVigil(cmd, (v) => takeAnchor(v.store), storeOnly);
      if (o.append) appendAnchor(o.append, anchor);
      if (o.json) printJson(anchor);
      else process.stdout.write(`audit head: seq ${anchor.seq}, hash ${anchor.hash}, ${anchor.events} event(s), at ${anchor.at}${o.append ? `; appended to ${o.append}` : ''}\n`);
    }));

  audit.command('list')
    .description('List audit events, oldest first (or --newest-first)')
    .option('--after <seq>', 'only events after this seq', (x) => wholeNumber(x, '--after'))
    .option('--before <seq>', 'only events before this seq', (x) => wholeNumber(x, '--before'))
    .option('--newest-first', 'latest events first (with --before to page back)')
    .option('--limit <n>', 'at most this many (default 100)', (x) => wholeNumber(x, '--limit'), 100)
    .option('--subject <id>', 'only events about this case, file or snapshot')
    .option('--action <name>', 'only this action (screen, assess, case.transition, ...)')
    .option('--actor <text>', 'only events whose actor contains this text, any case (an API key label, cli:alice)')
    .option('--json', 'print one JSON document')
    .action(action(async (o: { after?: number; before?: number; newestFirst?: boolean; limit: number; subject?: string; action?: string; actor?: string; json?: boolean }, cmd: Command) => {
      // The store filters, so a rare action among millions of screenings is found without reading them all here.
      const events = await withVigil(cmd, (v) => v.store.listAudit({
        afterSeq: o.after, beforeSeq: o.before, newestFirst: o.newestFirst, limit: o.limit,
        subject: o.subject, action: o.action, actorContains: o.actor,
      }), storeOnly);
      if (o.json) printJson({ events });
      else process.stdout.write(auditRows(events));
    }));
}

function wholeNumber(x: string, field: string): number {
  const n = Number(x);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${field}: "${x}" is not a whole number`);
  return n;
}
