// Reads a list file as a stream of text chunks, never whole: checks the encoding as it goes (and
// names the byte offset and line of a bad byte), drops a byte-order mark and, for the OFAC legacy
// files, the MS-DOS end-of-file byte (0x1A) that ends them.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { VigilInputError } from '../model/errors.js';
import { decodeCp1252 } from './cp1252.js';
import type { ParseContext } from './types.js';
import { Utf8Validator, describeFault } from './utf8-check.js';

export interface TextOptions {
  /**
   * 'utf-8': any invalid byte is an error naming its offset and line.
   * 'utf-8-or-windows-1252': for publishers that have shipped Windows-1252 files (UK OFSI): a file
   * that is valid UTF-8 is read as UTF-8, any other is read as Windows-1252 with a warning.
   */
  encoding: 'utf-8' | 'utf-8-or-windows-1252';
  /** Drop a trailing 0x1A (and the empty fields some exports put after it). */
  dosEof?: boolean;
}

/** An empty file is never a list: say so before any parser sees it. */
export async function requireNonEmpty(file: string, shown: string): Promise<number> {
  const s = await stat(file).catch(() => undefined);
  if (!s) throw new VigilInputError('file not found', shown);
  if (!s.isFile()) throw new VigilInputError('not a regular file', shown);
  if (s.size === 0) throw new VigilInputError('file is empty (0 bytes)', shown);
  return s.size;
}

async function isValidUtf8(file: string): Promise<boolean> {
  const v = new Utf8Validator();
  for await (const chunk of createReadStream(file)) if (v.push(chunk as Buffer)) return false;
  return !v.end();
}

export async function* readText(file: string, ctx: ParseContext, opts: TextOptions): AsyncGenerator<string> {
  let label: 'utf-8' | 'windows-1252' = 'utf-8';
  if (opts.encoding === 'utf-8-or-windows-1252' && !(await isValidUtf8(file))) {
    label = 'windows-1252';
    ctx.warnings.push(`${ctx.file}: not valid UTF-8; read as Windows-1252`);
  }
  const validator = label === 'utf-8' ? new Utf8Validator() : undefined;
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });
  const decode = (buf: Buffer | undefined): string => (label === 'utf-8' ? (buf ? utf8.decode(buf, { stream: true }) : utf8.decode()) : buf ? decodeCp1252(buf) : '');
  let held = ''; // a 0x1A and what follows it, until we know it ends the file
  const emit = function* (text: string): Generator<string> {
    let t = held + text;
    held = '';
    if (opts.dosEof) {
      const i = t.indexOf('\x1a');
      if (i >= 0 && /^\x1a[\s,]*$/.test(t.slice(i))) { held = t.slice(i); t = t.slice(0, i); }
    }
    if (t) yield t;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const buf = chunk as Buffer;
    const fault = validator?.push(buf);
    if (fault) throw new VigilInputError(`${describeFault(fault)}; the file must be UTF-8`, `${ctx.file}:${fault.line}`);
    ctx.onBytes?.(buf.length);
    yield* emit(decode(buf));
  }
  const fault = validator?.end();
  if (fault) throw new VigilInputError(`${describeFault(fault)}; the file must be UTF-8`, `${ctx.file}:${fault.line}`);
  yield* emit(decode(undefined));
  // Whatever is still held is the DOS end-of-file marker: dropped on purpose.
}
