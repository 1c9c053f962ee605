// The party register, alerts and their review (issue 14), over the Store and a ScreeningIndex.
//  - Every screening of a registered party stores its hits as alerts, one per party ↔ entry pair.
//  - A false-positive decision suppresses the pair while the listing's fingerprint is unchanged;
//    a changed listing (new alias, identifier, programme, relisting) reopens it, marked `changed`.
//  - After a list snapshot is activated, only the entries added or changed against the previous
//    snapshot are screened against every registered party (delta re-screening), with the whole
//    active index's statistics, so each score is the one a full screening gives.
import { createHash, randomUUID } from 'node:crypto';
import type { Alert, AlertStatus, EntityType, ListEntry, RegisteredParty, ReviewDecision, ScreeningHit, Snapshot } from '../model/index.js';
import { REVIEW_DECISIONS, VigilInputError, VigilRefusal } from '../model/index.js';
import type { Store } from '../store/store.js';
import type { PreparedToken } from '../matching/prepared.js';
import { csvRecords } from '../lists/csv-records.js';
import { readText } from '../lists/text-stream.js';
import { ScreeningIndex } from './index.js';
import { DeltaFilter } from './delta-filter.js';
import { validateQueryName } from './screener.js';

export interface PartyInput {
  name: string;
  type?: string;
  country?: string;
  birthDate?: string;
  registrationNumber?: string;
  externalRef?: string;
  tags?: string[] | string;
  /** Where the input came from when it is a file row (`parties.csv:3`): errors name it and the CSV column. */
  at?: string;
}

/** The CSV column of each field, for errors about a file row. */
const CSV_COLUMN: Record<string, string> = { name: 'name', type: 'type', country: 'country', birthDate: 'birth_date', externalRef: 'external_ref' };

const TYPES: readonly EntityType[] = ['person', 'organization', 'vessel', 'aircraft'];

/** Validate one party as given on the command line, in a CSV row or an API body. */
export function toParty(input: PartyInput, where = 'party', now = new Date().toISOString()): RegisteredParty {
  const field = (f: string) => (input.at ? `${input.at}, field "${CSV_COLUMN[f] ?? f}"` : `${where}.${f}`);
  const name = (input.name ?? '').replace(/\s+/g, ' ').trim();
  if (!name) throw new VigilInputError('a party needs a name', field('name'));
  if (name.length > 300) throw new VigilInputError('name longer than 300 characters', field('name'));
  // The screener's own rules (letters, control characters, valid UTF-8): a party whose name cannot be
  // screened is refused now, not registered to fail or be passed over by every later re-screening.
  validateQueryName(name, field('name'));
  const p: RegisteredParty = { id: `P-${randomUUID()}`, name, tags: [], createdAt: now };
  const type = input.type?.trim().toLowerCase();
  if (type) {
    const t = type === 'organisation' || type === 'entity' || type === 'company' ? 'organization' : type === 'individual' ? 'person' : type;
    if (!TYPES.includes(t as EntityType)) throw new VigilInputError(`type must be one of ${TYPES.join(', ')}, got ${JSON.stringify(input.type)}`, field('type'));
    p.type = t as EntityType;
  }
  const country = input.country?.trim().toUpperCase();
  if (country) {
    if (!/^[A-Z]{2}$/.test(country)) throw new VigilInputError(`country must be an ISO-2 code, got ${JSON.stringify(input.country)}`, field('country'));
    p.country = country;
  }
  const birth = input.birthDate?.trim();
  if (birth) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(birth)) throw new VigilInputError(`birth date must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(input.birthDate)}`, field('birthDate'));
    p.birthDate = birth;
  }
  const reg = input.registrationNumber?.trim();
  if (reg) p.registrationNumber = reg.slice(0, 100);
  const ref = input.externalRef?.trim();
  if (ref) p.externalRef = ref.slice(0, 200);
  const tags = typeof input.tags === 'string' ? input.tags.split(/[;|]/) : (input.tags ?? []);
  p.tags = [...new Set(tags.map((t) => t.trim()).filter(Boolean))].slice(0, 50);
  return p;
}

/** Read a parties CSV: a header naming `name` and optionally type, country, birth_date, registration_number, external_ref, tags. */
export async function readPartiesCsv(file: string): Promise<PartyInput[]> {
  const out: PartyInput[] = [];
  let cols: Map<string, number> | undefined;
  const ctx = { file, warnings: [] as string[] };
  const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const aliases: Record<string, string> = { birthdate: 'birth_date', dob: 'birth_date', registration: 'registration_number', reference: 'external_ref', ref: 'external_ref', externalref: 'external_ref' };
  for await (const rec of csvRecords(readText(file, ctx, { encoding: 'utf-8' }), file)) {
    if (!cols) {
      cols = new Map(rec.fields.map((h, i) => [aliases[norm(h)] ?? norm(h), i]));
      if (!cols.has('name')) throw new VigilInputError('the parties CSV needs a `name` column', `${file}:${rec.line}`);
      continue;
    }
    const c = cols;
    const g = (k: string) => { const i = c.get(k); return i === undefined ? undefined : rec.fields[i]; };
    out.push({ name: g('name') ?? '', type: g('type'), country: g('country'), birthDate: g('birth_date'), registrationNumber: g('registration_number'), externalRef: g('external_ref'), tags: g('tags'), at: `${file}:${rec.line}` });
  }
  return out;
}

/** What identifies the listing itself: a false positive stays suppressed while this is unchanged. */
export function listingFingerprint(e: ListEntry): string {
  const doc = {
    names: e.names.map((n) => `${n.kind}:${n.name}`).sort(),
    identifiers: e.identifiers.map((i) => `${i.type}:${i.value}`).sort(),
    birthDates: [...e.birthDates].sort(),
    programs: [...e.programs].sort(),
    type: e.type,
    listedOn: e.listedOn ?? '',
  };
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 32);
}

/** `unscreenable`: parties registered before names were checked whose name the screener refuses (no letters). */
export interface AlertCounts { screened: number; candidates: number; hits: number; created: number; reopened: number; updated: number; suppressed: number; unchanged: number; unscreenable: number }
export const zero = (): AlertCounts => ({ screened: 0, candidates: 0, hits: 0, created: 0, reopened: 0, updated: 0, suppressed: 0, unchanged: 0, unscreenable: 0 });

function screenOne(index: ScreeningIndex, p: RegisteredParty, tokens?: PreparedToken[]): ScreeningHit[] {
  const birthYear = p.birthDate ? Number(p.birthDate.slice(0, 4)) : undefined;
  return index.screen({ name: p.name, ...(p.type ? { type: p.type } : {}), ...(p.country ? { country: p.country } : {}), ...(birthYear ? { birthYear } : {}) }, tokens ? { tokens } : {}).hits;
}

export type Listing = Map<string, { fingerprint: string; snapshotId: number }>;
export interface FoundHit { party: RegisteredParty; hit: ScreeningHit }

/** Screen `parties` against `index` (with `filter`, only those it passes); counts screened, candidates and hits. */
export function screenParties(index: ScreeningIndex, parties: RegisteredParty[], filter?: DeltaFilter): { found: FoundHit[]; counts: AlertCounts } {
  const counts = zero();
  const found: FoundHit[] = [];
  for (const p of parties) {
    counts.screened++;
    const tokens = filter ? filter.candidate(p.name) : undefined;
    if (filter && !tokens) continue;
    counts.candidates++;
    let hits: ScreeningHit[];
    try {
      hits = screenOne(index, p, tokens);
    } catch (err) {
      // One old register row the screener refuses must not stop the re-screening of the others; it is counted.
      if (!(err instanceof VigilInputError)) throw err;
      counts.unscreenable++;
      continue;
    }
    for (const hit of hits) found.push({ party: p, hit });
  }
  counts.hits = found.length;
  return { found, counts };
}

/**
 * One page of a delta re-screening, given the parties' ids and names only: the pre-filter judges the
 * names, and only the parties it passes are read in full and screened (reading every party's JSON
 * document cost more than the filter itself, most of all through the PostgreSQL driver).
 */
export async function screenPartyNames(store: Store, index: ScreeningIndex, filter: DeltaFilter, names: readonly { id: string; name: string }[]): Promise<{ found: FoundHit[]; counts: AlertCounts }> {
  const counts = zero();
  counts.screened = names.length;
  const found: FoundHit[] = [];
  const passed = new Map<string, { name: string; tokens: PreparedToken[] }>();
  for (const p of names) {
    const tokens = filter.candidate(p.name);
    if (tokens) passed.set(p.id, { name: p.name, tokens });
  }
  if (passed.size === 0) return { found, counts };
  for (const p of await store.partiesByIds([...passed.keys()])) {
    const seen = passed.get(p.id)!;
    // The name column and the document are written together; should they ever differ, the document wins.
    const tokens = seen.name === p.name ? seen.tokens : filter.candidate(p.name);
    if (!tokens) continue;
    counts.candidates++;
    for (const hit of screenOne(index, p, tokens)) found.push({ party: p, hit });
  }
  counts.hits = found.length;
  return { found, counts };
}

/**
 * Record hits as alerts, inside the caller's transaction. `listing` gives, per entity id, the
 * entry's fingerprint and snapshot. Idempotent: the same hits again change nothing.
 */
export async function writeAlerts(tx: Store, found: FoundHit[], listing: Listing, counts: AlertCounts = zero()): Promise<AlertCounts> {
  if (found.length === 0) return counts;
  const now = new Date().toISOString();
  // New alerts go in multi-row inserts (one statement per batch, not two round trips per alert).
  const created: Alert[] = [];
  const existing = new Map((await tx.alertsOfParties([...new Set(found.map((f) => f.party.id))])).map((a) => [`${a.partyId}\u0000${a.entityId}`, a]));
  for (const { party, hit } of found) {
    const l = listing.get(hit.entityId);
    const fingerprint = l?.fingerprint ?? 'unknown';
    const prev = existing.get(`${party.id}\u0000${hit.entityId}`);
    if (!prev) {
      const a: Alert = {
        id: `A-${randomUUID()}`, partyId: party.id, partyName: party.name, entityId: hit.entityId, source: hit.source,
        ...(l ? { snapshotId: l.snapshotId } : {}), fingerprint, status: 'open', changed: false, score: hit.score, hit,
        reviews: [], createdAt: now, updatedAt: now,
      };
      created.push(a);
      existing.set(`${party.id}\u0000${hit.entityId}`, a);
      counts.created++;
      continue;
    }
    if (prev.fingerprint === fingerprint) {
      if (prev.status === 'false-positive') counts.suppressed++; else counts.unchanged++;
      continue;
    }
    // The listing changed: a dismissed alert comes back, marked changed; others are refreshed.
    const next: Alert = {
      ...prev, fingerprint, hit, score: hit.score, changed: true, updatedAt: now,
      ...(l ? { snapshotId: l.snapshotId } : {}),
      status: prev.status === 'false-positive' ? 'open' : prev.status,
    };
    await tx.putAlert(next);
    existing.set(`${party.id}\u0000${hit.entityId}`, next);
    if (prev.status === 'false-positive') counts.reopened++; else counts.updated++;
  }
  await tx.insertAlerts(created);
  return counts;
}

/**
 * Screen `parties` against `index` and record the hits as alerts (one transaction). Without
 * `listing`, only the entries hit are read and fingerprinted (listingOfHits).
 */
export async function recordAlerts(store: Store, index: ScreeningIndex, parties: RegisteredParty[], listing?: Listing, filter?: DeltaFilter): Promise<AlertCounts> {
  const { found, counts } = screenParties(index, parties, filter);
  if (found.length === 0) return counts;
  const l = listing ?? (await listingOfHits(store, index, found));
  return store.transaction((tx) => writeAlerts(tx, found, l, counts));
}

/**
 * Fingerprint and snapshot of the entries `found` hit, in the snapshots `index` was built from:
 * registering a few parties reads those entries, not every active one.
 */
export async function listingOfHits(store: Store, index: ScreeningIndex, found: readonly FoundHit[]): Promise<Listing> {
  const out: Listing = new Map();
  const ids = [...new Set(found.map((f) => f.hit.entityId))];
  if (ids.length === 0) return out;
  for (const { snapshotId, entry } of await store.entriesOfEntities(index.versions.map((v) => v.version), ids)) {
    out.set(entry.id, { fingerprint: listingFingerprint(entry), snapshotId });
  }
  return out;
}

export function addCounts(into: AlertCounts, c: AlertCounts): AlertCounts {
  for (const k of Object.keys(into) as (keyof AlertCounts)[]) into[k] += c[k];
  return into;
}

/** Fingerprints of every entry of the active snapshots (for screenings against the whole index). */
export async function activeListing(store: Store): Promise<Map<string, { fingerprint: string; snapshotId: number }>> {
  const snaps = await store.activeSnapshots();
  const out = new Map<string, { fingerprint: string; snapshotId: number }>();
  for (const s of snaps) for (const e of await store.loadEntries([s.id])) out.set(e.id, { fingerprint: listingFingerprint(e), snapshotId: s.id });
  return out;
}

/** Register parties (refusing a duplicate external reference) and screen them against the active lists. */
export async function registerParties(store: Store, index: ScreeningIndex, inputs: PartyInput[], actor: string, where = 'parties', o: { indexed?: boolean } = {}): Promise<{ parties: RegisteredParty[]; alerts: AlertCounts }> {
  const now = new Date().toISOString();
  const indexed = o.indexed ?? inputs.length > 1;
  const parties = inputs.map((x, i) => toParty(x, indexed ? `${where}[${i}]` : where, now));
  const refs = new Set<string>();
  for (const [i, p] of parties.entries()) {
    if (!p.externalRef) continue;
    if (refs.has(p.externalRef) || (await store.findPartyByRef(p.externalRef))) {
      throw new VigilRefusal(`external reference ${JSON.stringify(p.externalRef)} (${inputs[i]!.at ?? `${where}[${i}]`}) is already registered`, 'duplicate-party');
    }
    refs.add(p.externalRef);
  }
  await store.putParties(parties);
  const alerts = await recordAlerts(store, index, parties);
  await store.appendAudit({ actor, action: 'parties.add', subject: parties.length === 1 ? parties[0]!.id : undefined, outcome: `${parties.length} registered, ${alerts.created} alert(s)`, dataVersions: index.versions, detail: { count: parties.length, alerts } });
  return { parties, alerts };
}

export async function removeParty(store: Store, id: string, actor: string): Promise<void> {
  if (!(await store.removeParty(id, new Date().toISOString()))) throw new VigilInputError(`no registered party ${id}`, 'id');
  await store.appendAudit({ actor, action: 'parties.remove', subject: id });
}

/** An officer's decision on an alert, audited with the actor. */
export async function reviewAlert(store: Store, id: string, decision: string, actor: string, reason?: string): Promise<Alert> {
  if (!REVIEW_DECISIONS.includes(decision as ReviewDecision)) {
    throw new VigilInputError(`decision must be one of ${REVIEW_DECISIONS.join(', ')}, got ${JSON.stringify(decision)}`, 'decision');
  }
  const why = reason?.trim();
  if (decision === 'false-positive' && !why) throw new VigilInputError('a false-positive decision needs a reason', 'reason');
  return store.transaction(async (tx) => {
    const a = await tx.getAlert(id);
    if (!a) throw new VigilInputError(`no alert ${id}`, 'id');
    const at = new Date().toISOString();
    const next: Alert = {
      ...a, status: decision as AlertStatus, changed: false, updatedAt: at,
      reviews: [...a.reviews, { decision: decision as ReviewDecision, actor, at, ...(why ? { reason: why.slice(0, 2000) } : {}) }],
    };
    await tx.putAlert(next);
    await tx.appendAudit({ actor, action: 'alert.review', subject: id, outcome: decision, detail: { partyId: a.partyId, entityId: a.entityId, fingerprint: a.fingerprint, ...(why ? { reason: why } : {}) } });
    return next;
  });
}

export interface RescreenResult extends AlertCounts {
  source: string; snapshot: number; previous?: number; added: number; changed: number; parties: number;
  durationMs: number;
}

/** Entries of `current` that are new or whose listing (fingerprint) differs from `previous`. */
export async function changedEntries(store: Store, previous: Snapshot | undefined, current: Snapshot): Promise<{ entries: ListEntry[]; added: number; changed: number; fingerprints: Map<string, string> }> {
  const entries: ListEntry[] = [];
  const fingerprints = new Map<string, string>();
  let added = 0;
  let changed = 0;
  // Only entries stored differently are read; a different document may still be the same listing
  // (a new address or remark): those are not re-screened.
  for (const { entry, previous: before } of await store.entriesDifferingFrom(previous?.id, current.id)) {
    if (fingerprints.has(entry.id)) continue;
    const f = listingFingerprint(entry);
    if (before.some((b) => listingFingerprint(b) === f)) continue;
    if (before.length === 0) added++; else changed++;
    entries.push(entry);
    fingerprints.set(entry.id, f);
  }
  return { entries, added, changed, fingerprints };
}

/**
 * Delta re-screening after `current` was activated in place of `previous`, as a job: queued, then
 * run (pages of parties checkpointed; see src/jobs/rescreen.ts) in-process, or by a pg-boss worker
 * when this process has a PostgreSQL queue (src/jobs/rescreen-dispatch.ts); resolves when it is
 * done. Every registered party is screened against the added and changed entries only (an index of
 * just those, and the exact pre-filter of delta-filter.ts); one audit event with counts.
 */
export async function rescreenAfterActivation(store: Store, previous: Snapshot | undefined, current: Snapshot, o: { actor?: string } = {}): Promise<RescreenResult | undefined> {
  const { queueRescreen } = await import('../jobs/rescreen.js');
  const { runQueuedRescreen } = await import('../jobs/rescreen-dispatch.js');
  if ((await store.countParties()) === 0) return undefined;
  return runQueuedRescreen(store, await queueRescreen(store, previous, current, o.actor ?? 'system'));
}

const sameName = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Red flags for the parties of a transaction that are registered parties with a `true-match` alert
 * (matched by name as written, case and spacing aside): such a case must not go ahead.
 */
export async function trueMatchFlags(store: Store, parties: readonly { name: string; role?: string }[]): Promise<{ code: string; message: string; subject: string }[]> {
  const wanted = new Map(parties.map((p) => [sameName(p.name), p]));
  const flags: { code: string; message: string; subject: string }[] = [];
  for (const a of await store.listAlerts({ status: 'true-match' })) {
    const p = wanted.get(sameName(a.partyName));
    if (!p) continue;
    const review = a.reviews.filter((r) => r.decision === 'true-match').at(-1);
    flags.push({
      code: 'party-true-match',
      message: `${p.role ? `${p.role} ` : ''}"${p.name}" is registered party ${a.partyId}, whose alert ${a.id} was decided a true match with ${a.source} ${a.entityId} ("${a.hit.matchedName}")${review ? ` by ${review.actor} on ${review.at.slice(0, 10)}` : ''}`,
      subject: a.id,
    });
  }
  return flags;
}
