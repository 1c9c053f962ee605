// Turns the PATH of `vigil lists import FORMAT PATH` into the files a source reads, hashes them and
// finds a list date in their names.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { VigilInputError } from '../model/errors.js';
import type { ListSource, ResolvedInput } from './types.js';
import { requireNonEmpty } from './text-stream.js';

export async function resolveInput(source: ListSource, path: string): Promise<ResolvedInput> {
  const abs = resolve(path);
  const st = await stat(abs).catch(() => undefined);
  if (!st) throw new VigilInputError('no such file or directory', path);
  if (source.input.kind === 'file') {
    if (st.isDirectory()) throw new VigilInputError(`format ${source.formats[0]} reads one file, not a directory`, path);
    const size = await requireNonEmpty(abs, path);
    const name = basename(abs);
    return { path: abs, files: { [name]: abs }, order: [name], totalBytes: size };
  }
  // A file set: PATH is its directory (or one of its files, meaning its directory).
  const dir = st.isDirectory() ? abs : dirname(abs);
  const present = new Map((await readdir(dir)).map((n) => [n.toLowerCase(), n]));
  const files: Record<string, string> = {};
  const order: string[] = [];
  let totalBytes = 0;
  for (const f of source.input.files) {
    const actual = present.get(f.name.toLowerCase());
    if (!actual) {
      if (f.required) throw new VigilInputError(`the ${source.formats[0]} file set needs ${f.name} in this directory`, dir);
      continue;
    }
    const p = join(dir, actual);
    totalBytes += await requireNonEmpty(p, p);
    files[f.name] = p;
    order.push(f.name);
  }
  return { path: dir, files, order, totalBytes };
}

/**
 * SHA-256 of the input. One file: of its bytes. A file set: of, for each member in the source's
 * fixed order, `name \n size \n bytes` (so that moving bytes between members changes the hash).
 */
export async function hashInput(input: ResolvedInput): Promise<string> {
  const h = createHash('sha256');
  const single = input.order.length === 1 && input.path === input.files[input.order[0]!];
  for (const name of input.order) {
    const p = input.files[name]!;
    if (!single) h.update(`${name}\n${(await stat(p)).size}\n`);
    for await (const chunk of createReadStream(p)) h.update(chunk as Buffer);
  }
  return h.digest('hex');
}

/** A date in a file or directory name: 2026-07-31 exactly, or 2025-12 (taken as the 1st, with a warning). */
export function dateFromName(name: string): { date: string; partial: boolean } | undefined {
  const full = /(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/.exec(name);
  if (full) {
    const d = `${full[1]}-${full[2]}-${full[3]}`;
    if (!Number.isNaN(Date.parse(`${d}T00:00:00Z`))) return { date: d, partial: false };
  }
  const month = /(?:^|[^0-9])(\d{4})-(\d{2})(?![0-9-])/.exec(name);
  if (month && +month[2]! >= 1 && +month[2]! <= 12) return { date: `${month[1]}-${month[2]}-01`, partial: true };
  return undefined;
}

export async function mtimeDate(p: string): Promise<string> {
  return (await stat(p)).mtime.toISOString().slice(0, 10);
}
