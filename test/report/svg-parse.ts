// A small SVG/XML reader for the tests: saxes (already a dependency) checks well-formedness and
// gives a flat list of elements with their attributes, their ancestors and their text.
import { SaxesParser } from 'saxes';

export interface El { name: string; attrs: Record<string, string>; parents: El[]; text: string }

export function parseSvg(xml: string): El[] {
  const parser = new SaxesParser({ xmlns: false });
  const all: El[] = [];
  const stack: El[] = [];
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: { ...(t.attributes as Record<string, string>) }, parents: [...stack], text: '' };
    all.push(el);
    if (!t.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (t) => { if (!t.isSelfClosing) stack.pop(); });
  parser.on('text', (s) => { for (const e of stack) e.text += s; });
  parser.write(xml).close();
  return all;
}
