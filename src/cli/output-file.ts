// Where a batch command writes its JSON Lines (`--output FILE`). The path is checked before any
// work starts: a missing directory, a directory, or the input file itself (the same inode, through
// a symlink or a hard link too) is refused naming the path, and nothing is touched. The lines go to
// a temporary file beside the target, renamed over it at the end, so a failed run never leaves a
// half-written file in place of an old one.
import { closeSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { VigilInputError } from '../model/errors.js';

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new VigilInputError('cannot write here: a part of the path is not a directory', path);
    throw new VigilInputError(`cannot write here: ${code ?? (e as Error).message}`, path);
  }
}

/** Refuse an output path that cannot or must not be written; `inputs` are the files the command reads. */
export function checkOutputPath(output: string, inputs: readonly string[], option = '--output'): void {
  const where = `${option} ${output}`;
  if (output.trim() === '') throw new VigilInputError('an output file name is required', option);
  if (/[/\\]$/.test(output)) throw new VigilInputError('is a directory, not a file name', where);
  const target = statOrUndefined(output);
  if (target?.isDirectory()) throw new VigilInputError('is a directory, not a file name', where);
  if (target && !target.isFile()) throw new VigilInputError('is not a regular file', where);
  if (target) {
    for (const input of inputs) {
      let s: Stats | undefined;
      try { s = statSync(input); } catch { s = undefined; }
      if (s && s.dev === target.dev && s.ino === target.ino) {
        throw new VigilInputError(`is the input file ${input}; writing it would destroy the input (choose another file)`, where);
      }
    }
  }
  const dir = dirname(resolve(output));
  const parent = statOrUndefined(dir);
  if (!parent) throw new VigilInputError(`the directory ${dir} does not exist`, where);
  if (!parent.isDirectory()) throw new VigilInputError(`${dir} is not a directory`, where);
}

/**
 * A file written through a temporary sibling and renamed into place by `commit()`; `abort()`
 * removes the temporary file. Opening it proves the directory is writable, before any work.
 */
export class OutputFile {
  private fd: number | undefined;
  private readonly temp: string;

  constructor(readonly path: string, inputs: readonly string[], option = '--output') {
    checkOutputPath(path, inputs, option);
    const abs = resolve(path);
    this.temp = join(dirname(abs), `.${basename(abs)}.${process.pid}.tmp`);
    try {
      this.fd = openSync(this.temp, 'wx');
    } catch (e) {
      throw new VigilInputError(`cannot write in ${dirname(abs)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `${option} ${path}`);
    }
  }

  private pending: string[] = [];
  private pendingLength = 0;

  write(text: string): void {
    if (this.fd === undefined) throw new Error('output file already closed');
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return;
    const buf = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    for (let off = 0; off < buf.length;) off += writeSync(this.fd, buf, off, buf.length - off);
  }

  commit(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.temp, resolve(this.path));
  }

  abort(): void {
    if (this.fd !== undefined) {
      try { closeSync(this.fd); } catch { /* already gone */ }
      this.fd = undefined;
    }
    try { unlinkSync(this.temp); } catch { /* never created */ }
  }
}
