// The assessment for people: jurisdictions side by side, then the rules that fired under each, the
// red flags, what was not modelled and the data versions. Never says "cleared" or "approved".
import type { Assessment, Transaction } from '../model/index.js';

const dash = (n: number) => '─'.repeat(n);

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

const period = (from: string | null, to: string | null) =>
  from === null && to === null ? 'no end date' : `${from ?? '…'} – ${to ? `before ${to}` : 'open'}`;

export function assessmentText(a: Assessment, tx: Transaction, width = 100): string {
  const out: string[] = [];
  out.push(`Assessment as of ${a.asOf}: ${tx.exporter.name} (${tx.exporter.country}) → ${tx.destination}, ${tx.items.length} item(s), ${tx.parties.length} part(y/ies)`);
  out.push('');

  const col = Math.max(18, ...a.determinations.map((d) => d.outcome.length + 2));
  const head = pad('', 10) + a.determinations.map((d) => pad(d.jurisdiction, col)).join('');
  out.push(head, dash(head.length));
  out.push(pad('outcome', 10) + a.determinations.map((d) => pad(d.outcome, col)).join(''));
  out.push(pad('applies', 10) + a.determinations.map((d) => pad(d.applies ? 'yes' : 'no', col)).join(''));
  out.push(pad('rules', 10) + a.determinations.map((d) => pad(String(d.reasons.length), col)).join(''));
  out.push('');
  out.push(a.divergent ? 'The jurisdictions DIVERGE on this transaction.' : 'The jurisdictions reach the same outcome.');

  for (const d of a.determinations) {
    out.push('', `${d.jurisdiction} — ${d.outcome}${d.applies ? '' : ' (if its law reached the deal)'}`);
    out.push(`  nexus: ${wrap(d.nexus, width - 9, '         ')}`);
    if (d.reasons.length === 0) out.push('  no modelled rule fired');
    for (const r of d.reasons) {
      out.push(`  • [${r.effect}] ${r.ruleId} (${period(r.from, r.to)})`);
      out.push(`    ${wrap(r.citation, width - 4, '    ')}`);
      out.push(`    ${wrap(r.summary, width - 4, '    ')}`);
      if (r.subject) out.push(`    subject: ${wrap(r.subject, width - 13, '             ')}`);
    }
    for (const c of d.caveats) out.push(`  caveat: ${wrap(c, width - 10, '          ')}`);
    if (d.outcome === 'no-licence-required') {
      out.push(`  not modelled: ${wrap(d.notModelled.join('; '), width - 16, '                ')}`);
    }
  }

  out.push('', `Red flags (${a.redFlags.length})`);
  if (a.redFlags.length === 0) out.push('  none raised');
  for (const f of a.redFlags) out.push(`  ! ${f.code}: ${wrap(f.message, width - 6 - f.code.length, '    ')}`);

  out.push('', 'Items');
  for (const i of a.items) {
    const entries = i.entries.map((e) => e.paragraph ?? e.code).join(', ');
    const sugg = i.suggestions.slice(0, 3).map((s) => s.code).join(', ');
    out.push(`  [${i.index}] ${i.description}: ${i.classified ? entries || 'no entry' : `not classified${sugg ? ` (suggestions: ${sugg})` : ''}`}`);
  }
  out.push('', 'Screening');
  for (const s of a.screening) {
    const hits = s.hits.slice(0, 3).map((h) => `${h.name} [${h.list}, ${h.score.toFixed(2)}]`).join('; ');
    out.push(`  ${s.role}: ${s.name}${s.country ? ` (${s.country})` : ''}: ${hits || 'no hit'}`);
  }

  for (const c of a.caveats) out.push('', `caveat: ${wrap(c, width - 8, '        ')}`);
  const lists = a.dataVersions.lists.map((l) => `${l.id} ${l.date}`).join(', ') || 'none';
  out.push('', `Data: rules ${a.dataVersions.rules.version}; controls ${a.dataVersions.controls.version}` +
    `${a.dataVersions.controls.euRegulation ? ` (${a.dataVersions.controls.euRegulation})` : ''}; lists ${lists}`);
  return out.join('\n') + '\n';
}
