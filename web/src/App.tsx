// Layout and page switch. The Cases pages are loaded on demand so they never weigh on first load.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, match, usePath } from './router.tsx';
import { api, getApiKey, getKeylessNotice, KEYLESS_EVENT, setApiKey } from './api.ts';
import { ScreenPage } from './pages/ScreenPage.tsx';
import { AssessPage } from './pages/AssessPage.tsx';
import { ClassifyPage } from './pages/ClassifyPage.tsx';
import { ListsPage } from './pages/ListsPage.tsx';

const MeasuresPage = lazy(() => import('./pages/MeasuresPage.tsx').then((m) => ({ default: m.MeasuresPage })));

const CasesPage = lazy(() => import('./pages/cases/CasesPage.tsx'));
const PartiesPage = lazy(() => import('./pages/parties/PartiesPage.tsx').then((m) => ({ default: m.PartiesPage })));
const AlertsPage = lazy(() => import('./pages/parties/AlertsPage.tsx').then((m) => ({ default: m.AlertsPage })));
const CaseDetail = lazy(() => import('./pages/cases/CaseDetail.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));

const NAV = [
  { href: '/', label: 'Home' },
  { href: '/screen', label: 'Screen' },
  { href: '/assess', label: 'Assess' },
  { href: '/classify', label: 'Classify' },
  { href: '/measures', label: 'Measures' },
  { href: '/lists', label: 'Lists' },
  { href: '/cases', label: 'Cases' },
  { href: '/parties', label: 'Parties' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/audit', label: 'Audit' },
];

function Page({ path }: { path: string }) {
  if (path === '/') return <HomePage />;
  if (path === '/screen') return <ScreenPage />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/assess') return <AssessPage />;
  if (path === '/classify') return <ClassifyPage />;
  if (path === '/lists') return <ListsPage />;
  if (path === '/measures') return <MeasuresPage />;
  if (path === '/cases') return <CasesPage />;
  if (path === '/parties') return <PartiesPage />;
  if (path === '/alerts') return <AlertsPage />;
  const c = match('/cases/:id', path);
  if (c) return <CaseDetail id={c.id!} />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is no page at <code>{path}</code>. <Link href="/screen">Go to Screen</Link>.</p>
    </section>
  );
}

export function App() {
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new page for keyboard and screen-reader users (not on first load).
    if (first.current) { first.current = false; return; }
    main.current?.focus();
  }, [path]);
  const title = NAV.find((n) => path === n.href || (n.href !== '/' && path.startsWith(n.href + '/')))?.label ?? '';
  useEffect(() => { document.title = title ? `${title} — Vigil` : 'Vigil'; }, [title]);

  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar no-print">
        <Link href="/" className="brand" aria-label="Vigil home">Vigil</Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => {
              const current = path === n.href || (n.href !== '/' && path.startsWith(n.href + '/'));
              return <li key={n.href}><Link href={n.href} aria-current={current ? 'page' : undefined}>{n.label}</Link></li>;
            })}
          </ul>
        </nav>
        <KeyControl />
      </header>
      <KeylessBanner />
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <Page path={path} />
        </Suspense>
      </main>
      <footer className="footer no-print">
        Vigil never clears a party or a transaction: it reports what the modelled lists and rules say, and what they do not cover.
        {' '}<a href="/docs">API docs</a>
      </footer>
    </>
  );
}

/** Says, on every page, when the server runs without API keys: anything on this machine can act as admin. */
function KeylessBanner() {
  const [notice, setNotice] = useState(getKeylessNotice);
  useEffect(() => {
    const update = () => setNotice(getKeylessNotice());
    window.addEventListener(KEYLESS_EVENT, update);
    // Every answer carries the notice; ask once so that it shows before the first search.
    api.get('/api/health').catch(() => undefined).finally(update);
    return () => window.removeEventListener(KEYLESS_EVENT, update);
  }, []);
  if (!notice) return null;
  return (
    <p className="banner warn keyless" role="status">
      <strong>Authentication is off.</strong> This server has no API key, so any program or web page on this
      machine that reaches it can act as admin (import lists, manage cases). Create a key with
      {' '}<code>vigil keys create --role admin</code> to turn authentication on.
    </p>
  );
}

/** The API key the server may require (kept in this browser tab only). */
function KeyControl() {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(getApiKey);
  const has = !!getApiKey();
  return (
    <div className="keyctl">
      <button type="button" className="linklike" aria-expanded={open} aria-controls="keypanel" onClick={() => setOpen(!open)}>
        API key{has ? ' ✓' : ''}
      </button>
      {open && (
        <form id="keypanel" className="keypanel" onSubmit={(e) => { e.preventDefault(); setApiKey(value.trim()); setOpen(false); }}>
          <label htmlFor="apikey">API key (from <code>vigil keys create</code>)</label>
          <input id="apikey" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
          <div className="row">
            <button type="submit">Save</button>
            <button type="button" className="secondary" onClick={() => { setValue(''); setApiKey(''); setOpen(false); }}>Forget</button>
          </div>
          <p className="hint">Needed only when the server has keys. Kept in this browser tab only, forgotten when it closes.</p>
        </form>
      )}
    </div>
  );
}
