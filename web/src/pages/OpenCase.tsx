// "Open a case from this assessment": the transaction just assessed becomes a submitted licence
// application (POST /api/cases), is assessed as a case (so the determination is stored with it and
// audited), and the officer lands on the case page. No JSON to copy or edit.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { navigate } from '../router.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import type { Transaction } from '../types.ts';

export function OpenCase({ transaction }: { transaction: Transaction }) {
  // The applicant is usually the exporter; the officer may name someone else (an agent).
  const [applicant, setApplicant] = useState(transaction.exporter.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { setApplicant(transaction.exporter.name); }, [transaction]);

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const c = await api.post<{ id: string }>('/api/cases', { applicant: applicant.trim(), transaction, submit: true });
      const href = `/cases/${encodeURIComponent(c.id)}`;
      // The case exists from here on: if its assessment fails, the case page says so and offers "Assess now".
      try { await api.post(`${href.replace('/cases', '/api/cases')}/assess`, {}); } catch { /* shown on the case page */ }
      navigate(href);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };

  return (
    <form className="row wrap open-case no-print" onSubmit={open} aria-label="Open a case from this assessment">
      <div className="field">
        <label htmlFor="oc-applicant">Applicant</label>
        <input id="oc-applicant" required dir="auto" value={applicant} onChange={(e) => setApplicant(e.target.value)} />
      </div>
      <div className="field actions">
        <button type="submit" disabled={busy || !applicant.trim()}>{busy ? 'Opening the case…' : 'Open a case from this assessment'}</button>
      </div>
      <ErrorBox error={error} />
    </form>
  );
}
