// Which addresses may serve without API keys: only loopback.
import { isIP } from 'node:net';
import { VigilRefusal } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { hasActiveKeys } from './auth.js';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (h.startsWith('::ffff:')) return h.slice(7).startsWith('127.');
  return false;
}

/** Refuse to expose an unauthenticated API beyond this machine. */
export async function assertBindAllowed(host: string, store: Store): Promise<'auto' | 'required'> {
  if (isLoopback(host)) return 'auto';
  if (!(await hasActiveKeys(store))) {
    throw new VigilRefusal(
      `refusing to serve on ${host} without API keys: create one with "vigil keys create --role reader" (or bind 127.0.0.1)`,
      'no-api-keys',
    );
  }
  return 'required';
}
