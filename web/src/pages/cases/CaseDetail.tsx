// One case: its transaction, the next steps the life cycle allows (with why a step is blocked),
// the stored determination, partner denials and consultations, the licence and its shipments,
// the timeline, and a replay of the determination on the data it used.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api.ts';
import { Link } from '../../router.tsx';
import { ErrorBox } from '../../components/ErrorBox.tsx';
import { AssessmentView } from '../AssessmentView.tsx';
import { CaseMemoButtons } from '../../components/MemoButtons.tsx';
import { Timeline } from '../../components/Timeline.tsx';
import type { CaseView, ReplayResult } from './case-types.ts';
import { DateInput } from '../../components/DateInput.tsx';

type Act = (path: string, body?: unknown) => Promise<void>;

export default function CaseDetail({ id }: { id: string }) {
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/cases/${encodeURIComponent(id)}`;

  useEffect(() => {
    const ctl = new AbortController();
    api.get<CaseView>(base, ctl.signal).then(setCase, (e) => { if ((e as Error).name !== 'AbortError') setError(e); });
    return () => ctl.abort();
  }, [base]);

  const act: Act = useCallback(async (path, body) => {
    setBusy(true);
    setError(null);
    try {
      setCase(await api.post<CaseView>(`${base}${path}`, body ?? {}));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, [base]);

  if (!c) {
    return (
      <section>
        <h1>Case {id}</h1>
        <ErrorBox error={error} />
        {!error && <p aria-busy="true">Loading…</p>}
        <p><Link href="/cases">Back to cases</Link></p>
      </section>
    );
  }
  const tx = c.transaction;
  const assessable = ['submitted', 'under-assessment', 'in-consultation'].includes(c.state);

  return (
    <section aria-labelledby="case-title" aria-busy={busy}>
      <p><Link href="/cases">← Cases</Link></p>
      <h1 id="case-title">Case {c.id} <span className={`badge state-${c.state}`} data-testid="case-state">{c.state}</span></h1>
      <p className="lede">{c.applicant}: {tx.exporter.name} ({tx.exporter.country}) → {tx.destination}, dated {tx.date}</p>
      <ErrorBox error={error} />

      <Box title="Transaction">
        <ul>
          {tx.parties.map((p, i) => <li key={i}><span className="badge">{p.role}</span> <span dir="auto">{p.name}</span>{p.country ? ` (${p.country})` : ''}</li>)}
        </ul>
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">#</th><th scope="col">entry</th><th scope="col">description</th><th scope="col" className="num">quantity</th><th scope="col" className="num">value</th></tr></thead>
            <tbody>{tx.items.map((it, i) => (
              <tr key={i}><td>{i}</td><td>{it.code ?? it.cas ?? '—'}</td><td>{it.description}</td><td className="num">{it.quantity ?? '—'}</td><td className="num">{it.value !== undefined ? `${it.value} ${it.currency ?? ''}` : '—'}</td></tr>
            ))}</tbody>
          </table>
        </div>
        {tx.endUse.statement && <p>End use: {tx.endUse.statement}</p>}
      </Box>

      <Box title="Next steps">
        {assessable && <p><button type="button" disabled={busy} onClick={() => act('/assess')}>{c.determination ? 'Re-assess now' : 'Assess now'}</button></p>}
        <TransitionForm c={c} act={act} busy={busy} />
      </Box>

      {(c.partnerDenials ?? []).length > 0 && <Consultations c={c} act={act} busy={busy} />}

      {c.determination
        ? (
          <Box title="Determination">
            <p className="small muted">Assessed {c.assessedAt?.slice(0, 16).replace('T', ' ')} by {c.assessedBy}.</p>
            <CaseMemoButtons id={c.id} />
            <Timeline destination={c.destination} asOf={c.determination.asOf} />
            <AssessmentView a={c.determination} busy={busy} />
            <Replay base={base} />
          </Box>
        )
        : <p className="notice">No determination is stored with this case yet.</p>}

      {c.licence && <Licence c={c} act={act} busy={busy} />}

      <Box title="Timeline">
        <ol className="timeline" data-testid="timeline">
          {(c.timeline ?? []).map((t, i) => (
            <li key={i}>
              <time dateTime={t.at}>{t.at.slice(0, 16).replace('T', ' ')}</time> <strong>{t.actor}</strong> {t.action}
              {t.from || t.to ? <> {t.from ?? ''} → {t.to ?? ''}</> : null}
              {t.reason ? <>: {t.reason}</> : null}
            </li>
          ))}
        </ol>
      </Box>
    </section>
  );
}

function Box({ title, children }: { title: string; children: ReactNode }) {
  return <div className="card"><h2>{title}</h2>{children}</div>;
}

function TransitionForm({ c, act, busy }: { c: CaseView; act: Act; busy: boolean }) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [validUntil, setValidUntil] = useState('');
  if (c.next.length === 0) return <p className="muted">{c.state} is a final state.</p>;
  const chosen = c.next.find((n) => n.to === to);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await act('/transitions', { to, reason, ...(to === 'approved' && validUntil ? { validUntil } : {}) });
    setReason('');
  };
  return (
    <form onSubmit={submit} aria-label="Move the case">
      <fieldset>
        <legend>Move the case to</legend>
        {c.next.map((n) => (
          <label key={n.to} className="check">
            <input type="radio" name="to" value={n.to} checked={to === n.to} onChange={() => setTo(n.to)} disabled={!n.allowed} />
            {n.to} <span className="muted">— {n.label}</span>
            {!n.allowed && <span className="small"> (blocked: {n.blockedBy.map((b) => b.reason).join('; ')})</span>}
          </label>
        ))}
      </fieldset>
      {to === 'approved' && (
        <div className="field">
          <label htmlFor="t-valid">Licence valid until (default two years)</label>
          <DateInput id="t-valid" value={validUntil} onChange={setValidUntil} />
        </div>
      )}
      <div className="field">
        <label htmlFor="t-reason">Reason (recorded)</label>
        <input id="t-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" disabled={busy || !chosen?.allowed || !reason.trim()}>Record decision</button>
    </form>
  );
}

function Consultations({ c, act, busy }: { c: CaseView; act: Act; busy: boolean }) {
  const [message, setMessage] = useState('');
  const [position, setPosition] = useState('no-objection');
  const [answer, setAnswer] = useState('');
  const consults = c.consultations ?? [];
  return (
    <Box title="Partner denials and consultations">
      <ul className="flags">
        {(c.partnerDenials ?? []).map((d) => {
          const mine = consults.filter((k) => k.denialReference === d.reference);
          const open = mine.find((k) => !k.response);
          return (
            <li key={d.reference} data-testid="partner-denial">
              <span className="badge warn">consultation-required</span> <strong>{d.reference}</strong> by {d.issuer}: {d.entries.join(', ')} to {d.destination}, end user “{d.endUser}” (name score {d.nameScore.toFixed(2)})
              <ul>
                {mine.map((k) => (
                  <li key={k.id}>
                    {k.id}: requested {k.requestedAt} by {k.requestedBy} — “{k.message}”
                    {k.response ? <> · answered {k.response.receivedAt}: <strong>{k.response.position}</strong>{k.response.message ? ` — “${k.response.message}”` : ''}</> : <> · <em>awaiting answer</em></>}
                  </li>
                ))}
              </ul>
              {['under-assessment', 'in-consultation'].includes(c.state) && !open && (
                <form className="row wrap" onSubmit={(e) => { e.preventDefault(); void act('/consultations', { denialReference: d.reference, message }); }}>
                  <div className="field grow"><label htmlFor={`k-msg-${d.reference}`}>Request to {d.issuer}</label>
                    <input id={`k-msg-${d.reference}`} required value={message} onChange={(e) => setMessage(e.target.value)} /></div>
                  <button type="submit" disabled={busy}>Request consultation</button>
                </form>
              )}
              {open && (
                <form className="row wrap" onSubmit={(e) => { e.preventDefault(); void act(`/consultations/${encodeURIComponent(open.id)}/response`, { position, message: answer }); }}>
                  <div className="field"><label htmlFor={`k-pos-${open.id}`}>{d.issuer}'s position</label>
                    <select id={`k-pos-${open.id}`} value={position} onChange={(e) => setPosition(e.target.value)}>
                      <option value="no-objection">no objection</option>
                      <option value="maintains-denial">maintains its denial</option>
                      <option value="no-response">no response in time</option>
                    </select></div>
                  <div className="field grow"><label htmlFor={`k-ans-${open.id}`}>What they said</label>
                    <input id={`k-ans-${open.id}`} value={answer} onChange={(e) => setAnswer(e.target.value)} /></div>
                  <button type="submit" disabled={busy}>Record response</button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </Box>
  );
}

function Licence({ c, act, busy }: { c: CaseView; act: Act; busy: boolean }) {
  const [item, setItem] = useState('0');
  const [quantity, setQuantity] = useState('');
  const [value, setValue] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const lic = c.licence!;
  const ship = (e: FormEvent) => {
    e.preventDefault();
    void act('/shipments', { date, lines: [{ index: Number(item), ...(quantity ? { quantity: Number(quantity) } : {}), ...(value ? { value: Number(value) } : {}) }] });
  };
  return (
    <Box title={`Licence ${lic.number}`}>
      <p>Issued {lic.issuedAt}, valid until <strong>{lic.validUntil}</strong>.</p>
      <div className="table-wrap">
        <table data-testid="licence-balance">
          <thead><tr><th scope="col">#</th><th scope="col">entry</th><th scope="col" className="num">licensed qty</th><th scope="col" className="num">shipped</th><th scope="col" className="num">left</th><th scope="col" className="num">licensed value</th><th scope="col" className="num">shipped</th><th scope="col" className="num">left</th></tr></thead>
          <tbody>{(c.licenceBalance ?? []).map((b) => (
            <tr key={b.index}><td>{b.index}</td><td>{b.code ?? '—'}</td><td className="num">{b.licensedQuantity ?? '—'}</td><td className="num">{b.shippedQuantity}</td><td className="num">{b.remainingQuantity ?? '—'}</td>
              <td className="num">{b.licensedValue ?? '—'}</td><td className="num">{b.shippedValue}</td><td className="num">{b.remainingValue ?? '—'}</td></tr>
          ))}</tbody>
        </table>
      </div>
      <h3>Shipments</h3>
      {(c.shipments ?? []).length === 0 ? <p className="muted">None recorded.</p> : (
        <ul>{c.shipments!.map((s) => <li key={s.id}>{s.id} on {s.date}{s.reference ? ` (${s.reference})` : ''}: {s.lines.map((l) => `item ${l.index}${l.quantity !== undefined ? ` × ${l.quantity}` : ''}${l.value !== undefined ? `, value ${l.value}` : ''}`).join('; ')}</li>)}</ul>
      )}
      {c.state === 'approved' && (
        <form className="form-grid" onSubmit={ship} aria-label="Record a shipment">
          <div className="field"><label htmlFor="s-item">Item</label>
            <select id="s-item" value={item} onChange={(e) => setItem(e.target.value)}>{lic.items.map((i) => <option key={i.index} value={i.index}>{i.index}: {i.code ?? i.description}</option>)}</select></div>
          <div className="field"><label htmlFor="s-qty">Quantity</label><input id="s-qty" type="number" min="0" step="any" value={quantity} onChange={(e) => setQuantity(e.target.value)} /></div>
          <div className="field"><label htmlFor="s-val">Value</label><input id="s-val" type="number" min="0" step="any" value={value} onChange={(e) => setValue(e.target.value)} /></div>
          <div className="field"><label htmlFor="s-date">Date</label><DateInput id="s-date" required value={date} onChange={setDate} /></div>
          <div className="field actions"><button type="submit" disabled={busy}>Record shipment</button></div>
        </form>
      )}
    </Box>
  );
}

function Replay({ base }: { base: string }) {
  const [r, setR] = useState<ReplayResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try { setR(await api.post<ReplayResult>(`${base}/replay`, { current: true })); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <div className="versions">
      <button type="button" onClick={run} disabled={busy}>{busy ? 'Replaying…' : 'Replay on the data it used, and on today\'s'}</button>
      <ErrorBox error={error} />
      {r && (
        <ul data-testid="replay">
          <li>Stored: {r.stored.outcome}</li>
          <li>Replayed on lists {r.replay.dataVersions.lists.map((l) => `${l.id}#${l.version}`).join(', ')}: <strong>{r.replay.same ? 'same answer' : `${r.replay.differences.length} difference(s)`}</strong></li>
          {r.current && (
            <li>On today's data: <strong>{r.current.same ? 'same answer' : `${r.current.differences.length} difference(s)`}</strong>
              {r.current.differences.length > 0 && <ul>{r.current.differences.map((d, i) => <li key={i}><code>{d.path}</code>: {JSON.stringify(d.before)} → {JSON.stringify(d.after)}</li>)}</ul>}
            </li>
          )}
          {r.caveats.map((c, i) => <li key={i} className="muted">{c}</li>)}
        </ul>
      )}
    </div>
  );
}
