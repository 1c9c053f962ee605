// Denial notifications: what this government tells its regime partners when it denies a licence,
// and the "no undercut" check — a new case essentially identical to a partner's denial (same
// control entry, same destination, same end user by the screening matcher) must be consulted on.
import type {
  Assessment, CaseRecord, CompareResult, DenialNotification, EntityType, PartnerDenialMatch, Transaction,
} from '../model/index.js';

export type NameComparer = (a: string, b: string, type?: EntityType) => CompareResult;

const END_USER_ROLES = ['end-user', 'consignee'];

/** The party the notification names: the end user, or the consignee when no end user is given. */
export function endUserOf(tx: Transaction): { name: string; type?: EntityType; country?: string } | undefined {
  for (const role of END_USER_ROLES) {
    const p = tx.parties.find((x) => x.role === role);
    if (p) return { name: p.name, type: p.type, country: p.country };
  }
  return undefined;
}

export const normaliseEntry = (code: string): string => code.toUpperCase().replace(/\s+/g, '');

/**
 * Same control entry at the precision both sides give: `6A003` covers `6A003.b.4`, but
 * `6A003.a.1` and `6A003.b.4` are different items.
 */
export function sameEntry(a: string, b: string): boolean {
  const x = normaliseEntry(a);
  const y = normaliseEntry(b);
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
}

export interface CaseEntry { index: number; code: string; description: string; regimes: string[] }

/** The control entries of a transaction: codes the applicant gave, and what classification resolved. */
export function caseEntries(tx: Transaction, a?: Assessment): CaseEntry[] {
  const out: CaseEntry[] = [];
  const seen = new Map<string, CaseEntry>();
  const add = (index: number, code: string | undefined, regimes: string[]) => {
    if (!code) return;
    const key = `${index}|${normaliseEntry(code)}`;
    const known = seen.get(key);
    if (known) {
      for (const r of regimes) if (!known.regimes.includes(r)) known.regimes.push(r);
      return;
    }
    const e = { index, code, description: tx.items[index]?.description ?? '', regimes: [...regimes] };
    seen.set(key, e);
    out.push(e);
  };
  const classified = a?.items ?? [];
  tx.items.forEach((it, index) => {
    const cls = classified.find((c) => c.index === index);
    const exact = cls?.classified ? cls.entries : [];
    // The applicant's own code is the most precise statement of the item; classification fills
    // in the regimes, and the entry itself when only a CAS number was given.
    if (it.code) add(index, it.code, exact.filter((e) => sameEntry(e.code, it.code!)).flatMap((e) => e.regimes));
    else for (const e of exact) add(index, e.paragraph ?? e.code, e.regimes);
  });
  return out;
}

/**
 * The notifications a denial produces: one per regime whose entries the items fall under (a
 * regime's partners learn about the items that regime controls); items no regime lists go out as
 * a national denial.
 */
export function notificationsForDenial(
  c: CaseRecord, opts: { issuer: string; reason: string; date: string; nextId: () => Promise<string> },
): Promise<DenialNotification[]> {
  const tx = c.transaction;
  const eu = endUserOf(tx);
  const byRegime = new Map<string, CaseEntry[]>();
  for (const e of caseEntries(tx, c.determination)) {
    for (const r of e.regimes.length ? e.regimes : ['national']) {
      const list = byRegime.get(r) ?? [];
      if (!list.some((x) => normaliseEntry(x.code) === normaliseEntry(e.code))) list.push(e);
      byRegime.set(r, list);
    }
  }
  return (async () => {
    const out: DenialNotification[] = [];
    for (const [regime, entries] of [...byRegime].sort(([a], [b]) => a.localeCompare(b))) {
      out.push({
        id: await opts.nextId(),
        issuer: opts.issuer,
        regime,
        entries: entries.map((e) => e.code),
        items: entries.map((e) => ({ code: e.code, description: e.description })),
        destination: tx.destination,
        endUser: eu?.name ?? '(not stated)',
        endUserCountry: eu?.country,
        endUse: tx.endUse.statement,
        reason: opts.reason,
        date: opts.date,
        caseId: c.id,
      });
    }
    return out;
  })();
}

/** Partners' denials that an assessed transaction essentially repeats. */
export function matchPartnerDenials(
  tx: Transaction, a: Assessment | undefined, notifications: readonly DenialNotification[], compare: NameComparer,
): PartnerDenialMatch[] {
  const eu = endUserOf(tx);
  if (!eu) return [];
  const entries = caseEntries(tx, a);
  const out: PartnerDenialMatch[] = [];
  for (const n of notifications) {
    if (!n.importedAt || n.revoked) continue; // our own denials, or withdrawn by the partner
    if (n.destination.toUpperCase() !== tx.destination.toUpperCase()) continue;
    const common = n.entries.filter((ne) => entries.some((ce) => sameEntry(ne, ce.code)));
    if (common.length === 0) continue;
    const cmp = compare(n.endUser, eu.name, eu.type === 'person' ? 'person' : 'organization');
    if (!cmp.match) continue;
    out.push({ reference: n.id, issuer: n.issuer, entries: common, destination: n.destination, endUser: n.endUser, nameScore: cmp.score });
  }
  return out;
}

export function consultationFlag(m: PartnerDenialMatch): { code: string; message: string; subject: string } {
  return {
    code: 'consultation-required',
    message: `${m.issuer} denied an essentially identical transaction (${m.reference}: ${m.entries.join(', ')} to ${m.destination}, end user "${m.endUser}"); consult ${m.issuer} before granting a licence`,
    subject: m.reference,
  };
}
