// The two UK layouts this folder reads, told apart by the header: the FCDO UK Sanctions List
// (a `Unique ID` column, one row per name of each designation) and the OFSI ConList it replaced on
// 28 January 2026 (a `Group ID` column). Either may open with a title line above the header.
import { open } from 'node:fs/promises';

export type UkLayout = 'fcdo' | 'conlist';

/** The first `n` lines (from the first 64 KiB), without a byte-order mark. */
export async function firstLines(file: string, n: number): Promise<string[]> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    if (bytesRead === 0) return [];
    return buf.subarray(0, bytesRead).toString('latin1').replace(/^\xef\xbb\xbf/, '').split(/\r?\n/).slice(0, n);
  } finally {
    await fh.close();
  }
}

export const hasCell = (line: string | undefined, cell: string): boolean =>
  line !== undefined && new RegExp(`(^|,)\\s*"?${cell}"?\\s*(,|$)`, 'i').test(line);

/** 'fcdo' when one of the first two lines is a header with a `Unique ID` column; else the ConList reader decides. */
export async function detectUkLayout(file: string): Promise<UkLayout> {
  return (await firstLines(file, 2)).some((l) => hasCell(l, 'unique id')) ? 'fcdo' : 'conlist';
}
