// Screen one party against the lists; or a file of parties (BatchScreen).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { ScreenResult } from '../types.ts';
import { ENTITY_TYPES } from '../constants.ts';
import { HitCard } from '../components/HitCard.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { BatchScreen } from './BatchScreen.tsx';
import { StaleBanner, type StaleWarning } from '../components/StaleBanner.tsx';
import { AnySelect } from '../components/AnySelect.tsx';

/** The query as it sits in the URL (/screen?q=…&threshold=…), so a screening can be bookmarked and shared. */
interface Query { name: string; type: string; country: string; birthYear: string; threshold: string; limit: string }
const URL_KEYS: [keyof Query, string][] = [['name', 'q'], ['type', 'type'], ['country', 'country'], ['birthYear', 'birthYear'], ['threshold', 'threshold'], ['limit', 'limit']];

function queryFromUrl(): Query {
  const u = new URLSearchParams(location.search);
  const q: Query = { name: '', type: '', country: '', birthYear: '', threshold: '', limit: '10' };
  for (const [k, p] of URL_KEYS) { const v = u.get(p); if (v !== null) q[k] = k === 'country' ? v.toUpperCase() : v; }
  return q;
}

function queryToUrl(q: Query): string {
  const u = new URLSearchParams();
  for (const [k, p] of URL_KEYS) if (q[k].trim() && !(k === 'limit' && q[k] === '10')) u.set(p, q[k].trim());
  return `/screen?${u}`;
}

type Answer = ScreenResult & { warnings?: StaleWarning[] };

export function ScreenPage() {
  const [initial] = useState(queryFromUrl);
  const [name, setName] = useState(initial.name);
  const [type, setType] = useState(initial.type);
  const [country, setCountry] = useState(initial.country);
  const [birthYear, setBirthYear] = useState(initial.birthYear);
  const [threshold, setThreshold] = useState(initial.threshold);
  const [limit, setLimit] = useState(initial.limit);
  const [result, setResult] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inflight = useRef<AbortController | null>(null);

  async function search(q: Query) {
    if (!q.name.trim()) return;
    inflight.current?.abort();
    const ctl = new AbortController();
    inflight.current = ctl;
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { name: q.name.trim() };
      if (q.type) body.type = q.type;
      if (q.country.trim()) body.country = q.country.trim();
      if (q.birthYear.trim()) body.birthYear = Number(q.birthYear);
      if (q.threshold.trim()) body.threshold = Number(q.threshold);
      if (q.limit.trim()) body.limit = Number(q.limit);
      const r = await api.post<Answer>('/api/screen', body, ctl.signal);
      if (inflight.current === ctl) setResult(r);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setError(err);
      setResult(null);
    } finally {
      if (inflight.current === ctl) { setBusy(false); inflight.current = null; }
    }
  }

  // A bookmarked or shared /screen?q=… runs its query on load.
  useEffect(() => { if (initial.name.trim()) void search(initial); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  // Back and forward between screenings show the query of that entry again.
  useEffect(() => {
    const onPop = () => {
      if (location.pathname !== '/screen' && location.pathname !== '/') return;
      const q = queryFromUrl();
      setName(q.name); setType(q.type); setCountry(q.country); setBirthYear(q.birthYear); setThreshold(q.threshold); setLimit(q.limit);
      if (q.name.trim()) void search(q); else setResult(null);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = { name, type, country, birthYear, threshold, limit };
    if (!name.trim()) return;
    const url = queryToUrl(q);
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    void search(q);
  }

  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Screen a party</h1>
      <p className="lede">Match a name against the sanctions and denied-party lists, in any script and spelling.</p>
      <form className="card form-grid" onSubmit={submit} role="search" aria-label="Screen a party">
        <div className="field wide">
          <label htmlFor="s-name">Name</label>
          <input id="s-name" name="name" dir="auto" required autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Moammar Gadhafi, Муаммар Каддафи, معمر القذافي" />
        </div>
        <div className="field">
          <label htmlFor="s-type">Type</label>
          <AnySelect id="s-type" value={type} options={ENTITY_TYPES} onChange={setType} />
        </div>
        <div className="field">
          <label htmlFor="s-country">Country (ISO-2)</label>
          <input id="s-country" maxLength={2} value={country} onChange={(e) => setCountry(e.target.value.toUpperCase())} placeholder="LY" />
        </div>
        <div className="field">
          <label htmlFor="s-by">Birth year</label>
          <input id="s-by" inputMode="numeric" pattern="\d{4}" value={birthYear} onChange={(e) => setBirthYear(e.target.value)} placeholder="1942" />
        </div>
        <div className="field">
          <label htmlFor="s-th">Threshold (0.7–1)</label>
          <input id="s-th" type="number" min={0.7} max={1} step={0.01} value={threshold} onChange={(e) => setThreshold(e.target.value)} placeholder="default" />
        </div>
        <div className="field">
          <label htmlFor="s-limit">Max hits</label>
          <input id="s-limit" type="number" min={1} max={100} value={limit} onChange={(e) => setLimit(e.target.value)} />
        </div>
        <div className="field actions">
          <button type="submit" disabled={busy}>{busy ? 'Screening…' : 'Screen'}</button>
        </div>
      </form>
      <ErrorBox error={error} />
      {result && <ScreenResults result={result} />}
      <BatchScreen />
    </section>
  );
}

function ScreenResults({ result }: { result: Answer }) {
  const n = result.hits.length;
  return (
    <section className="results" aria-live="polite" aria-labelledby="screen-results">
      <h2 id="screen-results">
        {n === 0 ? 'No hits' : `${n} hit${n === 1 ? '' : 's'}`} for “<bdi>{result.query.name}</bdi>”
      </h2>
      <StaleBanner warnings={result.warnings} />
      <p className="muted small">
        threshold {result.threshold.toFixed(2)} · lists {result.lists.map((l) => `${l.id} ${l.date}`).join(', ') || 'none'}
      </p>
      {n === 0 && (
        <p className="notice">No listed party scored at or above the threshold on the lists above. This is not a clearance: lists not loaded here were not checked.</p>
      )}
      <div className="hits">
        {result.hits.map((h) => <HitCard key={`${h.entityId}|${h.matchedName}`} hit={h} query={result.query.name} />)}
      </div>
    </section>
  );
}
