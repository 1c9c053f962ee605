// Writing and checking the audit trail. The store appends and chains events; this module hashes
// inputs the same way everywhere and walks the chain to find the first event that does not hold.
import { createHash } from 'node:crypto';
import type { AuditEvent, AuditEventInput } from '../model/index.js';
import type { Store } from '../store/store.js';
import { GENESIS_HASH, auditHash, canonicalJson } from '../store/audit-hash.js';

/** SHA-256 of the canonical JSON of what was asked, so equal requests hash equally. */
export function inputHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

export function recordAudit(store: Store, e: AuditEventInput): Promise<AuditEvent> {
  return store.appendAudit(e);
}

export interface BrokenLink {
  seq: number;
  /** 'hash' (the event's content or hash was changed), 'prev-hash' (the link to the previous event
   * does not hold), 'seq' (an event is missing or out of order), 'anchor' (an anchor kept outside
   * the store no longer matches: see audit-anchors.ts). */
  kind: 'hash' | 'prev-hash' | 'seq' | 'anchor';
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  firstSeq?: number;
  lastSeq?: number;
  /** Hash of the last event: keep it somewhere else to detect a truncated tail later. */
  head?: string;
  firstBroken?: BrokenLink;
}

const PAGE = 2000;

/**
 * Walks the whole chain. An event whose own hash does not match its content is named first (it is
 * the row that was altered — whichever column, seq and prevHash included, since both are hashed);
 * failing that, the first link that does not hold (a removed, inserted or re-chained event).
 */
export async function verifyAuditChain(store: Store, opts: { expectHead?: string } = {}): Promise<VerifyResult> {
  let prev: AuditEvent | undefined;
  let events = 0;
  let firstSeq: number | undefined;
  let altered: BrokenLink | undefined;
  let unlinked: BrokenLink | undefined;
  let afterSeq: number | undefined;
  for (;;) {
    const page = await store.listAudit({ afterSeq, limit: PAGE });
    if (page.length === 0) break;
    for (const e of page) {
      events++;
      firstSeq ??= e.seq;
      altered ??= checkContent(e);
      unlinked ??= checkLink(prev, e);
      prev = e;
    }
    afterSeq = page[page.length - 1]!.seq;
    if (page.length < PAGE) break;
  }
  let broken = altered ?? unlinked;
  if (!broken && opts.expectHead && prev?.hash !== opts.expectHead) {
    const known = prev ? `the chain ends at seq ${prev.seq} with ${prev.hash}` : 'the chain is empty';
    broken = { seq: (prev?.seq ?? 0) + 1, kind: 'seq', message: `expected head ${opts.expectHead}, but ${known}: events were removed from the end` };
  }
  return { ok: !broken, events, firstSeq, lastSeq: prev?.seq, head: prev?.hash, firstBroken: broken };
}

function checkContent(e: AuditEvent): BrokenLink | undefined {
  const { hash, ...rest } = e;
  if (auditHash(rest) === hash) return undefined;
  return { seq: e.seq, kind: 'hash', message: `event ${e.seq}'s stored hash does not match its content: the event was altered` };
}

function checkLink(prev: AuditEvent | undefined, e: AuditEvent): BrokenLink | undefined {
  const expectedSeq = prev ? prev.seq + 1 : 1;
  if (e.seq !== expectedSeq) {
    return { seq: expectedSeq, kind: 'seq', message: `event ${expectedSeq} is missing: event ${prev ? prev.seq : '(genesis)'} is followed by ${e.seq}` };
  }
  const expectedPrev = prev ? prev.hash : GENESIS_HASH;
  if (e.prevHash !== expectedPrev) {
    return { seq: e.seq, kind: 'prev-hash', message: `event ${e.seq} does not link to event ${prev ? prev.seq : '(genesis)'}: its prevHash differs (an event was replaced or inserted)` };
  }
  return undefined;
}
