// The decision memo: one self-contained HTML document an officer reads, prints and signs — the
// transaction, per jurisdiction whether the law reaches the deal and what it requires, the rules
// that fired with citations and dates, requirements, red flags, screening hits with their
// explanation, what was not modelled, the measures timeline, the data versions and (for a case) the
// audit event hash. The PDF (src/report/pdf.ts) is printed by chromium from this same HTML.
// It states what the modelled rules say; it never gives a verdict of its own.
import type { Assessment, AuditEvent, CaseRecord, Determination, Transaction } from '../model/index.js';
import type { Store } from '../store/store.js';
import { VigilInputError } from '../model/errors.js';
import type { RuleSet } from '../policy/rule-set.js';
import { timelineFor } from '../policy/timeline.js';
import { timelineSvg } from './timeline-svg.js';

export interface MemoCase {
  id: string;
  reference: string;
  state: string;
  applicant: string;
  assessedAt?: string;
  assessedBy?: string;
  /** The audit event that recorded the assessment: its hash and sequence number. */
  auditEvent?: { seq: number; hash: string; at: string };
}

export interface MemoInput {
  assessment: Assessment;
  transaction: Transaction;
  /** The destination's measures timeline, as SVG (src/report/timeline-svg.ts). */
  timelineSvg?: string;
  /** Which rule set the timeline is drawn from, said under the picture. */
  timelineSource?: string;
  case?: MemoCase;
  /** When the memo was produced (ISO timestamp). */
  generatedAt?: string;
}

const OUTCOME_WORDS: Record<string, string> = {
  prohibited: 'Prohibited',
  'denial-presumed': 'Licence required — policy of denial',
  'licence-required': 'Licence required (case-by-case review)',
  'no-licence-required': 'No modelled rule requires a licence',
};

export function outcomeWords(outcome: string): string {
  return OUTCOME_WORDS[outcome] ?? outcome;
}

export function memoHtml(m: MemoInput): string {
  const a = m.assessment;
  const tx = m.transaction;
  const generated = m.generatedAt ?? new Date().toISOString();
  const title = m.case ? `Decision memo — case ${m.case.reference}` : `Decision memo — ${tx.exporter.name} to ${tx.destination}, as of ${a.asOf}`;
  const s: string[] = [];

  s.push(`<header><p class="kicker">Vigil · export-control assessment</p><h1>${esc(title)}</h1>`,
    `<dl class="meta"><dt>As of</dt><dd>${esc(a.asOf)}</dd><dt>Transaction date</dt><dd>${esc(tx.date)}</dd>`
    + (m.case ? `<dt>Case</dt><dd>${esc(m.case.reference)} (${esc(m.case.id)}), state: ${esc(m.case.state)}</dd><dt>Applicant</dt><dd>${esc(m.case.applicant)}</dd>` : '')
    + (m.case?.assessedAt ? `<dt>Assessed</dt><dd>${esc(m.case.assessedAt)} by ${esc(m.case.assessedBy ?? '—')}</dd>` : '')
    + `<dt>Memo produced</dt><dd>${esc(generated)}</dd></dl></header>`);

  // Summary: per jurisdiction, reach first, then outcome.
  s.push('<section><h2>Determinations</h2><table class="summary"><thead><tr><th scope="col">Jurisdiction</th><th scope="col">Does its law reach the deal?</th><th scope="col">Outcome under its rules</th><th scope="col">Rules fired</th></tr></thead><tbody>');
  for (const d of a.determinations) {
    s.push(`<tr class="${d.applies ? 'applies' : 'not-applies'}"><th scope="row">${esc(d.jurisdiction)}</th><td>${d.applies ? 'Yes' : `No — ${esc(d.jurisdiction)} law does not reach this export`}<br><span class="small">${esc(d.nexus)}</span></td>`
      + `<td class="outcome o-${esc(d.outcome)}">${esc(outcomeWords(d.outcome))}${d.applies ? '' : '<br><span class="small">(if the transaction were subject to it)</span>'}</td><td>${d.reasons.length}</td></tr>`);
  }
  s.push('</tbody></table>');
  s.push(`<p>${a.divergent ? '<strong>The jurisdictions diverge</strong> on this transaction: their rules lead to different outcomes.' : 'The jurisdictions reach the same outcome.'}</p></section>`);

  // The transaction.
  s.push('<section><h2>The transaction</h2>');
  s.push(`<dl class="meta"><dt>Exporter</dt><dd>${esc(tx.exporter.name)} (${esc(tx.exporter.country)})${tx.exporter.usPerson ? ', a US person' : ''}</dd><dt>Destination</dt><dd>${esc(tx.destination)}</dd>`
    + `<dt>End use</dt><dd>${esc(tx.endUse.statement ?? '—')} <span class="small">[${esc(tx.endUse.categories.join(', '))}]</span></dd>`
    + `<dt>Jurisdictions assessed</dt><dd>${esc(tx.jurisdictions.join(', '))}</dd>`
    + (tx.exemptions?.length ? `<dt>Exemptions relied on</dt><dd>${esc(tx.exemptions.join(', '))}</dd>` : '')
    + (tx.knowledge ? `<dt>Exporter's knowledge</dt><dd>${esc(JSON.stringify(tx.knowledge))}</dd>` : '')
    + '</dl>');
  s.push('<h3>Parties</h3><table><thead><tr><th scope="col">Role</th><th scope="col">Name</th><th scope="col">Country</th><th scope="col">Type / sector</th></tr></thead><tbody>');
  for (const p of tx.parties) s.push(`<tr><td>${esc(p.role)}</td><td>${esc(p.name)}</td><td>${esc(p.country ?? '—')}</td><td>${esc([p.type, p.sector].filter(Boolean).join(' / ') || '—')}</td></tr>`);
  s.push('</tbody></table>');
  s.push('<h3>Items and their classification</h3><table><thead><tr><th scope="col">#</th><th scope="col">Description</th><th scope="col">Declared</th><th scope="col">Classification</th><th scope="col">Qty / value</th></tr></thead><tbody>');
  tx.items.forEach((it, i) => {
    const c = a.items.find((x) => x.index === i);
    const entries = c?.entries.length
      ? c.entries.map((e) => `${esc(e.paragraph ?? e.code)} — ${esc(e.title)}${e.regimes.length ? ` <span class="small">(${esc(e.regimes.join(', '))}${e.reasons.length ? `; ${esc(e.reasons.join(', '))}` : ''})</span>` : ''}`).join('<br>')
      : c?.designation ? esc(c.designation) : c?.suggestions.length ? `not classified; candidates: ${esc(c.suggestions.slice(0, 3).map((e) => e.paragraph ?? e.code).join(', '))}` : 'not on a modelled list';
    s.push(`<tr><td>${i + 1}</td><td>${esc(it.description)}${it.usOrigin ? ' <span class="small">(US origin)</span>' : ''}</td><td>${esc(it.code ?? it.cas ?? '—')}</td><td>${entries}${c?.cwcSchedule ? `<br><span class="small">CWC Schedule ${esc(c.cwcSchedule)}</span>` : ''}</td>`
      + `<td>${esc([it.quantity !== undefined ? `${it.quantity}${it.unit ? ` ${it.unit}` : ''}` : '', it.value !== undefined ? `${it.value} ${it.currency ?? ''}`.trim() : ''].filter(Boolean).join(' / ') || '—')}</td></tr>`);
  });
  s.push('</tbody></table></section>');

  if (m.timelineSvg) {
    s.push(`<section class="timeline"><h2>The law through time: measures on ${esc(tx.destination)}</h2><figure>${m.timelineSvg}<figcaption>Bands are the periods of the modelled measures; hatched stretches are suspensions; the dashed line is the as-of date ${esc(a.asOf)}.${m.timelineSource ? ` ${esc(m.timelineSource)}` : ''}</figcaption></figure></section>`);
  }

  // Per jurisdiction, in detail.
  s.push('<section><h2>Per jurisdiction</h2>');
  for (const d of a.determinations) s.push(determinationHtml(d));
  s.push('</section>');

  s.push('<section><h2>Red flags</h2>');
  if (!a.redFlags.length) s.push('<p>No modelled red flag was raised.</p>');
  else s.push(`<ul>${a.redFlags.map((f) => `<li><strong>${esc(f.code)}</strong>: ${esc(f.message)}${f.subject ? ` <span class="small">(${esc(f.subject)})</span>` : ''}</li>`).join('')}</ul>`);
  s.push('</section>');

  s.push('<section><h2>Screening of the parties</h2>');
  for (const p of a.screening) {
    s.push(`<h3>${esc(p.role)}: ${esc(p.name)}${p.country ? ` (${esc(p.country)})` : ''}</h3>`);
    if (!p.hits.length) { s.push('<p>No hit on the screened lists at the threshold used.</p>'); continue; }
    s.push('<table><thead><tr><th scope="col">Listed name</th><th scope="col">List</th><th scope="col">Score</th><th scope="col">Why it matched</th></tr></thead><tbody>');
    for (const h of p.hits) {
      const why = [
        h.matchedName !== h.name ? `matched the name “${h.matchedName}”` : '',
        h.explanation.tokens.map((t) => `${t.query} → ${t.matched ?? '—'} (${t.how})`).join(', '),
        ...h.explanation.notes,
        ...h.explanation.adjustments.map((x) => `${x.reason} (${x.delta >= 0 ? '+' : ''}${x.delta.toFixed(2)})`),
      ].filter(Boolean);
      s.push(`<tr><td>${esc(h.name)}<br><span class="small">${esc(h.entityId)}${h.programs.length ? ` · ${esc(h.programs.join(', '))}` : ''}</span></td><td>${esc(h.source)} / ${esc(h.list)}</td><td>${h.score.toFixed(2)}</td><td>${esc(why.join('; '))}${h.licensePolicy ? `<br><span class="small">licence policy: ${esc(h.licensePolicy)}</span>` : ''}</td></tr>`);
    }
    s.push('</tbody></table>');
  }
  if (!a.screening.length) s.push('<p>No party was screened.</p>');
  s.push('</section>');

  const notModelled = [...new Set(a.determinations.flatMap((d) => d.notModelled.map((n) => `${d.jurisdiction}: ${n}`)))];
  s.push('<section><h2>What was not modelled</h2>');
  s.push(notModelled.length ? `<ul>${notModelled.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '<p>Every jurisdiction reports no gap for this destination and date.</p>');
  if (a.caveats.length) s.push(`<h3>Caveats</h3><ul>${a.caveats.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`);
  s.push('<p class="small">Vigil reports what the modelled lists and rules say and what they do not cover. The decision is the officer\'s.</p></section>');

  const v = a.dataVersions;
  s.push('<section class="versions"><h2>Data versions</h2><dl class="meta">'
    + `<dt>Rule set</dt><dd>${esc(v.rules.version)} <code>sha256:${esc(v.rules.sha256)}</code></dd>`
    + `<dt>Control catalogue</dt><dd>${esc(v.controls.version)}${v.controls.sha256 ? ` <code>sha256:${esc(v.controls.sha256)}</code>` : ''}${v.controls.euRegulation ? ` · EU: ${esc(v.controls.euRegulation)}` : ''}</dd>`
    + `<dt>Lists</dt><dd>${v.lists.length ? v.lists.map((l) => `${esc(l.id)} snapshot ${l.version} of ${esc(l.date)}${l.sha256 ? ` <code>sha256:${esc(l.sha256.slice(0, 16))}…</code>` : ''}`).join('<br>') : 'none loaded'}</dd>`
    + (m.case?.auditEvent ? `<dt>Audit event</dt><dd>#${m.case.auditEvent.seq} at ${esc(m.case.auditEvent.at)} <code>sha256:${esc(m.case.auditEvent.hash)}</code></dd>` : m.case ? '<dt>Audit event</dt><dd>the case has not been assessed: no assessment event</dd>' : '')
    + '</dl></section>');

  s.push(`<section class="signature"><h2>Officer's decision</h2>
<p>Having read the determinations above and the law they cite, I decide:</p>
<ul class="boxes"><li>☐ grant the licence</li><li>☐ grant the licence with conditions: ______________________________</li><li>☐ refuse the licence</li><li>☐ ask for further information: ______________________________</li></ul>
<table class="sign"><tbody><tr><th scope="row">Name</th><td></td></tr><tr><th scope="row">Function</th><td></td></tr><tr><th scope="row">Date</th><td></td></tr><tr><th scope="row">Signature</th><td class="tall"></td></tr></tbody></table></section>`);

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${MEMO_CSS}</style></head>
<body><main class="memo">
${s.join('\n')}
</main></body></html>
`;
}

function determinationHtml(d: Determination): string {
  const out: string[] = [`<article class="det ${d.applies ? 'applies' : 'not-applies'}"><h3>${esc(d.jurisdiction)}: ${d.applies ? esc(outcomeWords(d.outcome)) : `${esc(d.jurisdiction)} law does not reach this export`}</h3>`];
  out.push(`<p><strong>Reach:</strong> ${esc(d.nexus)}</p>`);
  if (!d.applies) out.push(`<p class="hypothetical">If the transaction were subject to ${esc(d.jurisdiction)} law: ${esc(outcomeWords(d.outcome))}.</p>`);
  if (d.reasons.length) {
    out.push('<table><thead><tr><th scope="col">Rule</th><th scope="col">Effect</th><th scope="col">Citation</th><th scope="col">In force</th><th scope="col">Why</th></tr></thead><tbody>');
    for (const r of d.reasons) {
      out.push(`<tr><td><code>${esc(r.ruleId)}</code></td><td>${esc(r.effect)}</td><td>${esc(r.citation)}</td><td>${esc(r.from ?? '…')} – ${r.to ? `before ${esc(r.to)}` : 'open'}</td><td>${esc(r.summary)}${r.subject ? ` <span class="small">(${esc(r.subject)})</span>` : ''}</td></tr>`);
    }
    out.push('</tbody></table>');
  } else out.push('<p>No modelled rule fired.</p>');
  if (d.requirements.length) {
    out.push(`<h4>Requirements</h4><ul>${d.requirements.map((q) => `<li>${esc(q.text)} <span class="small">— ${esc(q.citation)} (${esc(q.ruleId)}${q.subject ? `, ${esc(q.subject)}` : ''})</span></li>`).join('')}</ul>`);
  }
  if (d.notModelled.length) out.push(`<h4>Not modelled</h4><ul>${d.notModelled.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  if (d.caveats.length) out.push(`<h4>Caveats</h4><ul>${d.caveats.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  out.push('</article>');
  return out.join('');
}

const MEMO_CSS = `
:root { color-scheme: light; }
body { font: 10.5pt/1.45 "DejaVu Sans", system-ui, sans-serif; color: #18181b; margin: 0; background: #fff; }
.memo { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: .2rem 0 .8rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #18181b; padding-bottom: .2rem; margin-top: 1.6rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; color: #52525b; margin: 0; }
.small { font-size: .85em; color: #52525b; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0; }
dl.meta dt { font-weight: 700; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .92em; }
th, td { border: 1px solid #d4d4d8; padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.summary th:first-child { width: 6rem; }
table.summary td:last-child { width: 5rem; }
thead th { background: #f4f4f5; }
.outcome { font-weight: 700; }
tr.not-applies td, .det.not-applies .hypothetical { color: #71717a; }
.det { border-left: 4px solid #a1a1aa; padding-left: .8rem; margin: 1rem 0; break-inside: avoid-page; }
.det.applies { border-left-color: #18181b; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; word-break: break-all; }
figure { margin: .5rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85em; color: #52525b; }
.signature { break-inside: avoid-page; }
.boxes { list-style: none; padding-left: 0; }
.sign th { width: 9rem; }
.sign td { height: 1.8rem; }
.sign td.tall { height: 4rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print { .memo { padding: 0; max-width: none; } h2 { break-after: avoid-page; } tr { break-inside: avoid; } }
`;

/** Everything the memo shows, from an assessment: the destination's timeline with the as-of cursor. */
export function memoInput(rules: RuleSet, assessment: Assessment, transaction: Transaction, kase?: MemoCase, timelineSource?: string): MemoInput {
  let svg: string | undefined;
  try {
    svg = timelineSvg(timelineFor(rules, transaction.destination, { asOf: assessment.asOf }), { width: 720, idPrefix: 'memo-tl' });
  } catch { svg = undefined; /* a destination the geography does not know: no picture */ }
  return {
    assessment, transaction, ...(svg ? { timelineSvg: svg } : {}), ...(svg && timelineSource ? { timelineSource } : {}),
    ...(kase ? { case: kase } : {}), generatedAt: new Date().toISOString(),
  };
}

/**
 * The memo of a case: its stored determination (never a fresh one), the audit event that recorded
 * it, and the timeline drawn from the rule set the assessment was made with (kept in the store by
 * its sha256), so that the picture and the determinations beside it say the same law even after
 * the shipped rules changed. `current` is used only when the store does not keep that rule set,
 * and the memo says so.
 */
export async function caseMemoInput(store: Store, current: RuleSet, c: CaseRecord): Promise<MemoInput> {
  if (!c.determination) throw new VigilInputError(`case ${c.id} has no determination yet: assess it first (vigil cases assess ${c.id})`, 'assessment');
  const { rules, source } = await ruleSetUsed(store, current, c.determination.dataVersions.rules);
  return memoInput(rules, c.determination, c.transaction, memoCase(c, await caseAuditEvent(store, c.id)), source);
}

/** The rule set a stored assessment was made with, and a sentence saying which one the memo draws from. */
export async function ruleSetUsed(store: Store, current: RuleSet, used: { version: string; sha256: string }): Promise<{ rules: RuleSet; source: string }> {
  const named = (r: { version: string; sha256: string }) => `${r.version} (sha256:${r.sha256})`;
  if (used.sha256 === current.sha256) return { rules: current, source: `Drawn from rule set ${named(used)}, the one the assessment used.` };
  const kept = await store.getRuleSet(used.sha256);
  if (kept) {
    const { ruleSetFromJson } = await import('../policy/index.js');
    return { rules: ruleSetFromJson(kept.json, used.sha256), source: `Drawn from rule set ${named(used)}, the one the assessment used (the current rules are ${named(current)}).` };
  }
  return {
    rules: current,
    source: `Drawn from the current rule set ${named(current)}: the assessment used ${named(used)}, which this store does not keep, so the picture may differ from the determinations.`,
  };
}

/** The latest audit event that recorded an assessment of the case (scans the chain: cases are few). */
export async function caseAuditEvent(store: Store, caseId: string): Promise<AuditEvent | undefined> {
  let found: AuditEvent | undefined;
  let afterSeq = 0;
  for (;;) {
    const page = await store.listAudit({ afterSeq, limit: 1000 });
    for (const e of page) if (e.subject === caseId && e.action === 'case.assess') found = e;
    if (page.length < 1000) return found;
    afterSeq = page[page.length - 1]!.seq;
  }
}

export function memoCase(c: CaseRecord, event?: AuditEvent): MemoCase {
  return {
    id: c.id, reference: c.reference, state: c.state, applicant: c.applicant,
    ...(c.assessedAt ? { assessedAt: c.assessedAt } : {}), ...(c.assessedBy ? { assessedBy: c.assessedBy } : {}),
    ...(event ? { auditEvent: { seq: event.seq, hash: event.hash, at: event.at } } : {}),
  };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
