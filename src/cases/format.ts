// Plain-text renderings of cases, replays and the audit check for people at a terminal.
import type { AuditEvent, CaseRecord } from '../model/index.js';
import type { CaseView } from './case-service.js';
import type { ReplayResult, ReplayRun } from './replay.js';
import type { VerifyResult } from './audit-trail.js';

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ').trimEnd() + '\n';
  return line(header) + rows.map(line).join('');
}

export function caseRows(cases: CaseRecord[]): string {
  if (cases.length === 0) return 'no cases\n';
  return table(['id', 'state', 'applicant', 'dest', 'items', 'flags', 'updated'], cases.map((c) => [
    c.id, c.state, c.applicant, c.destination,
    c.transaction.items.map((i) => i.code ?? i.cas ?? '?').join(','),
    (c.determination?.redFlags ?? []).map((f) => f.code).join(','),
    c.updatedAt.slice(0, 19).replace('T', ' '),
  ]));
}

export function caseText(v: CaseView): string {
  const tx = v.transaction;
  const out: string[] = [];
  out.push(`${v.id}  ${v.state}  (version ${v.version})`);
  out.push(`applicant    ${v.applicant}`);
  out.push(`exporter     ${tx.exporter.name} (${tx.exporter.country}) -> ${tx.destination}, dated ${tx.date}`);
  for (const p of tx.parties) out.push(`party        ${p.role}: ${p.name}${p.country ? ` (${p.country})` : ''}`);
  tx.items.forEach((it, i) => out.push(`item ${i}       ${it.code ?? it.cas ?? '(unclassified)'} ${it.description}${it.quantity !== undefined ? `, qty ${it.quantity}` : ''}${it.value !== undefined ? `, value ${it.value} ${it.currency ?? ''}` : ''}`));
  if (tx.endUse.statement) out.push(`end use      ${tx.endUse.statement}`);
  if (v.determination) {
    const d = v.determination;
    out.push('', `determination (as of ${d.asOf}, assessed ${v.assessedAt ?? '?'} by ${v.assessedBy ?? '?'})`);
    out.push(table(['jurisdiction', 'applies', 'outcome', 'rules'], d.determinations.map((x) => [
      x.jurisdiction, x.applies ? 'yes' : 'no', x.outcome, x.reasons.filter((r) => r.effect !== 'info').map((r) => r.ruleId).join(', '),
    ])).trimEnd());
    for (const f of d.redFlags) out.push(`red flag     ${f.code}: ${f.message}`);
    out.push(`data         lists ${d.dataVersions.lists.map((l) => `${l.id}#${l.version}`).join(', ') || '(none)'}; rules ${d.dataVersions.rules.version} ${d.dataVersions.rules.sha256.slice(0, 12)}; controls ${d.dataVersions.controls.version}`);
  }
  if ((v.consultations ?? []).length) {
    out.push('', 'consultations');
    for (const k of v.consultations!) {
      out.push(`  ${k.id} with ${k.partner} on ${k.denialReference}: requested ${k.requestedAt}` +
        (k.response ? `; answered ${k.response.receivedAt}: ${k.response.position}${k.response.message ? ` — ${k.response.message}` : ''}` : '; awaiting answer'));
    }
  }
  if (v.licence) {
    out.push('', `licence ${v.licence.number}, issued ${v.licence.issuedAt}, valid until ${v.licence.validUntil}`);
    out.push(table(['item', 'entry', 'licensed qty', 'shipped', 'left', 'licensed value', 'shipped', 'left'], (v.licenceBalance ?? []).map((b) => [
      String(b.index), b.code ?? '', fmt(b.licensedQuantity), String(b.shippedQuantity), fmt(b.remainingQuantity),
      fmt(b.licensedValue), String(b.shippedValue), fmt(b.remainingValue),
    ])).trimEnd());
    for (const s of v.shipments ?? []) out.push(`  shipment ${s.id} on ${s.date}: ${s.lines.map((l) => `item ${l.index}${l.quantity !== undefined ? ` qty ${l.quantity}` : ''}${l.value !== undefined ? ` value ${l.value}` : ''}`).join('; ')}`);
  }
  out.push('', 'timeline');
  for (const t of v.timeline ?? []) {
    out.push(`  ${t.at.slice(0, 19).replace('T', ' ')}  ${t.actor}  ${t.action}${t.from || t.to ? ` ${t.from ?? ''} -> ${t.to ?? ''}` : ''}${t.reason ? `: ${t.reason}` : ''}`);
  }
  const next = v.next.map((n) => (n.allowed ? n.to : `${n.to} (blocked: ${n.blockedBy.map((b) => b.guard).join(', ')})`));
  out.push('', `next         ${next.length ? next.join('; ') : '(final state)'}`);
  return out.join('\n') + '\n';
}

const fmt = (n: number | undefined): string => (n === undefined ? '-' : String(n));

export function replayText(r: ReplayResult): string {
  const out = [`case ${r.caseId}, as of ${r.asOf}`, `stored     ${r.stored.outcome}`];
  const show = (label: string, run: ReplayRun) => {
    out.push(`${label.padEnd(10)} ${run.outcome}  [${run.same ? 'same answer' : `${run.differences.length} difference(s)`}]`);
    out.push(`           lists ${run.dataVersions.lists.map((l) => `${l.id}#${l.version}`).join(', ') || '(none)'}; rules ${run.dataVersions.rules.sha256.slice(0, 12)}; controls ${run.dataVersions.controls.version}`);
    for (const d of run.differences) out.push(`           ${d.path}: ${JSON.stringify(d.before)} -> ${JSON.stringify(d.after)}`);
  };
  show('replay', r.replay);
  if (r.current) show('current', r.current);
  for (const c of r.caveats) out.push(`caveat     ${c}`);
  return out.join('\n') + '\n';
}

export function verifyText(r: VerifyResult): string {
  if (r.ok) return `audit chain intact: ${r.events} event(s)${r.events ? `, seq ${r.firstSeq}..${r.lastSeq}, head ${r.head}` : ''}\n`;
  return `audit chain BROKEN at seq ${r.firstBroken!.seq} (${r.firstBroken!.kind}): ${r.firstBroken!.message}\n`;
}

export function auditRows(events: AuditEvent[]): string {
  if (events.length === 0) return 'no audit events\n';
  return table(['seq', 'at', 'actor', 'action', 'subject', 'outcome'], events.map((e) => [
    String(e.seq), e.at.slice(0, 19).replace('T', ' '), e.actor, e.action, e.subject ?? '', e.outcome ?? '',
  ]));
}
