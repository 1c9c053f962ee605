// The party register (issue 14): import a parties CSV (columns name, type, country, birth_date,
// registration_number, external_ref, tags), see the registered parties. Each import is screened
// on the server; its alerts go to the Alerts queue.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { parseCsv } from '../../csv.ts';
import { ErrorBox } from '../../components/ErrorBox.tsx';
import { Link } from '../../router.tsx';

interface Party { id: string; name: string; type?: string; country?: string; birthDate?: string; externalRef?: string; tags: string[] }
interface Counts { hits: number; created: number }

const COLUMN_ALIASES: Record<string, string> = { birthdate: 'birthDate', birth_date: 'birthDate', dob: 'birthDate', registration_number: 'registrationNumber', external_ref: 'externalRef', reference: 'externalRef', ref: 'externalRef' };

/** Rows of a parties CSV as API bodies; the server validates each field. */
function partiesFromCsv(text: string): Record<string, unknown>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('the file is empty');
  const cols = header.map((h) => { const k = h.trim().toLowerCase().replace(/[\s-]+/g, '_'); return COLUMN_ALIASES[k] ?? k; });
  if (!cols.includes('name')) throw new Error('the CSV needs a name column');
  return rows.map((r) => {
    const p: Record<string, unknown> = {};
    cols.forEach((c, i) => {
      const v = (r[i] ?? '').trim();
      if (!v || !['name', 'type', 'country', 'birthDate', 'registrationNumber', 'externalRef', 'tags'].includes(c)) return;
      p[c] = c === 'tags' ? v.split(/[;|]/).map((x) => x.trim()).filter(Boolean) : v;
    });
    return p;
  });
}

export function PartiesPage() {
  const [parties, setParties] = useState<Party[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.get<{ parties: Party[]; total: number }>('/api/parties?limit=1000').then((r) => { setParties(r.parties); setTotal(r.total); }, setError);
  }, []);
  useEffect(load, [load]);

  const importFile = async (file: File) => {
    setError(null); setResult(null); setBusy(true);
    try {
      const rows = partiesFromCsv(await file.text());
      let registered = 0;
      let alerts = 0;
      for (let i = 0; i < rows.length; i += 1000) {
        const r = await api.post<{ parties: Party[]; alerts: Counts }>('/api/parties', { parties: rows.slice(i, i + 1000) });
        registered += r.parties.length;
        alerts += r.alerts.created;
      }
      setResult(`Registered ${registered} ${registered === 1 ? 'party' : 'parties'} from ${file.name}; ${alerts} new alert${alerts === 1 ? '' : 's'}.`);
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>Parties</h1>
      <p className="lede">The counterparties you keep: each is screened when registered and again whenever a list changes. Potential matches go to the <Link href="/alerts">alerts queue</Link> for review.</p>
      <div className="card row wrap">
        <div className="field">
          <label htmlFor="parties-csv">Import a parties CSV</label>
          <input id="parties-csv" type="file" accept=".csv,text/csv" disabled={busy} data-testid="parties-csv"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
          <p className="muted small">Columns: name (required), type, country, birth_date, registration_number, external_ref, tags (separated by ;).</p>
        </div>
      </div>
      {busy && <p aria-busy="true">Registering and screening…</p>}
      {result && <p className="notice" role="status" data-testid="import-result">{result}</p>}
      {error ? <ErrorBox error={error} /> : null}
      <h2>{total.toLocaleString('en')} registered {total === 1 ? 'party' : 'parties'}</h2>
      {parties.length > 0 && (
        <div className="table-wrap">
          <table data-testid="parties-table">
            <thead><tr><th scope="col">name</th><th scope="col">type</th><th scope="col">country</th><th scope="col">reference</th><th scope="col" className="opt">tags</th><th scope="col" className="opt">id</th></tr></thead>
            <tbody>
              {parties.map((p) => (
                <tr key={p.id}>
                  <th scope="row"><Link href={`/alerts?party=${encodeURIComponent(p.id)}`}>{p.name}</Link></th>
                  <td>{p.type ?? ''}</td><td>{p.country ?? ''}</td><td>{p.externalRef ?? ''}</td>
                  <td className="opt">{p.tags.join(', ')}</td><td className="opt muted small">{p.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
