// The checks behind the transition table's guard names. Each returns why the move is refused,
// or undefined when the case may move.
import type { CaseRecord } from '../model/index.js';
import type { GuardName } from './transitions.js';
import { fullyDrawnDown } from './drawdown.js';

type Guard = (c: CaseRecord) => string | undefined;

/** Partner denials that still wait for the partner's answer. */
export function unansweredDenials(c: CaseRecord): string[] {
  const answered = new Set((c.consultations ?? []).filter((k) => k.response).map((k) => k.denialReference));
  return (c.partnerDenials ?? []).map((d) => d.reference).filter((ref) => !answered.has(ref));
}

const GUARDS: Record<GuardName, Guard> = {
  assessed: (c) => (c.determination ? undefined : 'the case has no stored determination; run `vigil cases assess` first'),
  'consultation-pending': (c) => ((c.partnerDenials ?? []).length > 0
    ? undefined
    : 'no partner denial matches this case, so there is no one to consult'),
  'consultations-answered': (c) => {
    const open = unansweredDenials(c);
    return open.length === 0
      ? undefined
      : `consultation-required: partners denied an essentially identical transaction (${open.join(', ')}); record their response before approving`;
  },
  'not-prohibited': (c) => {
    const p = (c.determination?.determinations ?? []).filter((d) => d.applies && d.outcome === 'prohibited');
    return p.length === 0 ? undefined : `the determination says the transaction is prohibited under ${p.map((d) => d.jurisdiction).join(', ')}`;
  },
  // As of the stored assessment; the transition also checks the alerts as they stand (case-service.ts).
  'no-true-match': (c) => {
    const f = (c.determination?.redFlags ?? []).filter((r) => r.code === 'party-true-match');
    return f.length === 0 ? undefined : `party-true-match: ${f.map((r) => r.message).join('; ')}`;
  },
  'licence-drawn-down': (c) => (c.licence && fullyDrawnDown(c.licence, c.shipments ?? [])
    ? undefined
    : 'the licence still has quantity or value remaining'),
};

/** Reasons the guards refuse, in table order (empty when the move is allowed). */
export function failedGuards(c: CaseRecord, names: readonly GuardName[]): { guard: GuardName; reason: string }[] {
  const out: { guard: GuardName; reason: string }[] = [];
  for (const g of names) {
    const reason = GUARDS[g](c);
    if (reason) out.push({ guard: g, reason });
  }
  return out;
}
