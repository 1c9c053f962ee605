// The desk an officer opens first: the cases waiting for a step, licences whose validity ends
// within 30 days, how fresh the screening lists are (a banner when one is older than the freshness
// setting of the Lists page), the latest assessments from the audit trail and the open alerts.
// Each panel asks its own API and says so on its own when the key may not read it.
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { Link } from '../router.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import type { StatusReport } from '../types.ts';
import type { AuditEvent, CaseRecord, CaseState } from '../../../src/model/index.ts';
import './desk.css';

/** States in which a case waits for the authority's next step. */
const OPEN_STATES: CaseState[] = ['draft', 'submitted', 'under-assessment', 'in-consultation'];
const EXPIRY_WINDOW_DAYS = 30;
/** The Lists page keeps the freshness setting here (its "older than N days" field). */
const MAX_AGE_KEY = 'vigil.listMaxAgeDays';

type Loaded<T> = { data?: T; error?: unknown };

function useApi<T>(path: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({});
  useEffect(() => {
    const ctl = new AbortController();
    api.get<T>(path, ctl.signal).then((data) => setState({ data }), (error) => {
      if ((error as Error).name !== 'AbortError') setState({ error });
    });
    return () => ctl.abort();
  }, [path]);
  return state;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function savedMaxAge(): number | undefined {
  try {
    const n = Number(localStorage.getItem(MAX_AGE_KEY));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch { return undefined; }
}

/** A panel's error: a missing role is said plainly, anything else shown as an error. */
function PanelError({ error, needs }: { error: unknown; needs: string }) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return <p className="muted small">Needs an API key with role {needs} (the “API key” button at the top).</p>;
  }
  return <ErrorBox error={error} />;
}

export default function HomePage() {
  const today = isoDay(new Date());
  const maxAge = savedMaxAge();
  const cases = useApi<{ cases: CaseRecord[] }>('/api/cases?limit=1000');
  const lists = useApi<StatusReport>(`/api/lists${maxAge ? `?maxAgeDays=${maxAge}` : ''}`);
  const alerts = useApi<{ open: number }>('/api/alerts?status=open&limit=1');
  const assessments = useApi<{ events: AuditEvent[] }>('/api/audit?order=desc&action=assess&limit=8');
  const caseAssessments = useApi<{ events: AuditEvent[] }>('/api/audit?order=desc&action=case.assess&limit=8');

  const open = cases.data?.cases.filter((c) => OPEN_STATES.includes(c.state)) ?? [];
  const horizon = addDays(today, EXPIRY_WINDOW_DAYS);
  const expiring = (cases.data?.cases ?? [])
    .filter((c) => c.state === 'approved' && c.licence && c.licence.validUntil <= horizon)
    .sort((a, b) => a.licence!.validUntil.localeCompare(b.licence!.validUntil));
  const stale = lists.data?.lists.filter((l) => l.stale) ?? [];
  const recent = [...(assessments.data?.events ?? []), ...(caseAssessments.data?.events ?? [])]
    .sort((a, b) => b.seq - a.seq).slice(0, 8);

  return (
    <section aria-labelledby="home-title" className="home">
      <h1 id="home-title">Desk</h1>
      <p className="lede">What waits for you today ({today}).</p>

      {stale.length > 0 && (
        <div className="banner warn" role="alert" data-testid="home-stale">
          <strong>{stale.length === 1 ? '1 screening list is' : `${stale.length} screening lists are`} older than {lists.data!.maxAgeDays === 1 ? '1 day' : `${lists.data!.maxAgeDays} days`}:</strong>{' '}
          {stale.map((l) => `${l.source} (list of ${l.listDate}, ${l.ageDays} days old)`).join(', ')}.
          {' '}A screening against them may miss recent designations: update them on the <Link href="/lists">Lists</Link> page
          {' '}or with <code>vigil lists update</code>.
        </div>
      )}

      <ul className="stats" aria-label="At a glance">
        <li data-testid="stat-open-cases"><Link href="/cases"><span className="count">{cases.data ? open.length : '…'}</span><span className="label">open cases</span></Link></li>
        <li data-testid="stat-expiring" className={expiring.length ? 'warn' : ''}><a href="#expiring"><span className="count">{cases.data ? expiring.length : '…'}</span><span className="label">licences ending within {EXPIRY_WINDOW_DAYS} days</span></a></li>
        <li data-testid="stat-alerts" className={alerts.data?.open ? 'warn' : ''}><span className="count">{alerts.data ? alerts.data.open : alerts.error ? '—' : '…'}</span><span className="label">open screening alerts</span></li>
        <li data-testid="stat-stale" className={stale.length ? 'warn' : ''}><Link href="/lists"><span className="count">{lists.data ? `${lists.data.lists.length - stale.length}/${lists.data.lists.length}` : '…'}</span><span className="label">lists fresh</span></Link></li>
      </ul>

      <div className="home-grid">
        <section className="card" aria-labelledby="h-open" data-testid="home-open-cases">
          <h2 id="h-open">Open cases <Link href="/cases" className="small">all cases</Link></h2>
          {cases.error ? <PanelError error={cases.error} needs="officer" /> : !cases.data ? <p aria-busy="true">Loading…</p> : open.length === 0 ? (
            <p className="muted">No case waits for a step.</p>
          ) : (
            <ul className="plain">
              {open.slice(0, 10).map((c) => (
                <li key={c.id}>
                  <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.id}</Link>{' '}
                  <span className={`badge state-${c.state}`}>{c.state}</span>{' '}
                  {c.applicant} → {c.destination}
                  <span className="muted small"> · updated {c.updatedAt.slice(0, 10)}</span>
                </li>
              ))}
              {open.length > 10 && <li className="muted small">and {open.length - 10} more on the Cases page</li>}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="expiring" data-testid="home-expiring">
          <h2 id="expiring" tabIndex={-1}>Licences ending within {EXPIRY_WINDOW_DAYS} days</h2>
          {cases.error ? <PanelError error={cases.error} needs="officer" /> : !cases.data ? <p aria-busy="true">Loading…</p> : expiring.length === 0 ? (
            <p className="muted">No approved licence ends before {horizon}.</p>
          ) : (
            <ul className="plain">
              {expiring.map((c) => {
                const left = daysBetween(today, c.licence!.validUntil);
                return (
                  <li key={c.id}>
                    <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.id}</Link> licence <code>{c.licence!.number}</code>, {c.applicant} → {c.destination}:{' '}
                    {left < 0
                      ? <span className="due-past">validity ended {c.licence!.validUntil} ({-left} days ago), not yet closed</span>
                      : <span className="due-soon">valid until {c.licence!.validUntil} ({left === 0 ? 'last day today' : `${left} days left`})</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="h-lists" data-testid="home-lists">
          <h2 id="h-lists">List freshness <Link href="/lists" className="small">lists</Link></h2>
          {lists.error ? <PanelError error={lists.error} needs="reader" /> : !lists.data ? <p aria-busy="true">Loading…</p> : lists.data.lists.length === 0 ? (
            <p className="banner warn">No screening list is loaded: screening finds nothing. Import one on the Lists page.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">Active screening lists, with their date and age (stale after {lists.data.maxAgeDays} days)</caption>
                <thead><tr><th scope="col">list</th><th scope="col">list date</th><th scope="col" className="num">age (days)</th><th scope="col">status</th></tr></thead>
                <tbody>
                  {lists.data.lists.map((l) => (
                    <tr key={l.snapshot} className={l.stale ? 'stale' : ''} data-source={l.source}>
                      <td>{l.source}</td>
                      <td>{l.listDate}</td>
                      <td className="num">{l.ageDays}</td>
                      <td>{l.stale ? <span className="badge warn">stale</span> : <span className="badge">fresh</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="hint">Stale after {lists.data.maxAgeDays === 1 ? '1 day' : `${lists.data.maxAgeDays} days`} (the setting on the Lists page).</p>
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="h-recent" data-testid="home-recent">
          <h2 id="h-recent">Recent assessments <Link href="/audit?action=assess" className="small">audit trail</Link></h2>
          {assessments.error || caseAssessments.error ? <PanelError error={assessments.error ?? caseAssessments.error} needs="officer" /> : !assessments.data || !caseAssessments.data ? <p aria-busy="true">Loading…</p> : recent.length === 0 ? (
            <p className="muted">No assessment recorded yet. <Link href="/assess">Assess a transaction</Link>.</p>
          ) : (
            <ul className="plain">
              {recent.map((e) => (
                <li key={e.seq} data-seq={e.seq}>
                  <time dateTime={e.at}>{e.at.slice(0, 16).replace('T', ' ')}</time>{' '}
                  {e.subject ? <>case <Link href={`/cases/${encodeURIComponent(e.subject)}`}>{e.subject}</Link></> : 'transaction'}
                  {' '}by {e.actor}
                  {e.outcome && <div className="small muted">{e.outcome}</div>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
