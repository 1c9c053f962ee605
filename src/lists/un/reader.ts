// UN Security Council Consolidated List XML, streamed with saxes (the file is never held whole):
// each INDIVIDUAL / ENTITY element is collected into a small tree and handed on when it closes.
import { SaxesParser } from 'saxes';
import { VigilInputError } from '../../model/errors.js';
import { readText } from '../text-stream.js';
import type { ParseContext } from '../types.js';

export interface XNode { name: string; text: string; children: XNode[] }
export interface UnRecord { kind: 'individual' | 'entity'; node: XNode; line: number }

const RECORDS: Record<string, UnRecord['kind']> = { INDIVIDUAL: 'individual', ENTITY: 'entity' };

export async function readUn(file: string, ctx: ParseContext, onRecord: (r: UnRecord) => void): Promise<{ dateGenerated?: string }> {
  const parser = new SaxesParser({ position: true, fileName: ctx.file });
  let depth = 0;
  let root: string | undefined;
  let dateGenerated: string | undefined;
  const stack: XNode[] = []; // open elements inside the current record
  let recordKind: UnRecord['kind'] | undefined;
  let recordLine = 0;

  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) {
      root = tag.name;
      if (root !== 'CONSOLIDATED_LIST') parser.fail(`root element is <${root}>, not <CONSOLIDATED_LIST>: not a UN consolidated list`);
      const d = tag.attributes['dateGenerated'];
      if (typeof d === 'string') dateGenerated = d;
      return;
    }
    if (stack.length === 0 && depth === 3 && RECORDS[tag.name]) {
      recordKind = RECORDS[tag.name];
      recordLine = parser.line;
    }
    if (recordKind) stack.push({ name: tag.name, text: '', children: [] });
  });
  const onText = (t: string) => { const top = stack[stack.length - 1]; if (top) top.text += t; };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    depth--;
    if (!recordKind) return;
    const node = stack.pop()!;
    node.text = node.text.trim();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else { onRecord({ kind: recordKind, node, line: recordLine }); recordKind = undefined; }
  });

  try {
    for await (const chunk of readText(file, ctx, { encoding: 'utf-8' })) parser.write(chunk);
    parser.close();
  } catch (err) {
    if (err instanceof VigilInputError) throw err;
    // saxes prefixes its messages with `file:line:column: `; the place goes into `where`.
    const message = (err as Error).message;
    const m = /:(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const where = m ? `${ctx.file}:${m[1]}:${m[2]}` : `${ctx.file}:${parser.line}:${parser.column}`;
    throw new VigilInputError(`malformed XML: ${m ? m[3] : message}`, where);
  }
  if (!root) throw new VigilInputError('no XML element found', ctx.file);
  return { dateGenerated };
}

// ---- small helpers over the collected tree ----
export const kids = (n: XNode, name: string): XNode[] => n.children.filter((c) => c.name === name);
export const kid = (n: XNode, name: string): XNode | undefined => n.children.find((c) => c.name === name);
export const textOf = (n: XNode, name: string): string | undefined => { const t = kid(n, name)?.text; return t ? t : undefined; };
/** Texts of <NAME><VALUE>…</VALUE>…</NAME>. */
export const values = (n: XNode, name: string): string[] =>
  kids(n, name).flatMap((c) => kids(c, 'VALUE').map((v) => v.text)).filter((t) => t !== '');
