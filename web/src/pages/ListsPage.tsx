// The list snapshots in use: dates, counts, age, and a warning for lists older than N days.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { ListStatus, Snapshot } from '../types.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';

const MAX_AGE_KEY = 'vigil.listMaxAgeDays';
const readMaxAge = () => {
  const n = Number(localStorage.getItem(MAX_AGE_KEY));
  return Number.isInteger(n) && n > 0 ? n : 30;
};

export function ListsPage() {
  const [data, setData] = useState<{ lists: ListStatus[]; snapshots: Snapshot[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [maxAge, setMaxAge] = useState(readMaxAge);

  useEffect(() => {
    const ctl = new AbortController();
    api.get<{ lists: ListStatus[]; snapshots: Snapshot[] }>('/api/lists', ctl.signal).then(setData, (e) => {
      if ((e as Error).name !== 'AbortError') setError(e);
    });
    return () => ctl.abort();
  }, []);

  const updateMaxAge = (v: string) => {
    const n = Number(v);
    if (Number.isInteger(n) && n > 0) { setMaxAge(n); localStorage.setItem(MAX_AGE_KEY, String(n)); }
  };
  const stale = data?.lists.filter((l) => l.ageDays > maxAge) ?? [];
  const history = data?.snapshots.filter((s) => s.status !== 'active') ?? [];

  return (
    <section aria-labelledby="lists-title">
      <h1 id="lists-title">Lists</h1>
      <p className="lede">The sanctions and denied-party list snapshots that screening uses now. Older snapshots are kept so past decisions can be replayed.</p>
      <div className="card row wrap">
        <div className="field">
          <label htmlFor="l-max">Warn when a list is older than (days)</label>
          <input id="l-max" type="number" min={1} value={maxAge} onChange={(e) => updateMaxAge(e.target.value)} />
        </div>
      </div>
      <ErrorBox error={error} />
      {!data && !error && <p aria-busy="true">Loading…</p>}
      {stale.length > 0 && (
        <div className="banner warn" role="alert" data-testid="stale-warning">
          <strong>{stale.length === 1 ? '1 list is' : `${stale.length} lists are`} older than {maxAge} days:</strong>{' '}
          {stale.map((l) => `${l.source} (${l.ageDays} days, dated ${l.listDate})`).join(', ')}. Update with <code>vigil lists update</code>.
        </div>
      )}
      {data && (
        <>
          <h2>Active snapshots</h2>
          {data.lists.length === 0 && <p className="notice">No list is loaded: screening finds nothing until one is imported.</p>}
          <div className="table-wrap">
            <table className="lists">
              <thead><tr><th scope="col">list</th><th scope="col">dated</th><th scope="col">age</th><th scope="col" className="num">entries</th><th scope="col" className="num">names</th><th scope="col">imported</th><th scope="col">file</th></tr></thead>
              <tbody>
                {data.lists.map((l) => (
                  <tr key={l.source} className={l.ageDays > maxAge ? 'stale' : ''}>
                    <th scope="row">{l.source}<div className="muted small">snapshot {l.snapshotId} · {l.format}</div></th>
                    <td><time dateTime={l.listDate}>{l.listDate}</time></td>
                    <td>{l.ageDays} days{l.ageDays > maxAge ? <span className="badge warn"> old</span> : null}</td>
                    <td className="num">{l.entryCount.toLocaleString('en')}</td>
                    <td className="num">{l.nameCount.toLocaleString('en')}</td>
                    <td>{l.importedAt.slice(0, 16).replace('T', ' ')}</td>
                    <td className="small"><span className="break">{l.fileName}</span><div className="muted"><code title={l.sha256}>{l.sha256.slice(0, 12)}</code></div></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {history.length > 0 && (
            <details>
              <summary>Earlier snapshots ({history.length})</summary>
              <div className="table-wrap">
                <table>
                  <thead><tr><th scope="col">id</th><th scope="col">list</th><th scope="col">dated</th><th scope="col">status</th><th scope="col" className="num">entries</th><th scope="col">note</th></tr></thead>
                  <tbody>
                    {history.map((s) => (
                      <tr key={s.id}><td>{s.id}</td><td>{s.source}</td><td>{s.listDate}</td><td>{s.status}</td><td className="num">{s.entryCount.toLocaleString('en')}</td><td>{s.note ?? ''}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
