// Search the control lists by entry code, CAS number or description.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { ClassifyResponse } from '../types.ts';
import { markSnippet, markTerms } from '../components/highlight.ts';
import { Marked } from '../components/Marked.tsx';
import { Chips } from '../components/Chips.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { ScoreBar } from '../components/ScoreBar.tsx';
import { DateInput } from '../components/DateInput.tsx';

const MATCHED_ON: Record<string, string> = { code: 'by code', cas: 'by CAS number', text: 'by text' };

const fromUrl = () => { const u = new URLSearchParams(location.search); return { q: u.get('q') ?? '', asOf: u.get('asOf') ?? '' }; };

export function ClassifyPage() {
  // The query lives in the URL (/classify?q=…&asOf=…): bookmarkable, shareable, and a reload shows the same answer.
  const [initial] = useState(fromUrl);
  const [q, setQ] = useState(initial.q);
  const [asOf, setAsOf] = useState(initial.asOf);
  const [result, setResult] = useState<ClassifyResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inflight = useRef<AbortController | null>(null);

  async function run(query: string, day: string) {
    if (!query.trim()) return;
    inflight.current?.abort();
    const ctl = new AbortController();
    inflight.current = ctl;
    setBusy(true);
    setError(null);
    try {
      const params = new URLSearchParams({ q: query.trim() });
      if (day) params.set('asOf', day);
      const r = await api.get<ClassifyResponse>(`/api/classify?${params}`, ctl.signal);
      if (inflight.current === ctl) setResult(r);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setError(err);
      setResult(null);
    } finally {
      if (inflight.current === ctl) { setBusy(false); inflight.current = null; }
    }
  }

  useEffect(() => { if (initial.q.trim()) void run(initial.q, initial.asOf); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const onPop = () => {
      if (location.pathname !== '/classify') return;
      const u = fromUrl();
      setQ(u.q); setAsOf(u.asOf);
      if (u.q.trim()) void run(u.q, u.asOf); else setResult(null);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  function search(e: FormEvent) {
    e.preventDefault();
    if (!q.trim()) return;
    const params = new URLSearchParams({ q: q.trim() });
    if (asOf) params.set('asOf', asOf);
    const url = `/classify?${params}`;
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    void run(q, asOf);
  }

  return (
    <section aria-labelledby="classify-title">
      <h1 id="classify-title">Classify an item</h1>
      <p className="lede">Look up a control-list entry code (<code>1C350</code>, <code>6A003.b.4</code>), a CAS number (<code>111-48-8</code>) or describe the item.</p>
      <form className="card row wrap" role="search" aria-label="Classify" onSubmit={search}>
        <div className="field wide grow">
          <label htmlFor="c-q">Code, CAS number or description</label>
          <input id="c-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="thermal imaging camera" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="c-asof">As of (optional)</label>
          <DateInput id="c-asof" value={asOf} onChange={setAsOf} />
        </div>
        <div className="field actions"><button type="submit" disabled={busy}>{busy ? 'Searching…' : 'Search'}</button></div>
      </form>
      <ErrorBox error={error} />
      {result && (
        <section className="results" aria-live="polite" aria-labelledby="classify-results">
          <h2 id="classify-results">{result.results.length} result{result.results.length === 1 ? '' : 's'} for “{result.query}”</h2>
          {result.euRegulation && <p className="muted small">EU list: {result.euRegulation}</p>}
          {result.results.length === 0 && <p className="notice">No modelled control-list entry matches. That does not mean the item is uncontrolled: catch-all controls still apply to sensitive end uses.</p>}
          <ol className="classify-results">
            {result.results.map((r, i) => (
              <li key={`${r.code}-${r.paragraph ?? ''}-${i}`} className="entry" data-testid="classification">
                <div className="entry-head">
                  <code className="code-big">{r.paragraph ?? r.code}</code>
                  <span className="badge">{MATCHED_ON[r.matchedOn] ?? r.matchedOn}</span>
                  <ScoreBar score={r.score} label="relevance" />
                </div>
                <p className="entry-title"><Marked pieces={markTerms(r.title, result.query)} /></p>
                {r.snippet && <p className="snippet"><Marked pieces={markSnippet(r.snippet, result.query)} /></p>}
                {(r.cas || r.chemical) && <p className="small">{r.chemical}{r.cas ? <> · CAS <code>{r.cas}</code></> : null}{r.cwcSchedule ? ` · CWC Schedule ${r.cwcSchedule}` : ''}</p>}
                <div className="row wrap small">
                  <Chips items={r.regimes} label="regimes" className="inline" />
                  <Chips items={r.reasons} label="US reasons for control" className="inline" />
                  <Chips items={r.jurisdictions} label="jurisdictions" className="inline juris" />
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
