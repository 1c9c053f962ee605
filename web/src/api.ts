// Calls to the Vigil API from the browser. The API key (when the server requires one) is kept in
// sessionStorage — this tab only, gone when it closes, never in localStorage where any later
// script on the origin could read it for good — and sent as a Bearer token.
const KEY_STORAGE = 'vigil.apiKey';
let memoryKey = '';

// Earlier versions kept the key in localStorage: take it into this tab and remove it from there.
try {
  const legacy = localStorage.getItem(KEY_STORAGE);
  if (legacy !== null) {
    localStorage.removeItem(KEY_STORAGE);
    if (!sessionStorage.getItem(KEY_STORAGE)) sessionStorage.setItem(KEY_STORAGE, legacy);
  }
} catch { /* storage disabled */ }

export function getApiKey(): string {
  try { return sessionStorage.getItem(KEY_STORAGE) ?? memoryKey; } catch { return memoryKey; }
}
export function setApiKey(key: string): void {
  memoryKey = key;
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key); else sessionStorage.removeItem(KEY_STORAGE);
  } catch { /* storage disabled: the key lasts for this page only */ }
}

/** The server's X-Vigil-Auth notice: set when it runs without keys (anything on the machine acts as admin). */
let keylessNotice: string | null = null;
export const KEYLESS_EVENT = 'vigil-keyless';
export function getKeylessNotice(): string | null { return keylessNotice; }
function noteAuthHeader(res: Response): void {
  const notice = res.headers.get('x-vigil-auth');
  if (notice !== keylessNotice) {
    keylessNotice = notice;
    window.dispatchEvent(new Event(KEYLESS_EVENT));
  }
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
  noteAuthHeader(res);
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

/** A non-JSON answer (an SVG, a PDF) with the same key and error handling as apiFetch. */
export async function apiRaw(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal; accept?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: init.accept ?? '*/*' };
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
  noteAuthHeader(res);
  if (!res.ok) {
    let b: { message?: string; issues?: FieldIssue[] } = {};
    try { b = JSON.parse(await res.text()); } catch { /* not JSON */ }
    throw new ApiError(res.status, b.message ?? `HTTP ${res.status}`, b.issues ?? []);
  }
  return res;
}
