// API keys (hashes only) and rule sets kept by content hash for replay.
import type { ApiKeyRecord } from '../../model/index.js';
import type { Executor } from './executor.js';

interface KeyRow { id: string; role: ApiKeyRecord['role']; label: string | null; hash: string; created_at: string; revoked_at: string | null }

function toKey(r: KeyRow): ApiKeyRecord {
  const k: ApiKeyRecord = { id: r.id, role: r.role, hash: r.hash, createdAt: r.created_at };
  if (r.label !== null) k.label = r.label;
  if (r.revoked_at !== null) k.revokedAt = r.revoked_at;
  return k;
}

export async function createApiKey(ex: Executor, k: ApiKeyRecord): Promise<void> {
  await ex.run('INSERT INTO api_keys (id, role, label, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)', [
    k.id, k.role, k.label ?? null, k.hash, k.createdAt, k.revokedAt ?? null,
  ]);
}

export async function findApiKeyByHash(ex: Executor, hash: string): Promise<ApiKeyRecord | undefined> {
  const row = await ex.get<KeyRow>('SELECT * FROM api_keys WHERE hash = ?', [hash]);
  return row && toKey(row);
}

export async function listApiKeys(ex: Executor): Promise<ApiKeyRecord[]> {
  return (await ex.all<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).map(toKey);
}

/** True when the key existed and was not already revoked. */
export async function revokeApiKey(ex: Executor, id: string, at: string): Promise<boolean> {
  return (await ex.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id])) === 1;
}

export async function putRuleSet(ex: Executor, sha256: string, version: string, json: string): Promise<void> {
  await ex.run(
    'INSERT INTO rule_sets (sha256, version, json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
    [sha256, version, json, new Date().toISOString()],
  );
}

export async function getRuleSet(ex: Executor, sha256: string): Promise<{ version: string; json: string } | undefined> {
  return ex.get<{ version: string; json: string }>('SELECT version, json FROM rule_sets WHERE sha256 = ?', [sha256]);
}
