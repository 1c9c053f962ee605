// The alerts queue (issue 14): potential matches raised by screenings of registered parties, with
// filters, and the officer's decision on each (true match, false positive with a reason, needs
// information), recorded with the actor in the audit trail. A dismissed alert comes back, marked
// changed, when the listing itself changes.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { DateInput, isIsoDay } from '../../components/DateInput.tsx';
import { ErrorBox } from '../../components/ErrorBox.tsx';
import { AnySelect } from '../../components/AnySelect.tsx';

interface Alert {
  id: string; partyId: string; partyName: string; entityId: string; source: string; status: string; changed: boolean; score: number;
  hit: { name: string; matchedName: string; list: string; programs: string[] };
  reviews: { decision: string; actor: string; at: string; reason?: string }[];
  updatedAt: string;
}
const STATUSES = ['open', 'true-match', 'false-positive', 'needs-information'] as const;

export function AlertsPage() {
  const params = new URLSearchParams(location.search);
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [since, setSince] = useState(params.get('since') ?? '');
  const party = params.get('party') ?? '';
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [open, setOpen] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(() => {
    const q = new URLSearchParams({ limit: '500' });
    if (status) q.set('status', status);
    if (isIsoDay(since)) q.set('since', since);
    if (party) q.set('party', party);
    api.get<{ alerts: Alert[]; open: number }>(`/api/alerts?${q}`).then((r) => { setAlerts(r.alerts); setOpen(r.open); setLoaded(true); }, setError);
  }, [status, since, party]);
  useEffect(load, [load]);

  return (
    <section>
      <h1>Alerts</h1>
      <p className="lede">Potential matches of registered parties with list entries, most recent first: <strong data-testid="open-count">{open}</strong> open. Each decision is recorded with who made it.</p>
      <div className="card row wrap">
        <div className="field">
          <label htmlFor="alert-status">Status</label>
          <AnySelect id="alert-status" value={status} options={STATUSES} onChange={setStatus} />
        </div>
        <div className="field">
          <label htmlFor="alert-since">Raised or updated since</label>
          <DateInput id="alert-since" value={since} onChange={setSince} />
        </div>
        {party && <p className="muted">Party {party}</p>}
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {loaded && alerts.length === 0 && <p className="notice" data-testid="no-alerts">No alert matches these filters.</p>}
      <ul className="alerts" data-testid="alerts" style={{ listStyle: 'none', padding: 0 }}>
        {alerts.map((a) => <AlertItem key={a.id} alert={a} onDone={load} />)}
      </ul>
    </section>
  );
}

function AlertItem({ alert: a, onDone }: { alert: Alert; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const decide = (decision: string) => {
    setError(null);
    api.post(`/api/alerts/${encodeURIComponent(a.id)}/review`, { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) }).then(onDone, setError);
  };
  const last = a.reviews.at(-1);
  return (
    <li className="card" data-testid="alert" data-alert={a.id} data-status={a.status}>
      <p>
        <strong>{a.partyName}</strong> ↔ <strong>{a.hit.matchedName}</strong>{a.hit.matchedName !== a.hit.name ? <> (listed as {a.hit.name})</> : null}
        {' '}<span className="muted">{a.source} {a.entityId} · {a.hit.list} · score {a.score.toFixed(2)}</span>
      </p>
      <p>
        <span className={`badge ${a.status === 'open' ? 'warn' : ''}`} data-testid="alert-status">{a.status}</span>
        {a.changed && <> <span className="badge warn" data-testid="alert-changed">changed: the listing changed since the last decision</span></>}
        {last && <span className="muted small"> last decision {last.decision} by {last.actor} on {last.at.slice(0, 10)}{last.reason ? `: ${last.reason}` : ''}</span>}
      </p>
      <div className="row wrap">
        <label className="field">
          <span>Reason</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="why (required for a false positive)" data-testid="alert-reason" />
        </label>
        <button type="button" onClick={() => decide('true-match')}>True match</button>
        <button type="button" onClick={() => decide('false-positive')}>False positive</button>
        <button type="button" onClick={() => decide('needs-information')}>Needs information</button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
    </li>
  );
}
