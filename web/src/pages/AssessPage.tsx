// Assess a transaction (form, pasted JSON or a reference scenario) on a chosen date.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, apiRaw } from '../api.ts';
import { Timeline } from '../components/Timeline.tsx';
import type { Assessment, Transaction } from '../types.ts';
import { SCENARIOS } from '../scenarios.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { TransactionForm } from './TransactionForm.tsx';
import { AssessmentView } from './AssessmentView.tsx';
import { cleanTransaction, emptyTransaction, parseTransactionJson } from './transaction-draft.ts';
import { OpenCase } from './OpenCase.tsx';
import { DateInput, isIsoDay } from '../components/DateInput.tsx';

type Mode = 'form' | 'json';
const VALID_DATE = { test: isIsoDay };

export function AssessPage() {
  const [tx, setTx] = useState<Transaction>(emptyTransaction);
  const [mode, setMode] = useState<Mode>('form');
  const [json, setJson] = useState('');
  const [asOf, setAsOf] = useState('');
  const [scenario, setScenario] = useState('');
  const [result, setResult] = useState<Assessment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [assessed, setAssessed] = useState<Transaction | null>(null);
  const [memoBusy, setMemoBusy] = useState(false);
  const inflight = useRef<AbortController | null>(null);

  function current(): Transaction {
    if (mode === 'json') return parseTransactionJson(json).transaction;
    return cleanTransaction(tx);
  }

  async function assess(on = asOf, reveal = false) {
    inflight.current?.abort();
    const ctl = new AbortController();
    inflight.current = ctl;
    setBusy(true);
    setError(null);
    try {
      const transaction = current();
      const q = VALID_DATE.test(on) ? `?asOf=${on}` : '';
      const r = await api.post<Assessment>(`/api/assess${q}`, transaction, ctl.signal);
      if (inflight.current === ctl) {
        setResult(r);
        setAssessed(transaction);
        // After an explicit Assess, bring the answer into view (the form above it is long).
        if (reveal) requestAnimationFrame(() => document.getElementById('assess-results')?.scrollIntoView({ block: 'start' }));
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') { setError(err); setResult(null); }
    } finally {
      if (inflight.current === ctl) { setBusy(false); inflight.current = null; }
    }
  }

  // Changing the date re-runs the same transaction, so the effect of the date is seen directly.
  const lastAsOf = useRef(asOf);
  useEffect(() => {
    if (asOf === lastAsOf.current) return;
    lastAsOf.current = asOf;
    if (!result || !VALID_DATE.test(asOf)) return;
    const t = setTimeout(() => void assess(asOf), 250);
    return () => clearTimeout(t);
  }, [asOf]); // eslint-disable-line react-hooks/exhaustive-deps

  function loadScenario(id: string) {
    setScenario(id);
    const s = SCENARIOS.find((x) => x.id === id);
    if (!s) return;
    setTx(structuredClone(s.transaction));
    setJson(JSON.stringify(s.transaction, null, 2));
    lastAsOf.current = s.asOf;
    setAsOf(s.asOf);
    setResult(null);
    setError(null);
  }

  function switchMode(next: Mode) {
    if (next === mode) return;
    if (next === 'json') setJson(JSON.stringify(cleanTransaction(tx), null, 2));
    else {
      try {
        const p = parseTransactionJson(json);
        setTx({ ...emptyTransaction(), ...p.transaction });
        if (p.asOf) setAsOf(p.asOf);
      } catch (err) { setError(err); return; }
    }
    setMode(next);
  }

  async function downloadMemo() {
    if (!assessed || !result) return;
    setMemoBusy(true);
    try {
      const res = await apiRaw('/api/memo.pdf', { body: { transaction: assessed, asOf: result.asOf }, accept: 'application/pdf' });
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `vigil-memo-${assessed.destination}-${result.asOf}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) { setError(err); } finally { setMemoBusy(false); }
  }

  const submit = (e: FormEvent) => { e.preventDefault(); void assess(asOf, true); };

  return (
    <section aria-labelledby="assess-title">
      <h1 id="assess-title">Assess a transaction</h1>
      <p className="lede">One determination per jurisdiction, side by side, with every rule that fired and its citation.</p>
      <form onSubmit={submit} className="card">
        <div className="row wrap toolbar">
          <div className="field">
            <label htmlFor="scenario">Reference scenario</label>
            <select id="scenario" value={scenario} onChange={(e) => loadScenario(e.target.value)}>
              <option value="">— choose to load —</option>
              {SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.id.split('-')[0]}: {s.title}</option>)}
            </select>
          </div>
          <div className="tabs" role="radiogroup" aria-label="Input">
            <label className={mode === 'form' ? 'tab on' : 'tab'}><input type="radio" name="mode" checked={mode === 'form'} onChange={() => switchMode('form')} /> Form</label>
            <label className={mode === 'json' ? 'tab on' : 'tab'}><input type="radio" name="mode" checked={mode === 'json'} onChange={() => switchMode('json')} /> JSON</label>
          </div>
        </div>
        {mode === 'form'
          ? <TransactionForm tx={tx} onChange={setTx} />
          : (
            <div className="field wide">
              <label htmlFor="tx-json">Transaction JSON (or a scenario file with <code>transaction</code> and <code>asOf</code>)</label>
              <textarea id="tx-json" className="code" rows={18} spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} />
            </div>
          )}
        <div className="row wrap submitbar">
          <div className="field">
            <label htmlFor="asof">As of</label>
            <DateInput id="asof" value={asOf} onChange={setAsOf} aria-describedby="asof-hint" />
            <span id="asof-hint" className="hint">Empty: the transaction date. Changing it re-assesses.</span>
          </div>
          <button type="submit" disabled={busy}>{busy ? 'Assessing…' : 'Assess'}</button>
        </div>
      </form>
      <ErrorBox error={error} />
      {result && assessed && (
        <>
          <div className="row wrap memo-actions no-print">
            <button type="button" onClick={() => void downloadMemo()} disabled={memoBusy}>{memoBusy ? 'Preparing the memo…' : 'Download memo (PDF)'}</button>
            <button type="button" className="secondary" onClick={() => window.print()}>Print memo</button>
          </div>
          <OpenCase transaction={assessed} />
          {/* The cursor follows the date being chosen (drag, keys, field) at once; the cards follow when re-assessed. */}
          <Timeline destination={assessed.destination} asOf={VALID_DATE.test(asOf) ? asOf : result.asOf} onPick={(d) => setAsOf(d)} />
        </>
      )}
      {result && <AssessmentView a={result} busy={busy} />}
    </section>
  );
}
