// Screen one party against the lists; or a file of parties (BatchScreen).
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { ScreenResult } from '../types.ts';
import { ENTITY_TYPES } from '../constants.ts';
import { HitCard } from '../components/HitCard.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { BatchScreen } from './BatchScreen.tsx';

export function ScreenPage() {
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [country, setCountry] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [threshold, setThreshold] = useState('');
  const [limit, setLimit] = useState('10');
  const [result, setResult] = useState<ScreenResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { name: name.trim() };
      if (type) body.type = type;
      if (country.trim()) body.country = country.trim();
      if (birthYear.trim()) body.birthYear = Number(birthYear);
      if (threshold.trim()) body.threshold = Number(threshold);
      if (limit.trim()) body.limit = Number(limit);
      setResult(await api.post<ScreenResult>('/api/screen', body));
    } catch (err) {
      setError(err);
      setResult(null);
    } finally {
      setBusy(false);
    }
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
          <select id="s-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">any</option>
            {ENTITY_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
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

function ScreenResults({ result }: { result: ScreenResult }) {
  const n = result.hits.length;
  return (
    <section className="results" aria-live="polite" aria-labelledby="screen-results">
      <h2 id="screen-results">
        {n === 0 ? 'No hits' : `${n} hit${n === 1 ? '' : 's'}`} for “<bdi>{result.query.name}</bdi>”
      </h2>
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
