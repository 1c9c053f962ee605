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

/** A row of the file, numbered as `vigil screen --input` numbers them (1-based, the CSV header is not a row). */
export interface GoodRow { row: number; where: string; input: BatchInput }
/** A row that cannot be screened: listed with why, the others go on (as the CLI does). */
export interface BadRow { row: number; where: string; input: Record<string, unknown>; error: string }

const TYPES = ['person', 'organization', 'vessel', 'aircraft', 'unknown'];
const TYPE_ALIASES: Record<string, string> = { individual: 'person', entity: 'organization', org: 'organization', company: 'organization' };

/**
 * Parties from an uploaded file: CSV with a `name` column (optional type, country, birthYear /
 * birth_year), or JSON Lines of such objects. A file without a name column (or empty) is refused
 * whole, naming the line; a bad row is set aside with its error and the other rows are screened.
 */
export function readParties(fileName: string, text: string): { rows: GoodRow[]; bad: BadRow[] } {
  const rows: GoodRow[] = [];
  const bad: BadRow[] = [];
  const take = (row: number, where: string, fields: Record<string, unknown>) => {
    try { rows.push({ row, where, input: pick(fields, where) }); } catch (err) { bad.push({ row, where, input: fields, error: (err as Error).message }); }
  };
  if (/\.jsonl?$/i.test(fileName) || /^\s*\{/.test(text)) {
    const lines = text.split(/\r?\n/);
    let row = 0;
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      row += 1;
      const where = `${fileName} line ${i + 1}`;
      let o: unknown;
      try { o = JSON.parse(l); } catch { bad.push({ row, where, input: { line: l.length > 200 ? `${l.slice(0, 200)}…` : l }, error: `${where}: not valid JSON` }); return; }
      if (!o || typeof o !== 'object' || Array.isArray(o)) { bad.push({ row, where, input: {}, error: `${where}: not a JSON object` }); return; }
      take(row, where, o as Record<string, unknown>);
    });
    if (row === 0) throw new Error(`${fileName}: the file is empty`);
    return { rows, bad };
  }
  const csv = parseCsv(text);
  if (csv.length === 0) throw new Error(`${fileName}: the file is empty`);
  const header = csv[0]!.map((h) => h.trim().toLowerCase().replace(/[\s_-]/g, ''));
  const col = (n: string) => header.indexOf(n);
  const name = col('name');
  if (name < 0) throw new Error(`${fileName} line 1: no "name" column (found: ${csv[0]!.join(', ')})`);
  csv.slice(1).forEach((r, i) => {
    const fields: Record<string, unknown> = { name: r[name] ?? '' };
    for (const [k, c] of [['type', 'type'], ['country', 'country'], ['birthYear', 'birthyear']] as const) if (col(c) >= 0 && r[col(c)]) fields[k] = r[col(c)];
    take(i + 1, `${fileName} row ${i + 1}`, fields);
  });
  return { rows, bad };
}

function pick(o: Record<string, unknown>, where: string): BatchInput {
  const name = typeof o.name === 'string' ? o.name.trim() : '';
  if (!name) throw new Error(`${where}: empty name`);
  const p: BatchInput = { name };
  if (o.type !== undefined && o.type !== '') {
    const t = String(o.type).trim().toLowerCase();
    const type = TYPE_ALIASES[t] ?? t;
    if (!TYPES.includes(type)) throw new Error(`${where} field type: unknown type "${String(o.type).slice(0, 40)}"; use one of ${TYPES.join(', ')}`);
    p.type = type;
  }
  if (o.country !== undefined && o.country !== '') {
    const c = String(o.country).trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(c)) throw new Error(`${where} field country: must be an ISO 3166 alpha-2 code such as LY, got "${String(o.country).slice(0, 40)}"`);
    p.country = c;
  }
  const by = o.birthYear ?? o.birth_year;
  if (by !== undefined && by !== '') {
    const s = String(by).trim();
    if (!/^\d{4}$/.test(s) || Number(s) < 1800 || Number(s) > 2100) throw new Error(`${where} field birth_year: must be YYYY (1800-2100), got "${s.slice(0, 40)}"`);
    p.birthYear = Number(s);
  }
  return p;
}
