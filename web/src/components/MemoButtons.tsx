// "Download memo (PDF)" and "Print memo" for a stored case (GET /api/cases/:id/memo.pdf).
import { useState } from 'react';
import { apiRaw } from '../api.ts';

export function CaseMemoButtons({ id }: { id: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  async function download() {
    setBusy(true);
    setError('');
    try {
      const res = await apiRaw(`/api/cases/${encodeURIComponent(id)}/memo.pdf`, { accept: 'application/pdf' });
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `vigil-memo-${id}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) { setError((e as Error).message); } finally { setBusy(false); }
  }
  return (
    <div className="row wrap memo-actions no-print">
      <button type="button" onClick={() => void download()} disabled={busy}>{busy ? 'Preparing the memo…' : 'Download memo (PDF)'}</button>
      <button type="button" className="secondary" onClick={() => window.print()}>Print memo</button>
      {error && <span className="error" role="alert">{error}</span>}
    </div>
  );
}
