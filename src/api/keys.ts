// Creating, listing and revoking API keys — shared by `vigil keys` and the admin API routes. Every
// creation and revocation is an audit event with its actor. The last active admin key cannot be
// revoked (that would leave no one to manage keys, and on loopback, with no key left at all, turn
// authentication off): over HTTP never, on the command line only with --force.
import type { ApiKeyRecord } from '../model/index.js';
import { VigilInputError, VigilRefusal } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { hashSecret, newKeyId, newSecret, ROLE_RANK, type Role } from './auth.js';
import { unsafeTextReason } from './text.js';

/** A key as shown to people: never the hash. */
export interface ApiKeyView {
  id: string;
  role: Role;
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

export const viewKey = (k: ApiKeyRecord): ApiKeyView => ({
  id: k.id, role: k.role, ...(k.label ? { label: k.label } : {}), createdAt: k.createdAt,
  ...(k.revokedAt ? { revokedAt: k.revokedAt } : {}),
});

export function parseRole(role: string): Role {
  if (!(role in ROLE_RANK)) throw new VigilInputError(`unknown role "${role}" (reader, officer or admin)`, '--role');
  return role as Role;
}

/** Who acts, for the audit trail ('IT desk (key_…)' for a labelled API key, 'api-key:key_…' for one without a label, 'cli:alice'). Default: 'unknown'. */
export interface KeyActor { actor?: string }

// Key changes in this process one at a time, so that two revocations cannot both see "another admin remains".
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/** Creates a key; the secret in the answer is the only time it exists outside the caller. */
export async function createKey(store: Store, role: Role, label?: string, who: KeyActor = {}): Promise<ApiKeyView & { secret: string }> {
  if (label !== undefined) {
    const why = unsafeTextReason(label);
    if (why) throw new VigilInputError(`the label ${why}`, 'label');
  }
  const secret = newSecret();
  const record: ApiKeyRecord = { id: newKeyId(), role, hash: hashSecret(secret), createdAt: new Date().toISOString(), ...(label ? { label } : {}) };
  await serialised(() => store.transaction(async (tx) => {
    await tx.createApiKey(record);
    await tx.appendAudit({
      actor: who.actor ?? 'unknown', action: 'keys.create', subject: record.id,
      outcome: `created ${role} key${label ? ` "${label}"` : ''}`, detail: { role, ...(label ? { label } : {}) },
    });
  }));
  return { ...viewKey(record), secret };
}

export async function listKeys(store: Store): Promise<{ keys: ApiKeyView[] }> {
  return { keys: (await store.listApiKeys()).map(viewKey) };
}

export async function revokeKey(
  store: Store, id: string, opts: KeyActor & { force?: boolean } = {},
): Promise<{ id: string; revoked: true; revokedAt: string }> {
  return serialised(() => store.transaction(async (tx) => {
    const at = new Date().toISOString();
    const active = (await tx.listApiKeys()).filter((k) => !k.revokedAt);
    const key = active.find((k) => k.id === id);
    if (!key) throw new VigilInputError(`no active API key with id ${id}`, 'ID');
    const lastAdmin = key.role === 'admin' && !active.some((k) => k.id !== id && k.role === 'admin');
    if (lastAdmin && !opts.force) {
      throw new VigilRefusal(
        `${id} is the last active admin key: revoking it would leave no one able to manage keys`
        + `${active.length === 1 ? ' and, on loopback, turn authentication off' : ''}. Create another admin key first`
        + ' (or, on the command line, vigil keys revoke --force)',
        'last-admin-key',
      );
    }
    if (!(await tx.revokeApiKey(id, at))) throw new VigilInputError(`no active API key with id ${id}`, 'ID');
    await tx.appendAudit({
      actor: opts.actor ?? 'unknown', action: 'keys.revoke', subject: id,
      outcome: `revoked ${key.role} key${key.label ? ` "${key.label}"` : ''}${lastAdmin ? ' (the last admin key, forced)' : ''}`,
      detail: { role: key.role, ...(lastAdmin ? { forced: true } : {}) },
    });
    return { id, revoked: true as const, revokedAt: at };
  }));
}
