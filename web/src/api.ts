// Calls to the Vigil API from the browser. The API key (when the server requires one) is kept in
// localStorage and sent as a Bearer token.
const KEY_STORAGE = 'vigil.apiKey';

export function getApiKey(): string {
  try { return localStorage.getItem(KEY_STORAGE) ?? ''; } catch { return ''; }
}
export function setApiKey(key: string): void {
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key); else localStorage.removeItem(KEY_STORAGE);
  } catch { /* private mode: key lasts for this page only */ }
}

export interface FieldIssue { in: string; path: string; message: string }

/** An error answer from the API, with the field paths when the request was invalid. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly issues: FieldIssue[] = []) {
    super(message);
  }
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = getApiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: init.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'The Vigil server did not answer. Is `vigil serve` running?');
  }
  const text = await res.text();
  let body: unknown;
  try { body = text ? JSON.parse(text) : undefined; } catch { body = undefined; }
  if (!res.ok) {
    const b = (body ?? {}) as { message?: string; issues?: FieldIssue[] };
    let message = b.message ?? `HTTP ${res.status}`;
    if (res.status === 401) message = `${message}. Set an API key with the “API key” button at the top.`;
    throw new ApiError(res.status, message, b.issues ?? []);
  }
  return body as T;
}

export const api = {
  get: <T,>(path: string, signal?: AbortSignal) => apiFetch<T>(path, { signal }),
  post: <T,>(path: string, body: unknown, signal?: AbortSignal) => apiFetch<T>(path, { body, signal }),
};
