// The law on one destination: its timeline and its measures, dated and cited (GET /api/measures,
// the same answer as `vigil measures DEST`). The destination and date are in the URL (?destination=LY&asOf=…).
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { DateInput } from '../components/DateInput.tsx';

interface Period { from: string | null; to: string | null; citation?: string }
interface Measure { jurisdiction: string; regime: string; id: string; type: string; effect: string; citation: string; summary: string; periods: Period[]; suspensions: Period[]; status?: string; requirements?: { id: string; text: string; citation: string }[] }
interface Answer { destination: string; name: string; asOf?: string; measures: Measure[]; notModelled: { regime: string; items: string[] }[] }

const read = () => new URLSearchParams(location.search);

export function MeasuresPage() {
  const [dest, setDest] = useState(() => (read().get('destination') ?? 'LY').toUpperCase());
  const [asOf, setAsOf] = useState(() => read().get('asOf') ?? '');
  const [shown, setShown] = useState({ dest, asOf });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const q = new URLSearchParams({ destination: shown.dest });
    if (shown.asOf) q.set('asOf', shown.asOf);
    history.replaceState(null, '', `/measures?${q}`);
    const ctl = new AbortController();
    api.get<Answer>(`/api/measures?${q}`, ctl.signal).then((a) => { setAnswer(a); setError(null); })
      .catch((e: Error) => { if (e.name !== 'AbortError') { setError(e); setAnswer(null); } });
    return () => ctl.abort();
  }, [shown]);

  const submit = (e: FormEvent) => { e.preventDefault(); setShown({ dest: dest.trim().toUpperCase(), asOf }); };

  return (
    <section aria-labelledby="measures-title">
      <h1 id="measures-title">Measures by destination</h1>
      <p className="lede">The sanctions measures of each jurisdiction on a destination, with their instruments and dates.</p>
      <form className="card row wrap" onSubmit={submit}>
        <div className="field">
          <label htmlFor="m-dest">Destination (ISO code)</label>
          <input id="m-dest" value={dest} maxLength={2} size={4} onChange={(e) => setDest(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="m-asof">As of (YYYY-MM-DD, optional)</label>
          <DateInput id="m-asof" value={asOf} onChange={setAsOf} />
        </div>
        <button type="submit">Show</button>
      </form>
      <ErrorBox error={error} />
      {answer && (
        <>
          <h2>{answer.name} ({answer.destination}){answer.asOf ? ` on ${answer.asOf}` : ''}</h2>
          <Timeline destination={answer.destination} asOf={answer.asOf} onPick={(d) => { setAsOf(d); setShown({ dest: answer.destination, asOf: d }); }} />
          {answer.measures.length === 0 && <p className="muted">No modelled measure{answer.asOf ? ' in force on that date' : ''}.</p>}
          <ul className="measures">
            {answer.measures.map((m) => (
              <li key={`${m.jurisdiction}-${m.id}`} id={`measure-${m.id}`} className="card">
                <strong>{m.jurisdiction}</strong> <code>{m.id}</code> <span className={`effect effect-${m.effect}`}>{m.effect}</span>{m.status ? <span className="badge">{m.status}</span> : null}
                <div>{m.summary}</div>
                <div className="cite"><cite>{m.citation}</cite></div>
                <div className="muted small">
                  {m.periods.map((p) => `in force ${p.from ?? '…'} → ${p.to ?? 'open'}`).join('; ')}
                  {m.suspensions.map((s) => ` · suspended ${s.from ?? '…'} → ${s.to ?? 'open'}`).join('')}
                </div>
                {m.requirements && m.requirements.length > 0 && <ul className="small">{m.requirements.map((r) => <li key={r.id}>{r.text} <cite>{r.citation}</cite></li>)}</ul>}
              </li>
            ))}
          </ul>
          {answer.notModelled.map((n) => <p key={n.regime} className="muted small">Not modelled ({n.regime}): {n.items.join('; ')}</p>)}
        </>
      )}
    </section>
  );
}
