// Licence cases: create, move through the life cycle (transitions.ts), assess with the partners'
// denials in view, consult, ship against the licence. Every change is one transaction with its
// audit event (case-write.ts); every refusal is audited too.
import type { Vigil } from '../app/vigil.js';
import type {
  CaseRecord, CaseState, Consultation, Licence, Shipment, ShipmentLine, Transaction,
} from '../model/index.js';
import { CASE_STATES } from '../model/index.js';
import { VigilInputError, VigilRefusal } from '../model/errors.js';
import type { CaseFilter, Store } from '../store/store.js';
import { assessmentOutcome } from './audit-calls.js';
import { inputHash } from './audit-trail.js';
import { changeCase, withTimeline, type CaseChange } from './case-write.js';
import { pauseInsideCaseWrite } from './test-hooks.js';
import { checkDate, today, yearsLater } from './dates.js';
import { consultationFlag, matchPartnerDenials, notificationsForDenial } from './denials.js';
import { balances, checkShipment, fullyDrawnDown, licenceItemsFrom, type ItemBalance } from './drawdown.js';
import { failedGuards } from './guards.js';
import { trueMatchFlags } from '../screening/parties.js';
import { exportDenialFile, exportDenials, importDenialText, importDenials, type ExportResult, type ImportResult } from './denial-exchange.js';
import type { DenialFile } from './denial-file.js';
import { replayCase, type ReplayResult } from './replay.js';
import { FINAL_STATES, findTransition, transitionsFrom, type GuardName, type Role } from './transitions.js';

export interface Actor { id: string; role: Role }

export interface TransitionRequest {
  to: CaseState;
  reason: string;
  /** Approval: the licence's last valid day (default: two years less a day from issue). */
  validUntil?: string;
  /** Approval: the day the licence is issued (default today). */
  issuedAt?: string;
}

export interface ConsultationRequest { denialReference: string; message: string; date?: string }
export interface ConsultationResponse {
  /** The consultation id, or the denial reference it is about. */
  consultation: string;
  position: NonNullable<Consultation['response']>['position'];
  message: string;
  date?: string;
}
export interface ShipmentRequest { date?: string; lines: ShipmentLine[]; reference?: string }

/** A case as shown to people: the record plus what may happen next and what the licence has left. */
export interface CaseView extends CaseRecord {
  next: { to: CaseState; label: string; allowed: boolean; blockedBy: { guard: GuardName; reason: string }[] }[];
  licenceBalance?: ItemBalance[];
  openConsultations: string[];
}

/**
 * Individual export authorisations under Regulation (EU) 2021/821 are valid for up to two years;
 * the officer can set a shorter validity.
 */
const DEFAULT_LICENCE_YEARS = 2;
const ISSUER_KEY = 'cases.issuer';
const ASSESSABLE: readonly CaseState[] = ['submitted', 'under-assessment', 'in-consultation'];
const CONSULTABLE: readonly CaseState[] = ['under-assessment', 'in-consultation'];

/** What one expiry sweep did. */
export interface ExpirySweep {
  asOf: string;
  expired: { id: string; licence: string; validUntil: string }[];
  /** Cases that could not be moved (changed meanwhile): id, refusal code and message. */
  refused: { id: string; code: string; message: string }[];
}

export class CaseService {
  constructor(private readonly vigil: Vigil, private readonly opts: { issuer?: string } = {}) {}

  private get store(): Store {
    return this.vigil.store;
  }

  /** Who this instance speaks for, when configured: option, $VIGIL_ISSUER, or the stored setting. */
  async configuredIssuer(): Promise<string | undefined> {
    return this.opts.issuer ?? process.env.VIGIL_ISSUER ?? (await this.store.getMeta(ISSUER_KEY));
  }

  /** The issuer of a denial: as configured, else the government of the exporter's country. */
  async issuer(c?: CaseRecord): Promise<string> {
    return (await this.configuredIssuer()) ?? c?.transaction.exporter.country ?? 'XX';
  }

  async setIssuer(issuer: string): Promise<void> {
    if (!/^[A-Z]{2,8}$/.test(issuer)) throw new VigilInputError(`issuer must be a short upper-case code such as IT or DE, not "${issuer}"`, 'issuer');
    await this.store.setMeta(ISSUER_KEY, issuer);
  }

  // ---- reading ----------------------------------------------------------------------------------

  async get(id: string): Promise<CaseRecord> {
    const c = await this.store.getCase(id);
    if (!c) throw new VigilInputError(`no case ${id}`, 'case');
    return c;
  }

  list(filter: CaseFilter = {}): Promise<CaseRecord[]> {
    if (filter.state && !CASE_STATES.includes(filter.state)) {
      throw new VigilInputError(`unknown state "${filter.state}"; states are ${CASE_STATES.join(', ')}`, 'state');
    }
    return this.store.listCases(filter);
  }

  view(c: CaseRecord): CaseView {
    return {
      ...c,
      next: transitionsFrom(c.state).map((t) => {
        const blockedBy = failedGuards(c, t.guards);
        return { to: t.to, label: t.label, allowed: blockedBy.length === 0, blockedBy };
      }),
      licenceBalance: c.licence ? balances(c.licence, c.shipments ?? []) : undefined,
      openConsultations: (c.consultations ?? []).filter((k) => !k.response).map((k) => k.id),
    };
  }

  // ---- creating -----------------------------------------------------------------------------------

  async create(transaction: Transaction, applicant: string, actor: Actor, opts: { submit?: boolean } = {}): Promise<CaseRecord> {
    requireOfficer(actor, 'create a case');
    const name = applicant.trim();
    if (!name) throw new VigilInputError('the applicant is required', 'applicant');
    return this.store.transaction(async (tx) => {
      const seq = await tx.nextSequence('case');
      const now = new Date().toISOString();
      const id = `C-${now.slice(0, 4)}-${String(seq).padStart(4, '0')}`;
      let c: CaseRecord = {
        id, reference: id, state: 'draft', applicant: name, destination: transaction.destination, transaction,
        createdAt: now, updatedAt: now, version: 1,
        timeline: [{ at: now, actor: actor.id, action: 'created', to: 'draft' }],
        consultations: [], shipments: [],
      };
      if (opts.submit) {
        c = withTimeline({ ...c, state: 'submitted' }, { at: now, actor: actor.id, action: 'transition', from: 'draft', to: 'submitted', reason: 'submitted on creation' });
      }
      await tx.insertCase(c);
      await tx.appendAudit({
        actor: actor.id, action: 'case.create', subject: id,
        inputHash: inputHash({ applicant: name, transaction, submit: opts.submit === true }), outcome: c.state,
      });
      await pauseInsideCaseWrite();
      return c;
    });
  }

  // ---- the life cycle -----------------------------------------------------------------------------

  transition(id: string, req: TransitionRequest, actor: Actor): Promise<CaseRecord> {
    return this.audited(id, actor, 'case.transition', { id, ...req }, () => {
      if (!CASE_STATES.includes(req.to)) {
        throw new VigilInputError(`unknown state "${req.to}"; states are ${CASE_STATES.join(', ')}`, 'state');
      }
      const reason = req.reason?.trim();
      if (!reason) throw new VigilInputError('every transition needs a reason', 'reason');
      if (req.validUntil) checkDate(req.validUntil, 'validUntil');
      if (req.issuedAt) checkDate(req.issuedAt, 'issuedAt');
      return changeCase(this.store, id, actor.id, async (c, tx, now) => {
        const t = findTransition(c.state, req.to);
        if (!t) {
          const possible = transitionsFrom(c.state).map((x) => x.to);
          throw new VigilRefusal(
            `case ${id} is ${c.state} and cannot move to ${req.to}; from ${c.state} it may move to ${possible.length ? possible.join(', ') : 'nothing (a final state)'}`,
            'illegal-transition',
          );
        }
        if (!t.roles.includes(actor.role)) {
          throw new VigilRefusal(`role ${actor.role} may not ${t.label}; it needs ${t.roles.join(' or ')}`, 'forbidden-role');
        }
        const blocked = failedGuards(c, t.guards);
        if (t.guards.includes('no-true-match') && !blocked.some((b) => b.guard === 'no-true-match')) {
          // An alert decided a true match after the assessment blocks as well.
          const now = await trueMatchFlags(tx, c.transaction.parties);
          if (now.length) blocked.push({ guard: 'no-true-match', reason: `party-true-match: ${now.map((f) => f.message).join('; ')}` });
        }
        if (blocked.length) {
          const code = blocked[0]!.guard === 'consultations-answered' ? 'consultation-required' : `precondition-${blocked[0]!.guard}`;
          throw new VigilRefusal(`case ${id} cannot move from ${c.state} to ${req.to}: ${blocked.map((b) => b.reason).join('; ')}`, code);
        }
        let next = withTimeline({ ...c, state: req.to }, { at: now, actor: actor.id, action: 'transition', from: c.state, to: req.to, reason });
        let also: ((s: Store) => Promise<void>) | undefined;
        const detail: Record<string, unknown> = { from: c.state, to: req.to, reason };
        if (req.to === 'approved') {
          next.licence = await this.issueLicence(next, tx, req);
          detail.licence = next.licence.number;
        }
        if (req.to === 'denied') {
          const issuer = await this.issuer(c);
          const notifications = await notificationsForDenial(c, {
            issuer, reason, date: now.slice(0, 10),
            nextId: async () => `${issuer}-${now.slice(0, 4)}-${String(await tx.nextSequence('denial-notification')).padStart(4, '0')}`,
          });
          next.denialNotifications = notifications.map((n) => n.id);
          detail.denialNotifications = next.denialNotifications;
          also = async (s) => { for (const n of notifications) await s.putDenialNotification(n); };
        }
        return {
          next, also,
          events: [{ action: 'case.transition', inputHash: inputHash({ id, ...req }), outcome: `${c.state} -> ${req.to}`, dataVersions: c.dataVersions, detail }],
        };
      });
    });
  }

  /**
   * Close as expired every approved licence whose last valid day is before `asOf` (default today):
   * run it daily (cron, or a scheduler calling the API). Each case moves by the ordinary transition,
   * with its own audit event; a case another officer changed meanwhile is reported, not forced.
   */
  async expireDue(actor: Actor, asOf?: string): Promise<ExpirySweep> {
    const date = checkDate(asOf ?? today(), 'asOf');
    const due = (await this.store.listCases({ state: 'approved' }))
      .filter((c) => c.licence && c.licence.validUntil < date)
      .sort((a, b) => a.licence!.validUntil.localeCompare(b.licence!.validUntil) || a.id.localeCompare(b.id));
    const sweep: ExpirySweep = { asOf: date, expired: [], refused: [] };
    for (const c of due) {
      try {
        await this.transition(c.id, { to: 'expired', reason: `licence ${c.licence!.number} was valid until ${c.licence!.validUntil}` }, actor);
        sweep.expired.push({ id: c.id, licence: c.licence!.number, validUntil: c.licence!.validUntil });
      } catch (err) {
        if (!(err instanceof VigilRefusal)) throw err;
        sweep.refused.push({ id: c.id, code: err.code, message: err.message });
      }
    }
    return sweep;
  }

  private async issueLicence(c: CaseRecord, tx: Store, req: TransitionRequest): Promise<Licence> {
    const issuedAt = req.issuedAt ?? today();
    const validUntil = req.validUntil ?? yearsLater(issuedAt, DEFAULT_LICENCE_YEARS);
    if (validUntil < issuedAt) throw new VigilInputError(`the licence would expire (${validUntil}) before it is issued (${issuedAt})`, 'validUntil');
    const issuer = await this.issuer(c);
    const number = `${issuer}-L-${issuedAt.slice(0, 4)}-${String(await tx.nextSequence('licence')).padStart(4, '0')}`;
    return { number, issuedAt, validUntil, items: licenceItemsFrom(c.transaction) };
  }

  /**
   * Assess the case's transaction now and store the determination with the case, with its data
   * versions. Partners' denials of an essentially identical transaction become
   * `consultation-required` red flags. A submitted case moves to under-assessment.
   */
  assess(id: string, actor: Actor): Promise<CaseRecord> {
    return this.audited(id, actor, 'case.assess', { id }, async () => {
      requireOfficer(actor, 'assess a case');
      const before = await this.get(id);
      checkAssessable(before);
      const base = await this.vigil.assess(before.transaction, undefined, { audit: false });
      const matches = matchPartnerDenials(before.transaction, base, await this.store.listDenialNotifications(),
        (a, b, type) => this.vigil.compare(a, b, type));
      const trueMatches = await trueMatchFlags(this.store, before.transaction.parties);
      const assessment = { ...base, redFlags: [...base.redFlags, ...matches.map(consultationFlag), ...trueMatches] };
      const outcome = assessmentOutcome(assessment) + (matches.length ? ` consultation-required:${matches.map((m) => m.reference).join(',')}` : '');
      return changeCase(this.store, id, actor.id, async (c, _tx, now) => {
        checkAssessable(c);
        let next: CaseRecord = {
          ...c, determination: assessment, dataVersions: assessment.dataVersions, assessedAt: now, assessedBy: actor.id, partnerDenials: matches,
        };
        const events: CaseChange['events'] = [{
          action: 'case.assess', inputHash: inputHash({ transaction: c.transaction, asOf: assessment.asOf }), outcome,
          dataVersions: assessment.dataVersions, detail: { redFlags: assessment.redFlags.map((f) => f.code), partnerDenials: matches.map((m) => m.reference) },
        }];
        if (c.state === 'submitted') {
          next = withTimeline({ ...next, state: 'under-assessment' }, { at: now, actor: actor.id, action: 'transition', from: 'submitted', to: 'under-assessment', reason: 'assessment started' });
          events.unshift({ action: 'case.transition', inputHash: inputHash({ id, to: 'under-assessment' }), outcome: 'submitted -> under-assessment', dataVersions: c.dataVersions, detail: { from: 'submitted', to: 'under-assessment' } });
        }
        next = withTimeline(next, { at: now, actor: actor.id, action: 'assessed', detail: { outcome, redFlags: assessment.redFlags.map((f) => f.code) } });
        return { next, events };
      });
    });
  }

  // ---- consultations ------------------------------------------------------------------------------

  requestConsultation(id: string, req: ConsultationRequest, actor: Actor): Promise<CaseRecord> {
    return this.audited(id, actor, 'case.consultation.request', { id, ...req }, () => {
      requireOfficer(actor, 'request a consultation');
      const date = checkDate(req.date ?? today(), 'date');
      if (!req.message?.trim()) throw new VigilInputError('say what is asked of the partner', 'message');
      return changeCase(this.store, id, actor.id, async (c, _tx, now) => {
        if (!CONSULTABLE.includes(c.state)) throw new VigilRefusal(`case ${id} is ${c.state}; consultations happen under assessment or in consultation`, 'not-consultable');
        const denial = (c.partnerDenials ?? []).find((d) => d.reference === req.denialReference);
        if (!denial) {
          const known = (c.partnerDenials ?? []).map((d) => d.reference);
          throw new VigilRefusal(`case ${id} matches no partner denial ${req.denialReference}; it matches ${known.length ? known.join(', ') : 'none'}`, 'unknown-denial');
        }
        if ((c.consultations ?? []).some((k) => k.denialReference === denial.reference && !k.response)) {
          throw new VigilRefusal(`a consultation with ${denial.issuer} on ${denial.reference} is already open`, 'consultation-open');
        }
        const k: Consultation = {
          id: `${id}-K${(c.consultations ?? []).length + 1}`, denialReference: denial.reference, partner: denial.issuer,
          requestedAt: date, requestedBy: actor.id, message: req.message.trim(),
        };
        let next = withTimeline({ ...c, consultations: [...(c.consultations ?? []), k] }, {
          at: now, actor: actor.id, action: 'consultation-requested', detail: { consultation: k.id, partner: k.partner, denialReference: k.denialReference, date },
        });
        const events: CaseChange['events'] = [{ action: 'case.consultation.request', inputHash: inputHash({ id, ...req }), outcome: `${k.id} to ${k.partner}`, dataVersions: c.dataVersions, detail: { consultation: k.id, denialReference: k.denialReference, date } }];
        if (c.state === 'under-assessment') {
          next = withTimeline({ ...next, state: 'in-consultation' }, { at: now, actor: actor.id, action: 'transition', from: c.state, to: 'in-consultation', reason: `consulting ${k.partner} on ${k.denialReference}` });
          events.push({ action: 'case.transition', inputHash: inputHash({ id, to: 'in-consultation' }), outcome: 'under-assessment -> in-consultation', dataVersions: c.dataVersions, detail: { from: c.state, to: 'in-consultation' } });
        }
        return { next, events };
      });
    });
  }

  recordConsultationResponse(id: string, req: ConsultationResponse, actor: Actor): Promise<CaseRecord> {
    return this.audited(id, actor, 'case.consultation.response', { id, ...req }, () => {
      requireOfficer(actor, 'record a consultation response');
      const date = checkDate(req.date ?? today(), 'date');
      if (!['maintains-denial', 'no-objection', 'no-response'].includes(req.position)) {
        throw new VigilInputError(`position must be maintains-denial, no-objection or no-response, not "${req.position}"`, 'position');
      }
      return changeCase(this.store, id, actor.id, async (c, _tx, now) => {
        const open = (c.consultations ?? []).find((k) => !k.response && (k.id === req.consultation || k.denialReference === req.consultation));
        if (!open) throw new VigilRefusal(`case ${id} has no open consultation ${req.consultation}`, 'unknown-consultation');
        if (date < open.requestedAt) throw new VigilInputError(`the response (${date}) cannot predate the request (${open.requestedAt})`, 'date');
        const answered: Consultation = { ...open, response: { receivedAt: date, recordedBy: actor.id, position: req.position, message: req.message?.trim() ?? '' } };
        const next = withTimeline({ ...c, consultations: (c.consultations ?? []).map((k) => (k.id === open.id ? answered : k)) }, {
          at: now, actor: actor.id, action: 'consultation-answered', detail: { consultation: open.id, partner: open.partner, position: req.position, date },
        });
        return { next, events: [{ action: 'case.consultation.response', inputHash: inputHash({ id, ...req }), outcome: `${open.id}: ${req.position}`, dataVersions: c.dataVersions, detail: { consultation: open.id, date } }] };
      });
    });
  }

  // ---- draw-down ----------------------------------------------------------------------------------

  ship(id: string, req: ShipmentRequest, actor: Actor): Promise<CaseRecord> {
    return this.audited(id, actor, 'case.shipment', { id, ...req }, () => {
      requireOfficer(actor, 'record a shipment');
      const date = checkDate(req.date ?? today(), 'date');
      return changeCase(this.store, id, actor.id, async (c, _tx, now) => {
        checkShipment(c, date, req.lines);
        const s: Shipment = {
          id: `${id}-S${(c.shipments ?? []).length + 1}`, date, recordedAt: now, recordedBy: actor.id,
          ...(req.reference ? { reference: req.reference } : {}), lines: req.lines.map((l) => ({ ...l })),
        };
        let next = withTimeline({ ...c, shipments: [...(c.shipments ?? []), s] }, { at: now, actor: actor.id, action: 'shipment', detail: { shipment: s.id, date, lines: s.lines } });
        const events: CaseChange['events'] = [{ action: 'case.shipment', inputHash: inputHash({ id, ...req }), outcome: `${s.id} recorded`, dataVersions: c.dataVersions, detail: { shipment: s.id, date, lines: s.lines } }];
        if (fullyDrawnDown(next.licence!, next.shipments!)) {
          next = withTimeline({ ...next, state: 'exhausted' }, { at: now, actor: actor.id, action: 'transition', from: 'approved', to: 'exhausted', reason: `licence used up by ${s.id}` });
          events.push({ action: 'case.transition', inputHash: inputHash({ id, to: 'exhausted' }), outcome: 'approved -> exhausted', dataVersions: c.dataVersions, detail: { from: 'approved', to: 'exhausted', shipment: s.id } });
        }
        return { next, events };
      });
    });
  }

  // ---- reproducing, exchanging ------------------------------------------------------------------

  /** Re-run the stored determination on its own data (and on today's with `current`). */
  replay(id: string, opts: { current?: boolean }, actor: Actor): Promise<ReplayResult> {
    return this.audited(id, actor, 'case.replay', { id, ...opts }, async () => {
      const c = await this.get(id);
      const r = await replayCase(this.vigil, c, opts);
      await this.store.appendAudit({
        actor: actor.id, action: 'case.replay', subject: id, inputHash: inputHash({ id, ...opts }),
        outcome: `replay ${r.replay.same ? 'same' : 'differs'}${r.current ? `; current data ${r.current.same ? 'same' : 'differs'}` : ''}`,
        dataVersions: r.stored.dataVersions,
        detail: { differences: r.replay.differences.length, currentDifferences: r.current?.differences.length ?? null },
      });
      return r;
    });
  }

  async exportDenials(path: string, actor: Actor, opts: { issuer?: string; since?: string } = {}): Promise<ExportResult> {
    requireOfficer(actor, 'export denial notifications');
    const issuer = opts.issuer ?? (await this.configuredIssuer()) ?? (await this.ownIssuers())[0] ?? 'XX';
    return exportDenials(this.store, path, issuer, actor.id, opts);
  }

  /** The exchange document itself (for the API), recorded like a file export. */
  async exportDenialFile(subject: string, actor: Actor, opts: { issuer?: string; since?: string } = {}): Promise<DenialFile> {
    requireOfficer(actor, 'export denial notifications');
    const issuer = opts.issuer ?? (await this.configuredIssuer()) ?? (await this.ownIssuers())[0] ?? 'XX';
    return exportDenialFile(this.store, subject, issuer, actor.id, opts);
  }

  async importDenials(path: string, actor: Actor): Promise<ImportResult> {
    requireOfficer(actor, 'import denial notifications');
    return importDenials(this.store, path, await this.configuredIssuer(), actor.id);
  }

  async importDenialText(text: string, source: string, actor: Actor): Promise<ImportResult> {
    requireOfficer(actor, 'import denial notifications');
    return importDenialText(this.store, text, source, await this.configuredIssuer(), actor.id);
  }

  /** Issuers of the notifications this instance wrote itself. */
  private async ownIssuers(): Promise<string[]> {
    return [...new Set((await this.store.listDenialNotifications()).filter((n) => !n.importedAt).map((n) => n.issuer))];
  }

  // ---- audit of refusals --------------------------------------------------------------------------

  /** Run a case action; if it is refused, record the refusal (the attempt is part of the record). */
  async audited<T>(subject: string | undefined, actor: Actor, action: string, input: unknown, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof VigilRefusal) {
        await this.store.appendAudit({ actor: actor.id, action, subject, inputHash: inputHash(input), outcome: `refused (${err.code})`, detail: { message: err.message } });
      }
      throw err;
    }
  }
}

function requireOfficer(actor: Actor, what: string): void {
  if (actor.role !== 'officer' && actor.role !== 'admin') throw new VigilRefusal(`role ${actor.role} may not ${what}; it needs officer`, 'forbidden-role');
}

function checkAssessable(c: CaseRecord): void {
  if (ASSESSABLE.includes(c.state)) return;
  const why = c.state === 'draft' ? 'submit it first' : FINAL_STATES.includes(c.state) ? 'its decision is final' : 'it has been decided';
  throw new VigilRefusal(`case ${c.id} is ${c.state} and cannot be assessed: ${why}`, 'not-assessable');
}

