// CSV in the browser: read an upload (RFC 4180 quoting), write results.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export function csvField(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface BatchInput { name: string; type?: string; country?: string; birthYear?: number }

/**
 * Parties from an uploaded file: CSV with a `name` column (optional type, country, birthYear /
 * birth_year), or JSON Lines of such objects. Errors name the line.
 */
export function readParties(fileName: string, text: string): BatchInput[] {
  if (/\.jsonl?$/i.test(fileName) || /^\s*\{/.test(text)) {
    return text.split(/\r?\n/).map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim()).map(([l, n]) => {
      let o: Record<string, unknown>;
      try { o = JSON.parse(l); } catch { throw new Error(`${fileName} line ${n}: not valid JSON`); }
      if (typeof o.name !== 'string' || !o.name.trim()) throw new Error(`${fileName} line ${n}: no "name"`);
      return pick(o);
    });
  }
  const rows = parseCsv(text);
  if (rows.length === 0) throw new Error(`${fileName}: the file is empty`);
  const header = rows[0]!.map((h) => h.trim().toLowerCase().replace(/[\s_-]/g, ''));
  const col = (n: string) => header.indexOf(n);
  const name = col('name');
  if (name < 0) throw new Error(`${fileName} line 1: no "name" column (found: ${rows[0]!.join(', ')})`);
  return rows.slice(1).map((r, i) => {
    if (!r[name]?.trim()) throw new Error(`${fileName} line ${i + 2}: empty name`);
    return pick({ name: r[name], type: r[col('type')], country: r[col('country')], birthYear: r[col('birthyear')] });
  });
}

function pick(o: Record<string, unknown>): BatchInput {
  const p: BatchInput = { name: String(o.name).trim() };
  if (typeof o.type === 'string' && o.type.trim()) p.type = o.type.trim().toLowerCase();
  if (typeof o.country === 'string' && o.country.trim()) p.country = o.country.trim();
  const by = Number(o.birthYear);
  if (o.birthYear !== undefined && o.birthYear !== '' && Number.isInteger(by)) p.birthYear = by;
  return p;
}
