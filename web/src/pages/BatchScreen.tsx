// Screen a CSV (name column; optional type, country, birthYear) or JSON Lines file in slices of
// 100 through POST /api/screen, with a progress bar and the results as a file to download.
// Like `vigil screen --input`: the good rows are screened, a bad row is listed with why (and kept
// in the JSON Lines as {row, input, error}), and a new file clears the previous result first.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, apiRaw } from '../api.ts';
import type { BatchRecord } from '../types.ts';
import { readParties, type BadRow, type GoodRow } from '../csv.ts';
import { csvField } from '../csv.ts';
import { download } from '../components/download.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { ScoreBar } from '../components/ScoreBar.tsx';
import { StaleBanner, type StaleWarning } from '../components/StaleBanner.tsx';

const SLICE = 100;

type Line = BatchRecord | BadRow;
const isBad = (l: Line): l is BadRow => 'error' in l;

/** POST one slice; rows the server refuses (400 naming parties.N) are set aside and the rest sent again. */
async function screenSlice(slice: GoodRow[], signal: AbortSignal): Promise<{ records: BatchRecord[]; bad: BadRow[]; warnings: StaleWarning[] }> {
  const bad: BadRow[] = [];
  let rows = slice;
  while (rows.length > 0) {
    try {
      const res = await apiRaw('/api/screen', { body: { parties: rows.map((r) => r.input) }, signal, accept: 'application/json' });
      const answer = await res.json() as BatchRecord[];
      const warnings = JSON.parse(res.headers.get('x-vigil-warnings') ?? '[]') as StaleWarning[];
      // The server numbers rows per request; give each its row in the file.
      return { records: answer.map((r, i) => ({ ...r, row: rows[i]!.row })), bad, warnings };
    } catch (err) {
      const refused = err instanceof ApiError && err.status === 400
        ? new Map(err.issues.flatMap((i) => { const m = /^parties\.(\d+)\b(.*)$/.exec(i.path); return m ? [[Number(m[1]), `${m[2]?.replace(/^\./, 'field ') ?? ''}: ${i.message}`] as const] : []; }))
        : new Map<number, string>();
      if (refused.size === 0) throw err;
      for (const [k, why] of refused) { const r = rows[k]!; bad.push({ row: r.row, where: r.where, input: { ...r.input }, error: `${r.where} ${why.trim()}` }); }
      rows = rows.filter((_, k) => !refused.has(k));
    }
  }
  return { records: [], bad, warnings: [] };
}

export function BatchScreen() {
  const file = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<{ screened: number; setAside: number; total: number } | null>(null);
  const [lines, setLines] = useState<Line[] | null>(null);
  const [warnings, setWarnings] = useState<StaleWarning[]>([]);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  function clear() {
    setError(null);
    setLines(null);
    setProgress(null);
    setWarnings([]);
  }

  async function run(e: FormEvent) {
    e.preventDefault();
    const f = file.current?.files?.[0];
    if (!f) return;
    clear();
    setFileName(f.name);
    const ctl = new AbortController();
    abort.current = ctl;
    setRunning(true);
    try {
      const { rows, bad } = readParties(f.name, await f.text());
      const out: Line[] = [...bad];
      let stale: StaleWarning[] = [];
      const total = rows.length + bad.length;
      let screened = 0;
      let setAside = bad.length;
      setProgress({ screened, setAside, total });
      for (let i = 0; i < rows.length; i += SLICE) {
        const r = await screenSlice(rows.slice(i, i + SLICE), ctl.signal);
        out.push(...r.records, ...r.bad);
        screened += r.records.length;
        setAside += r.bad.length;
        if (r.warnings.length) stale = r.warnings;
        setProgress({ screened, setAside, total });
      }
      setWarnings(stale);
      setLines(out.sort((a, b) => a.row - b.row));
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(err);
    } finally {
      abort.current = null;
      setRunning(false);
    }
  }

  const base = fileName.replace(/\.[^.]+$/, '') || 'screening';
  const records = lines?.filter((l): l is BatchRecord => !isBad(l)) ?? [];
  const badRows = lines?.filter(isBad) ?? [];
  const withHits = records.filter((r) => r.hits.length > 0);

  return (
    <section className="card batch" aria-labelledby="batch-title">
      <h2 id="batch-title">Screen a file</h2>
      <form onSubmit={run} className="row wrap">
        <div className="field">
          <label htmlFor="b-file">CSV with a <code>name</code> column (or JSON Lines)</label>
          <input id="b-file" ref={file} type="file" accept=".csv,.jsonl,.json,text/csv" required onChange={() => { if (!running) clear(); }} />
        </div>
        <div className="field actions">
          <button type="submit" disabled={running}>Screen file</button>
          {running && <button type="button" className="secondary" onClick={() => abort.current?.abort()}>Cancel</button>}
        </div>
      </form>
      {progress && (
        <div className="progress">
          <label htmlFor="b-progress">{progress.screened} of {progress.total} rows screened{progress.setAside ? `, ${progress.setAside} set aside` : ''}</label>
          <progress id="b-progress" max={progress.total || 1} value={progress.screened + progress.setAside} />
        </div>
      )}
      <ErrorBox error={error} />
      {lines && (
        <div aria-live="polite" data-testid="batch-result">
          <StaleBanner warnings={warnings} />
          <p><strong>{withHits.length}</strong> of {records.length} rows have hits{badRows.length ? <>; <strong>{badRows.length}</strong> row{badRows.length === 1 ? '' : 's'} could not be screened</> : null}.</p>
          <div className="row wrap">
            <button type="button" onClick={() => download(`${base}-screening.jsonl`, lines.map((r) => JSON.stringify(isBad(r) ? { row: r.row, input: r.input, error: r.error } : r)).join('\n') + '\n', 'application/x-ndjson')}>Download JSON Lines</button>
            <button type="button" className="secondary" onClick={() => download(`${base}-screening.csv`, toCsv(lines), 'text/csv')}>Download CSV summary</button>
          </div>
          {badRows.length > 0 && (
            <div className="table-wrap">
              <table data-testid="batch-bad-rows">
                <caption>Rows not screened (fix them and screen the file again)</caption>
                <thead><tr><th scope="col">row</th><th scope="col">why</th></tr></thead>
                <tbody>{badRows.slice(0, 200).map((r) => <tr key={r.row}><td>{r.row}</td><td>{r.error}</td></tr>)}</tbody>
              </table>
            </div>
          )}
          {withHits.length > 0 && (
            <div className="table-wrap">
              <table data-testid="batch-hits">
                <caption className="sr-only">Rows with hits</caption>
                <thead><tr><th scope="col">row</th><th scope="col">name</th><th scope="col">best hit</th><th scope="col">list</th><th scope="col">score</th><th scope="col">hits</th></tr></thead>
                <tbody>
                  {withHits.slice(0, 200).map((r) => (
                    <tr key={r.row}>
                      <td>{r.row}</td>
                      <td dir="auto">{r.input.name}</td>
                      <td dir="auto">{r.hits[0]!.name}</td>
                      <td>{r.hits[0]!.list}</td>
                      <td><ScoreBar score={r.hits[0]!.score} /></td>
                      <td>{r.hits.length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function toCsv(lines: Line[]): string {
  const head = ['row', 'name', 'hits', 'best_score', 'best_name', 'best_list', 'best_entity_id', 'programs', 'error'];
  const out = lines.map((r) => {
    if (isBad(r)) return [r.row, typeof r.input.name === 'string' ? r.input.name : '', '', '', '', '', '', '', r.error].map(csvField).join(',');
    const h = r.hits[0];
    return [r.row, r.input.name, r.hits.length, h?.score.toFixed(3) ?? '', h?.name ?? '', h?.list ?? '', h?.entityId ?? '', h?.programs.join(';') ?? '', '']
      .map(csvField).join(',');
  });
  return [head.join(','), ...out].join('\r\n') + '\r\n';
}
