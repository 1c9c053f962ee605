// Screen a CSV (name column; optional type, country, birthYear) or JSON Lines file in slices of
// 100 through POST /api/screen, with a progress bar and the results as a file to download.
import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { BatchRecord } from '../types.ts';
import { readParties } from '../csv.ts';
import { csvField } from '../csv.ts';
import { download } from '../components/download.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { ScoreBar } from '../components/ScoreBar.tsx';

const SLICE = 100;

export function BatchScreen() {
  const file = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [records, setRecords] = useState<BatchRecord[] | null>(null);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  async function run(e: FormEvent) {
    e.preventDefault();
    const f = file.current?.files?.[0];
    if (!f) return;
    setError(null);
    setRecords(null);
    setFileName(f.name);
    const ctl = new AbortController();
    abort.current = ctl;
    setRunning(true);
    try {
      const parties = readParties(f.name, await f.text());
      const out: BatchRecord[] = [];
      setProgress({ done: 0, total: parties.length });
      for (let i = 0; i < parties.length; i += SLICE) {
        const slice = await api.post<BatchRecord[]>('/api/screen', { parties: parties.slice(i, i + SLICE) }, ctl.signal);
        // Rows are numbered per request by the server; renumber them for the whole file.
        for (const r of slice) out.push({ ...r, row: i + r.row });
        setProgress({ done: Math.min(i + SLICE, parties.length), total: parties.length });
      }
      setRecords(out);
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(err);
    } finally {
      abort.current = null;
      setRunning(false);
    }
  }

  const base = fileName.replace(/\.[^.]+$/, '') || 'screening';
  const withHits = records?.filter((r) => r.hits.length > 0) ?? [];

  return (
    <section className="card batch" aria-labelledby="batch-title">
      <h2 id="batch-title">Screen a file</h2>
      <form onSubmit={run} className="row wrap">
        <div className="field">
          <label htmlFor="b-file">CSV with a <code>name</code> column (or JSON Lines)</label>
          <input id="b-file" ref={file} type="file" accept=".csv,.jsonl,.json,text/csv" required />
        </div>
        <div className="field actions">
          <button type="submit" disabled={running}>Screen file</button>
          {running && <button type="button" className="secondary" onClick={() => abort.current?.abort()}>Cancel</button>}
        </div>
      </form>
      {progress && (
        <div className="progress">
          <label htmlFor="b-progress">{progress.done} of {progress.total} rows screened</label>
          <progress id="b-progress" max={progress.total || 1} value={progress.done} />
        </div>
      )}
      <ErrorBox error={error} />
      {records && (
        <div aria-live="polite">
          <p><strong>{withHits.length}</strong> of {records.length} rows have hits.</p>
          <div className="row wrap">
            <button type="button" onClick={() => download(`${base}-screening.jsonl`, records.map((r) => JSON.stringify(r)).join('\n') + '\n', 'application/x-ndjson')}>Download JSON Lines</button>
            <button type="button" className="secondary" onClick={() => download(`${base}-screening.csv`, toCsv(records), 'text/csv')}>Download CSV summary</button>
          </div>
          {withHits.length > 0 && (
            <div className="table-wrap">
              <table>
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

function toCsv(records: BatchRecord[]): string {
  const head = ['row', 'name', 'hits', 'best_score', 'best_name', 'best_list', 'best_entity_id', 'programs'];
  const lines = records.map((r) => {
    const h = r.hits[0];
    return [r.row, r.input.name, r.hits.length, h?.score.toFixed(3) ?? '', h?.name ?? '', h?.list ?? '', h?.entityId ?? '', h?.programs.join(';') ?? '']
      .map(csvField).join(',');
  });
  return [head.join(','), ...lines].join('\r\n') + '\r\n';
}
