// The list snapshots in use: dates, counts, age, and a warning for lists older than N days
// (the server's `vigil lists status` report, with the age limit chosen here).
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Snapshot, StatusReport } from '../types.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';

const MAX_AGE_KEY = 'vigil.listMaxAgeDays';
const savedMaxAge = (): number | undefined => {
  const n = Number(localStorage.getItem(MAX_AGE_KEY));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function ListsPage() {
  const [report, setReport] = useState<StatusReport | null>(null);
  const [snapshots, setSnapshots] = useState<Snapshot[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [maxAge, setMaxAge] = useState<number | undefined>(savedMaxAge);
  const [maxAgeText, setMaxAgeText] = useState(() => String(savedMaxAge() ?? ''));

  useEffect(() => {
    const ctl = new AbortController();
    const q = maxAge ? `?maxAgeDays=${maxAge}` : '';
    api.get<StatusReport>(`/api/lists${q}`, ctl.signal).then((r) => {
      setReport(r);
      setMaxAgeText(String(r.maxAgeDays));
    }, (e) => { if ((e as Error).name !== 'AbortError') setError(e); });
    return () => ctl.abort();
  }, [maxAge]);

  useEffect(() => {
    const ctl = new AbortController();
    api.get<{ snapshots: Snapshot[] }>('/api/lists/snapshots', ctl.signal).then((r) => setSnapshots(r.snapshots), () => {});
    return () => ctl.abort();
  }, []);

  const updateMaxAge = (v: string) => {
    setMaxAgeText(v);
    const n = Number(v);
    if (Number.isInteger(n) && n > 0) { setMaxAge(n); localStorage.setItem(MAX_AGE_KEY, String(n)); }
  };
  const stale = report?.lists.filter((l) => l.stale) ?? [];
  const history = snapshots.filter((s) => s.status !== 'active');
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

  return (
    <section aria-labelledby="lists-title">
      <h1 id="lists-title">Lists</h1>
      <p className="lede">The sanctions and denied-party list snapshots that screening uses now. Older snapshots are kept so past decisions can be replayed.</p>
      <div className="card row wrap">
        <div className="field">
          <label htmlFor="l-max">Warn when a list is older than (days)</label>
          <input id="l-max" type="number" min={1} value={maxAgeText} onChange={(e) => updateMaxAge(e.target.value)} />
        </div>
      </div>
      <ErrorBox error={error} />
      {!report && !error && <p aria-busy="true">Loading…</p>}
      {report && stale.length > 0 && (
        <div className="banner warn" role="alert" data-testid="stale-warning">
          <strong>{stale.length === 1 ? '1 list is' : `${stale.length} lists are`} older than {days(report.maxAgeDays)}:</strong>{' '}
          {stale.map((l) => `${l.source} (${days(l.ageDays)}, dated ${l.listDate})`).join(', ')}. Update with <code>vigil lists update</code>.
        </div>
      )}
      {report && (
        <>
          <h2>Active snapshots</h2>
          {report.lists.length === 0 && <p className="notice">No list is loaded: screening finds nothing until one is imported.</p>}
          <div className="table-wrap">
            <table className="lists">
              <thead><tr><th scope="col">list</th><th scope="col">dated</th><th scope="col">age</th><th scope="col" className="num">entries</th><th scope="col" className="num">names</th><th scope="col" className="opt">sub-lists</th><th scope="col" className="opt">imported</th><th scope="col" className="opt">file</th></tr></thead>
              <tbody>
                {report.lists.map((l) => (
                  <tr key={l.source} className={l.stale ? 'stale' : ''}>
                    <th scope="row">{l.source}<div className="muted small">snapshot {l.snapshot} · {l.format}</div></th>
                    <td><time dateTime={l.listDate}>{l.listDate}</time></td>
                    <td>{days(l.ageDays)}{l.stale ? <> <span className="badge warn">old</span></> : null}</td>
                    <td className="num">{l.entries.toLocaleString('en')}</td>
                    <td className="num">{l.names.toLocaleString('en')}</td>
                    <td className="small opt">{Object.entries(l.lists).map(([k, n]) => <div key={k}>{k}: {n.toLocaleString('en')}</div>)}</td>
                    <td className="opt">{l.importedAt.slice(0, 16).replace('T', ' ')}</td>
                    <td className="small opt"><span className="break">{l.fileName}</span><div className="muted"><code title={l.sha256}>{l.sha256.slice(0, 12)}</code></div></td>
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
