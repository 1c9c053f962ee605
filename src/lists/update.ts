// `vigil lists update`: fetch each source's official files into a temporary directory, then run the
// same atomic import as `vigil lists import`. Sources are independent: one failing leaves the
// others' results standing, and its own previous snapshot active.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { bundledSnapshots } from './bundled.js';
import { fetchToFile, withBaseUrl } from './fetch-file.js';
import { importList, type ImportResult } from './import.js';
import { LIST_SOURCES, sourceById } from './registry.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_MS } from './settings.js';
import type { ListSource } from './types.js';

export interface UpdateOptions {
  /** Source ids; default: every source with an active snapshot or a bundled one, that has an address. */
  sources?: string[];
  baseUrl?: string;
  timeoutMs?: number;
  force?: boolean;
  progress?: boolean;
}

export interface UpdateOutcome {
  source: string;
  status: 'imported' | 'unchanged' | 'failed';
  urls: string[];
  message: string;
  result?: ImportResult;
}

export async function defaultUpdateSources(store: Store): Promise<string[]> {
  const wanted = new Set([...(await store.activeSnapshots()).map((s) => s.source), ...bundledSnapshots().map((b) => b.source)]);
  return LIST_SOURCES.filter((s) => wanted.has(s.id) && s.download && s.updateByDefault !== false).map((s) => s.id);
}

export async function updateLists(store: Store, o: UpdateOptions = {}): Promise<UpdateOutcome[]> {
  const ids = o.sources && o.sources.length > 0 ? o.sources : await defaultUpdateSources(store);
  const out: UpdateOutcome[] = [];
  for (const id of ids) out.push(await updateOne(store, sourceById(id), o));
  return out;
}

async function updateOne(store: Store, source: ListSource, o: UpdateOptions): Promise<UpdateOutcome> {
  const urls = (source.download ?? []).map((f) => withBaseUrl(f.url, o.baseUrl));
  if (!source.download) {
    return { source: source.id, status: 'failed', urls, message: `${source.id}: no official download address is known; use vigil lists import` };
  }
  const dir = await mkdtemp(join(tmpdir(), `vigil-update-${source.id}-`));
  try {
    let lastModified: string | undefined;
    for (const [i, f] of source.download.entries()) {
      const got = await fetchToFile(urls[i]!, join(dir, f.name), o.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS);
      lastModified ??= got.lastModified;
    }
    const path = source.input.kind === 'directory' ? dir : join(dir, source.download[0]!.name);
    const result = await importList(store, {
      format: source.formats[0]!, path, force: o.force, progress: o.progress,
      fallbackListDate: lastModified ?? new Date().toISOString().slice(0, 10),
    });
    return { source: source.id, status: result.status === 'imported' ? 'imported' : 'unchanged', urls, message: result.message, result };
  } catch (err) {
    const msg = (err as Error).message;
    return { source: source.id, status: 'failed', urls, message: `${source.id}: ${msg}${msg.startsWith('GET ') ? '' : ` (downloaded from ${urls.join(', ')})`}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
