// Creating, listing and revoking API keys — shared by `vigil keys` and the admin API routes.
import type { ApiKeyRecord } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { hashSecret, newKeyId, newSecret, ROLE_RANK, type Role } from './auth.js';

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

/** Creates a key; the secret in the answer is the only time it exists outside the caller. */
export async function createKey(store: Store, role: Role, label?: string): Promise<ApiKeyView & { secret: string }> {
  const secret = newSecret();
  const record: ApiKeyRecord = { id: newKeyId(), role, hash: hashSecret(secret), createdAt: new Date().toISOString(), ...(label ? { label } : {}) };
  await store.createApiKey(record);
  return { ...viewKey(record), secret };
}

export async function listKeys(store: Store): Promise<{ keys: ApiKeyView[] }> {
  return { keys: (await store.listApiKeys()).map(viewKey) };
}

export async function revokeKey(store: Store, id: string): Promise<{ id: string; revoked: true; revokedAt: string }> {
  const at = new Date().toISOString();
  if (!(await store.revokeApiKey(id, at))) {
    throw new VigilInputError(`no active API key with id ${id}`, 'ID');
  }
  return { id, revoked: true, revokedAt: at };
}
