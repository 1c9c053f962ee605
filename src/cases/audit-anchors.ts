// Anchors: the head of the audit chain written down outside the store. The chain proves that no
// event inside it was altered, removed or inserted; only a head kept elsewhere proves that the tail
// was not cut off (and the chain re-grown). `vigil audit anchor` verifies the chain and prints the
// head (seq, hash, event count, time), optionally appending it as one JSON line to a file the user
// keeps; `vigil audit verify --anchors FILE` checks that every anchor in the file still holds.
import { appendFileSync, readFileSync } from 'node:fs';
import { VigilInputError, VigilRefusal } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { verifyAuditChain, type BrokenLink, type VerifyResult } from './audit-trail.js';

export interface AuditAnchor {
  /** seq of the last event when the anchor was taken. */
  seq: number;
  /** That event's hash: the head of the chain. */
  hash: string;
  /** Events in the chain then. */
  events: number;
  /** When the anchor was taken (ISO time). */
  at: string;
  /** Where: the store's location, for people reading the file. */
  store?: string;
}

/** Verify the chain, then return its head as an anchor (refused when the chain is broken or empty). */
export async function takeAnchor(store: Store): Promise<AuditAnchor> {
  const r = await verifyAuditChain(store);
  if (!r.ok) throw new VigilRefusal(`the audit chain is broken at seq ${r.firstBroken!.seq} (${r.firstBroken!.message}); an anchor would sign off a broken chain`, 'audit-broken');
  if (r.events === 0 || r.lastSeq === undefined || !r.head) throw new VigilRefusal('the audit trail is empty: there is no head to anchor yet', 'audit-empty');
  return { seq: r.lastSeq, hash: r.head, events: r.events, at: new Date().toISOString(), store: store.location };
}

/** Append one anchor as a JSON line (the file is created if missing; its directory must exist). */
export function appendAnchor(file: string, anchor: AuditAnchor): void {
  try {
    appendFileSync(file, `${JSON.stringify(anchor)}\n`, { encoding: 'utf8', mode: 0o644 });
  } catch (e) {
    throw new VigilInputError(`cannot append the anchor: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
}

/** Read an anchors file (JSON Lines; blank lines ignored); errors name the file and line. */
export function readAnchors(file: string): AuditAnchor[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new VigilInputError(`cannot read the anchors file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  const out: AuditAnchor[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file} line ${i + 1}`;
    let v: unknown;
    try { v = JSON.parse(line); } catch { throw new VigilInputError('not valid JSON (expected one anchor per line, as `vigil audit anchor --append` writes)', where); }
    const a = v as Partial<AuditAnchor>;
    if (!a || typeof a !== 'object' || !Number.isInteger(a.seq) || (a.seq as number) < 1 || typeof a.hash !== 'string' || !/^[0-9a-f]{64}$/.test(a.hash)) {
      throw new VigilInputError('an anchor needs "seq" (a whole number from 1) and "hash" (64 hex digits)', where);
    }
    out.push({ seq: a.seq!, hash: a.hash, events: Number(a.events ?? 0), at: String(a.at ?? '') });
  });
  if (out.length === 0) throw new VigilInputError('no anchors in the file', file);
  return out;
}

/** The first anchor that does not hold: its event is missing (tail cut) or has another hash. */
export async function checkAnchors(store: Store, anchors: readonly AuditAnchor[]): Promise<BrokenLink | undefined> {
  for (const a of anchors) {
    const [e] = await store.listAudit({ afterSeq: a.seq - 1, limit: 1 });
    const taken = a.at ? ` (anchor taken ${a.at})` : '';
    if (!e || e.seq !== a.seq) {
      return { seq: a.seq, kind: 'anchor', message: `anchored event seq ${a.seq}${taken} is missing: events were removed from the end (the chain now ends before it)` };
    }
    if (e.hash !== a.hash) {
      return { seq: a.seq, kind: 'anchor', message: `event seq ${a.seq} has hash ${e.hash}, but the anchor${taken} says ${a.hash}: the chain was rewritten from here or before` };
    }
  }
  return undefined;
}

/** verifyAuditChain, then the anchors: the result is broken when either fails. */
export async function verifyWithAnchors(store: Store, anchors: readonly AuditAnchor[], opts: { expectHead?: string } = {}): Promise<VerifyResult & { anchors: number }> {
  const r = await verifyAuditChain(store, opts);
  if (!r.ok) return { ...r, anchors: anchors.length };
  const broken = await checkAnchors(store, anchors);
  return broken ? { ...r, ok: false, firstBroken: broken, anchors: anchors.length } : { ...r, anchors: anchors.length };
}
