// Licence cases: the list with filters, a form for a new application, and the exchange of denial
// notifications with partner governments.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { Link, navigate } from '../../router.tsx';
import { ErrorBox } from '../../components/ErrorBox.tsx';
import { download } from '../../components/download.ts';
import { SCENARIOS } from '../../scenarios.ts';
import { STATES, type CaseRecord, type CaseView } from './case-types.ts';
import { TransactionForm } from '../TransactionForm.tsx';
import { cleanTransaction, emptyTransaction } from '../transaction-draft.ts';
import type { Transaction } from '../../types.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { AnySelect } from '../../components/AnySelect.tsx';

interface Filters { state: string; applicant: string; destination: string }

export default function CasesPage() {
  const [filters, setFilters] = useState<Filters>({ state: '', applicant: '', destination: '' });
  const [cases, setCases] = useState<CaseRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    const q = new URLSearchParams();
    if (filters.state) q.set('state', filters.state);
    if (filters.applicant.trim()) q.set('applicant', filters.applicant.trim());
    if (/^[A-Za-z]{2}$/.test(filters.destination)) q.set('destination', filters.destination);
    setError(null);
    api.get<{ cases: CaseRecord[] }>(`/api/cases${q.size ? `?${q}` : ''}`, ctl.signal).then((r) => setCases(r.cases), (e) => {
      if ((e as Error).name !== 'AbortError') setError(e);
    });
    return () => ctl.abort();
  }, [filters, reloads]);

  const set = (k: keyof Filters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }));

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">Cases</h1>
      <p className="lede">Licence applications from submission through assessment, consultation with partners, decision and shipments.</p>
      <form className="card form-grid" role="search" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-state">State</label>
          <AnySelect id="f-state" value={filters.state} options={STATES} onChange={set('state')} />
        </div>
        <div className="field">
          <label htmlFor="f-applicant">Applicant (exact)</label>
          <input id="f-applicant" value={filters.applicant} onChange={(e) => set('applicant')(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-dest">Destination</label>
          <input id="f-dest" value={filters.destination} maxLength={2} placeholder="LY" onChange={(e) => set('destination')(e.target.value.toUpperCase())} />
        </div>
      </form>
      <ErrorBox error={error} />
      {!cases && !error && <p aria-busy="true">Loading…</p>}
      {cases && cases.length === 0 && <p className="notice">No case matches.</p>}
      {cases && cases.length > 0 && (
        <div className="table-wrap">
          <table data-testid="cases-table">
            <thead><tr><th scope="col">case</th><th scope="col">state</th><th scope="col">applicant</th><th scope="col">destination</th><th scope="col">items</th><th scope="col">flags</th><th scope="col">updated</th></tr></thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td><Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.id}</Link></td>
                  <td><span className={`badge state-${c.state}`}>{c.state}</span></td>
                  <td>{c.applicant}</td>
                  <td>{c.destination}</td>
                  <td>{c.transaction.items.map((i) => i.code ?? i.cas ?? '?').join(', ')}</td>
                  <td>{(c.determination?.redFlags ?? []).map((f) => <span key={f.code + (f.subject ?? '')} className={`badge ${f.code === 'consultation-required' ? 'warn' : ''}`}>{f.code}</span>)}</td>
                  <td><time dateTime={c.updatedAt}>{c.updatedAt.slice(0, 16).replace('T', ' ')}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewCase />
      <LicenceExpiry onDone={() => setReloads((n) => n + 1)} />
      <Denials />
    </section>
  );
}

/** A new application as a form (the same one as Assess): no JSON to write by hand. */
function NewCase() {
  const [applicant, setApplicant] = useState('');
  const [tx, setTx] = useState<Transaction>(emptyTransaction);
  const [scenario, setScenario] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = (id: string) => {
    setScenario(id);
    const s = SCENARIOS.find((x) => x.id === id);
    if (s) { setTx(structuredClone(s.transaction)); if (!applicant) setApplicant(s.transaction.exporter.name); }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const c = await api.post<CaseView>('/api/cases', { applicant: applicant.trim(), transaction: cleanTransaction(tx), submit: true });
      navigate(`/cases/${encodeURIComponent(c.id)}`);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };

  return (
    <details className="card new-case">
      <summary><strong>New application</strong></summary>
      <form onSubmit={submit} aria-label="New licence application">
        <div className="form-grid">
          <div className="field wide">
            <label htmlFor="n-applicant">Applicant</label>
            <input id="n-applicant" required dir="auto" value={applicant} onChange={(e) => setApplicant(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="n-scenario">Start from a reference scenario (optional)</label>
            <select id="n-scenario" value={scenario} onChange={(e) => load(e.target.value)}>
              <option value="">— blank —</option>
              {SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.id.split('-')[0]}: {s.title}</option>)}
            </select>
          </div>
        </div>
        <TransactionForm tx={tx} onChange={setTx} />
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>{busy ? 'Submitting…' : 'Submit application'}</button>
      </form>
    </details>
  );
}

interface ExpirySweep {
  asOf: string;
  expired: { id: string; licence: string; validUntil: string }[];
  refused: { id: string; code: string; message: string }[];
}

/** The daily expiry sweep, by hand: approved licences whose last valid day has passed become expired. */
function LicenceExpiry({ onDone }: { onDone: () => void }) {
  const [asOf, setAsOf] = useState(() => new Date().toISOString().slice(0, 10));
  const [busy, setBusy] = useState(false);
  const [sweep, setSweep] = useState<ExpirySweep | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setSweep(await api.post<ExpirySweep>('/api/cases/expire-due', { asOf }));
      onDone();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };

  return (
    <details className="card">
      <summary><strong>Licence expiry</strong> (close licences whose validity has ended)</summary>
      <form className="row wrap" onSubmit={run} aria-label="Close expired licences">
        <div className="field">
          <label htmlFor="x-asof">Judge validity on</label>
          <DateInput id="x-asof" required value={asOf} onChange={setAsOf} />
        </div>
        <button type="submit" disabled={busy}>{busy ? 'Closing…' : 'Close expired licences'}</button>
      </form>
      {sweep && (
        <div role="status" data-testid="expiry-result">
          <p>As of {sweep.asOf}: {sweep.expired.length} licence(s) closed as expired{sweep.refused.length ? `, ${sweep.refused.length} refused` : ''}.</p>
          {(sweep.expired.length > 0 || sweep.refused.length > 0) && (
            <ul>
              {sweep.expired.map((x) => <li key={x.id}><Link href={`/cases/${encodeURIComponent(x.id)}`}>{x.id}</Link> — licence {x.licence}, valid until {x.validUntil}</li>)}
              {sweep.refused.map((x) => <li key={x.id}>{x.id} — refused ({x.code}): {x.message}</li>)}
            </ul>
          )}
        </div>
      )}
      <ErrorBox error={error} />
    </details>
  );
}

interface ImportResult { issuer: string; imported: string[]; updated: string[]; skipped: { id: string; why: string }[] }

function Denials() {
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string>('');

  const exportFile = async () => {
    setError(null);
    try {
      const doc = await api.get<{ issuer: string; notifications: unknown[] }>('/api/denials/export');
      download(`denials-${doc.issuer}-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(doc, null, 2) + '\n', 'application/json');
      setResult(`Exported ${doc.notifications.length} notification(s) as ${doc.issuer}.`);
    } catch (err) { setError(err); }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const body = JSON.parse(await file.text());
      const r = await api.post<ImportResult>('/api/denials/import', body);
      setResult(`From ${r.issuer}: ${r.imported.length} imported, ${r.updated.length} updated, ${r.skipped.length} skipped.`);
    } catch (err) { setError(err); }
  };

  return (
    <details className="card">
      <summary><strong>Denial notifications</strong> (exchange with partner governments)</summary>
      <div className="row wrap">
        <button type="button" onClick={exportFile}>Export our denials</button>
        <div className="field">
          <label htmlFor="d-import">Import a partner's file</label>
          <input id="d-import" type="file" accept="application/json,.json" onChange={(e) => void importFile(e.target.files?.[0])} />
        </div>
      </div>
      {result && <p role="status">{result}</p>}
      <ErrorBox error={error} />
    </details>
  );
}
