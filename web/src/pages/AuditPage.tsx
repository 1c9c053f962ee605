// The audit trail: every screening, assessment, case step, list import and key change, newest
// first, filtered by action, actor or subject, a page at a time; and a button that recomputes the
// hash chain on the server (GET /api/audit/verify) and says whether it holds and where it breaks.
// The filters live in the URL, so a filtered view can be bookmarked or sent to a colleague.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { Link } from '../router.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import type { AuditEvent } from '../../../src/model/index.ts';
import './desk.css';

interface Filters { action: string; actor: string; subject: string }
interface AuditPage { events: AuditEvent[]; next?: { before?: number } }
interface VerifyResult {
  ok: boolean; events: number; firstSeq?: number; lastSeq?: number; head?: string;
  firstBroken?: { seq: number; kind: string; message: string };
}

const PAGE_SIZES = [25, 50, 100];
/** Actions Vigil records, offered as suggestions (any other text is still accepted). */
const KNOWN_ACTIONS = [
  'screen', 'screen.batch', 'screen.job', 'assess', 'case.create', 'case.assess', 'case.transition', 'case.shipment',
  'case.consultation.request', 'case.consultation.response', 'case.replay', 'denials.export', 'denials.import',
  'lists.import', 'lists.update', 'parties.add', 'parties.remove', 'parties.rescreen', 'alert.review', 'keys.create', 'keys.revoke',
];

function readFilters(): Filters {
  const q = new URLSearchParams(location.search);
  return { action: q.get('action') ?? '', actor: q.get('actor') ?? '', subject: q.get('subject') ?? '' };
}

function query(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of ['action', 'actor', 'subject'] as const) if (f[k].trim()) q.set(k, f[k].trim());
  return q;
}

/** Where a subject can be opened in the UI. */
function subjectLink(subject: string) {
  if (/^C-\d{4}-\d+$/.test(subject)) return <Link href={`/cases/${encodeURIComponent(subject)}`}>{subject}</Link>;
  return <span className="break">{subject}</span>;
}

export default function AuditPage() {
  const [draft, setDraft] = useState<Filters>(readFilters);
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [size, setSize] = useState(25);
  // Cursors of the pages seen so far: [undefined] is the newest page; Older pushes, Newer pops.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  // The answer with the request it answers: while another page loads, the old rows are not shown as it.
  const [loaded, setLoaded] = useState<{ key: string; page: AuditPage } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const before = cursors[cursors.length - 1];
  const q = query(filters);
  q.set('order', 'desc');
  q.set('limit', String(size));
  if (before !== undefined) q.set('before', String(before));
  const key = `/api/audit?${q}`;
  useEffect(() => {
    const ctl = new AbortController();
    setError(null);
    api.get<AuditPage>(key, ctl.signal).then((page) => setLoaded({ key, page }), (e) => {
      if ((e as Error).name !== 'AbortError') setError(e);
    });
    return () => ctl.abort();
  }, [key]);
  // The rows on screen stay until the next answer arrives (so the pager keeps keyboard focus), marked busy.
  const shown = loaded?.page ?? null;
  const fresh = loaded?.key === key;

  const apply = (f: Filters) => {
    setFilters(f);
    setCursors([undefined]);
    const q = query(f);
    history.replaceState(null, '', `/audit${q.size ? `?${q}` : ''}`);
  };
  const submit = (e: FormEvent) => { e.preventDefault(); apply(draft); };
  const clear = () => { const none = { action: '', actor: '', subject: '' }; setDraft(none); apply(none); };
  const set = (k: keyof Filters) => (v: string) => setDraft((f) => ({ ...f, [k]: v }));
  const filtered = !!(filters.action || filters.actor || filters.subject);
  const pageNo = cursors.length;

  return (
    <section aria-labelledby="audit-title" className="audit-page">
      <h1 id="audit-title">Audit trail</h1>
      <p className="lede">
        Every screening, assessment, case step, list import and key change, newest first. Each event is chained to
        the one before it by its SHA-256 hash, so a changed or missing event breaks the chain.
      </p>

      <VerifyChain />

      <form className="card form-grid" role="search" aria-label="Filter audit events" onSubmit={submit}>
        <div className="field">
          <label htmlFor="a-action">Action (exact)</label>
          <input id="a-action" list="a-actions" value={draft.action} placeholder="case.assess" onChange={(e) => set('action')(e.target.value)} />
          <datalist id="a-actions">{KNOWN_ACTIONS.map((a) => <option key={a} value={a} />)}</datalist>
        </div>
        <div className="field">
          <label htmlFor="a-actor">Actor (contains)</label>
          <input id="a-actor" value={draft.actor} placeholder="IT desk" onChange={(e) => set('actor')(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="a-subject">Subject (exact)</label>
          <input id="a-subject" value={draft.subject} placeholder="C-2026-0001" onChange={(e) => set('subject')(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="a-size">Per page</label>
          <select id="a-size" value={size} onChange={(e) => { setSize(Number(e.target.value)); setCursors([undefined]); }}>
            {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
        <div className="field actions">
          <button type="submit">Filter</button>
          <button type="button" className="secondary" onClick={clear} disabled={!filtered && !draft.action && !draft.actor && !draft.subject}>Clear</button>
        </div>
      </form>

      <ErrorBox error={error} />
      {!shown && !error && <p aria-busy="true">Loading…</p>}
      {shown && (
        <>
          <p className="muted small" role="status" data-testid="audit-summary">
            {!fresh ? (error ? 'This page could not be loaded.' : 'Loading…') : shown.events.length === 0
              ? (filtered ? 'No event matches these filters.' : 'The audit trail is empty.')
              : `Page ${pageNo}: events #${shown.events[0]!.seq} to #${shown.events.at(-1)!.seq}${filtered ? ' matching the filters' : ''}, newest first.`}
          </p>
          {shown.events.length > 0 && (
            <div className="table-wrap" aria-busy={!fresh}>
              <table className="audit" data-testid="audit-table">
                <caption className="sr-only">Audit events, newest first</caption>
                <thead>
                  <tr><th scope="col">#</th><th scope="col">time (UTC)</th><th scope="col">actor</th><th scope="col">action</th><th scope="col">subject</th><th scope="col">outcome</th></tr>
                </thead>
                <tbody>
                  {shown.events.map((e) => (
                    <tr key={e.seq} data-seq={e.seq}>
                      <td data-label="#" className="num nowrap">{e.seq}</td>
                      <td data-label="time" className="nowrap"><time dateTime={e.at}>{e.at.slice(0, 19).replace('T', ' ')}</time></td>
                      <td data-label="actor" className="wrap">{e.actor}</td>
                      <td data-label="action" className="nowrap"><code>{e.action}</code></td>
                      <td data-label="subject" className="wrap">{e.subject ? subjectLink(e.subject) : <span className="muted">—</span>}</td>
                      <td data-label="outcome" className="wrap">
                        <div>
                          {e.outcome ?? <span className="muted">—</span>}
                          <span className="hash muted small" title={`event hash sha256:${e.hash}`}>sha256:{e.hash.slice(0, 12)}…</span>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="row pager" aria-label="Audit pages">
            {/* aria-disabled, not disabled: a button that becomes disabled drops keyboard focus to the page. */}
            <button type="button" className="secondary" aria-disabled={pageNo === 1} onClick={() => { if (fresh && pageNo > 1) setCursors((c) => c.slice(0, -1)); }}>← Newer</button>
            <span className="muted small">page {pageNo}</span>
            <button type="button" className="secondary" aria-disabled={fresh && !shown.next?.before} onClick={() => { if (fresh && shown.next?.before) setCursors((c) => [...c, shown.next!.before]); }}>Older →</button>
          </nav>
        </>
      )}
    </section>
  );
}

/** Recompute the chain on the server; says whether it holds, how far, and the first broken event. */
function VerifyChain() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try { setResult(await api.get<VerifyResult>('/api/audit/verify')); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <div className="card verify">
      <div className="row wrap">
        <button type="button" onClick={verify} disabled={busy} aria-describedby="verify-hint">{busy ? 'Verifying…' : 'Verify chain'}</button>
        <span id="verify-hint" className="muted small">Recomputes every event's hash and link on the server.</span>
      </div>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {result?.ok && (
          <p className="verify-ok">
            <strong>The chain holds:</strong> {result.events} event(s){result.events ? `, #${result.firstSeq} to #${result.lastSeq}` : ''}.
            {result.head && <> Head <code className="break">sha256:{result.head}</code> — keep it elsewhere to detect a removed tail later.</>}
          </p>
        )}
        {result && !result.ok && (
          <p className="verify-broken">
            <strong>The chain is broken at event #{result.firstBroken?.seq}</strong> ({result.firstBroken?.kind}): {result.firstBroken?.message}
          </p>
        )}
      </div>
      <ErrorBox error={error} />
    </div>
  );
}
