// Identifiers for jobs and for the queue entries of their chunks.
//
// A job id is time-ordered (UUID version 7 layout). Each chunk's queue entry id is derived from the
// job id and the chunk number, for two reasons: pg-boss fetches equal-priority entries by
// (created_on, id), and all chunks of a job are inserted in one statement (equal created_on), so
// ordering the ids by chunk number makes workers take chunks roughly in input order, which lets
// results become readable front to back; and a deterministic id makes re-enqueueing a chunk a no-op
// instead of a duplicate.
import { randomBytes } from 'node:crypto';

export function newJobId(now = Date.now()): string {
  const hex = now.toString(16).padStart(12, '0').slice(-12) + randomBytes(10).toString('hex');
  // version 7 in the 13th digit, RFC 4122 variant in the 17th.
  const v = hex.slice(0, 12) + '7' + hex.slice(13, 16) + ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 32);
  return format(v);
}

export function isJobId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id);
}

/** The queue entry id of one chunk: the job id with the chunk number in digits 17–24. */
export function chunkQueueId(jobId: string, chunk: number): string {
  const hex = jobId.replace(/-/g, '');
  return format(hex.slice(0, 16) + chunk.toString(16).padStart(8, '0') + hex.slice(24));
}

function format(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
