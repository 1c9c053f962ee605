// An assessment: the divergence banner, one card per jurisdiction, red flags, screening hits,
// item classifications and the data versions used.
import type { Assessment, Determination, Reason } from '../types.ts';
import { HitCard } from '../components/HitCard.tsx';
import { Chips } from '../components/Chips.tsx';

const NAMES: Record<string, string> = { UN: 'United Nations', EU: 'European Union', US: 'United States', IT: 'Italy' };
const OUTCOME_TEXT: Record<string, string> = {
  prohibited: 'prohibited',
  'denial-presumed': 'denial presumed',
  'licence-required': 'licence required',
  'no-licence-required': 'no licence required by the modelled rules',
};

export function AssessmentView({ a, busy }: { a: Assessment; busy: boolean }) {
  return (
    <section className="results" aria-labelledby="assess-results" aria-busy={busy}>
      <h2 id="assess-results">Determinations as of <time dateTime={a.asOf}>{a.asOf}</time></h2>
      {a.divergent
        ? (
          <div className="banner diverge" role="status" data-testid="divergence-banner">
            <strong>The jurisdictions diverge.</strong>{' '}
            {a.determinations.map(bannerText).join(' · ')}
          </div>
        )
        : <div className="banner agree" role="status">The jurisdictions agree: {a.determinations[0] ? a.determinations[0].outcome : 'no determinations'}.{a.determinations.some((d) => !d.applies) ? ` (${a.determinations.filter((d) => !d.applies).map((d) => d.jurisdiction).join(', ')}: law does not reach this export.)` : ''}</div>}
      <div className="cards">
        {a.determinations.map((d) => <DeterminationCard key={d.jurisdiction} d={d} />)}
      </div>
      {a.caveats?.length > 0 && <ul className="caveats">{a.caveats.map((c, i) => <li key={i}>{c}</li>)}</ul>}

      <h3>Red flags</h3>
      {a.redFlags.length === 0
        ? <p className="muted">No red flags raised by the modelled checks.</p>
        : <ul className="flags">{a.redFlags.map((f, i) => <li key={i}><code>{f.code}</code> {f.message}{f.subject ? <span className="muted"> — {f.subject}</span> : null}</li>)}</ul>}

      <h3>Screening of the parties</h3>
      {a.screening.length === 0 && <p className="muted">No parties were screened.</p>}
      {a.screening.map((p, i) => (
        <div key={i} className="party">
          <p><span className="badge">{p.role}</span> <strong dir="auto">{p.name}</strong>{p.country ? ` (${p.country})` : ''}: {p.hits.length === 0 ? 'no hits at or above the threshold' : `${p.hits.length} hit${p.hits.length === 1 ? '' : 's'}`}</p>
          <div className="hits">{p.hits.slice(0, 5).map((h) => <HitCard key={`${h.entityId}|${h.matchedName}`} hit={h} query={p.name} />)}</div>
        </div>
      ))}

      <h3>Items</h3>
      <div className="table-wrap">
        <table className="items">
          <thead><tr><th scope="col">#</th><th scope="col">description</th><th scope="col">classification</th><th scope="col">notes</th></tr></thead>
          <tbody>
            {a.items.map((it) => (
              <tr key={it.index}>
                <td>{it.index + 1}</td>
                <td>{it.description}</td>
                <td>
                  {it.entries.map((e) => (
                    <div key={e.code + (e.paragraph ?? '')}>
                      <code>{e.paragraph ?? e.code}</code> {e.title} <Chips items={[...e.regimes, ...e.reasons]} label="regimes and reasons" className="inline" />
                    </div>
                  ))}
                  {!it.classified && it.suggestions.length > 0 && (
                    <div className="muted">not classified; suggestions: {it.suggestions.slice(0, 3).map((s) => `${s.code} (${s.score.toFixed(2)})`).join(', ')}</div>
                  )}
                  {!it.classified && it.suggestions.length === 0 && it.entries.length === 0 && <span className="muted">not on a modelled control list</span>}
                  {it.cwcSchedule && <div>CWC Schedule {it.cwcSchedule}</div>}
                </td>
                <td>{it.notes.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <details className="versions">
        <summary>Data versions used</summary>
        <ul>
          {a.dataVersions.lists.map((l) => <li key={l.id}>list {l.id}: snapshot {l.version}, dated {l.date}</li>)}
          <li>rules {a.dataVersions.rules.version} <code className="muted">{a.dataVersions.rules.sha256?.slice(0, 12)}</code></li>
          <li>controls {a.dataVersions.controls.version}{a.dataVersions.controls.euRegulation ? ` · ${a.dataVersions.controls.euRegulation}` : ''}</li>
        </ul>
      </details>
    </section>
  );
}

/** "US: prohibited", or for a law that does not reach the deal "US: law does not reach it (would be prohibited)". */
function bannerText(d: Determination): string {
  const outcome = OUTCOME_TEXT[d.outcome] ?? d.outcome;
  return d.applies ? `${d.jurisdiction}: ${outcome}` : `${d.jurisdiction}: law does not reach it (would be ${outcome})`;
}

/**
 * One jurisdiction. When its law does not reach the deal (`applies` false) that is the headline,
 * and the outcome its rules would give is shown greyed below it as hypothetical: a red
 * "prohibited" for a law that does not apply would send the officer the wrong way.
 */
function DeterminationCard({ d }: { d: Determination }) {
  const outcome = OUTCOME_TEXT[d.outcome] ?? d.outcome;
  return (
    <article className={d.applies ? `det outcome-${d.outcome}` : 'det not-reached'} data-testid={`determination-${d.jurisdiction}`} data-outcome={d.outcome} data-applies={String(d.applies)} aria-labelledby={`det-${d.jurisdiction}`}>
      <header>
        <h4 id={`det-${d.jurisdiction}`}>{d.jurisdiction} <span className="muted small">{NAMES[d.jurisdiction] ?? ''}</span></h4>
        {d.applies
          ? <p className={`outcome outcome-${d.outcome}`} data-testid="outcome">{outcome}</p>
          : <p className="outcome not-reached" data-testid="reach">{d.jurisdiction} law does not reach this export</p>}
      </header>
      {d.applies
        ? <p className="applies">Its law reaches this transaction: {d.nexus}</p>
        : (
          <>
            <p className="applies no">Why not: {d.nexus}</p>
            <p className="hypothetical" data-testid="outcome">Were it to apply, its rules would give: <span className="outcome-word">{outcome}</span></p>
          </>
        )}
      <div className={d.applies ? undefined : 'hypothetical-body'}>
        <h5>Rules that fired{d.applies ? '' : ' (hypothetically)'}</h5>
        {d.reasons.length === 0 ? <p className="muted">None.</p> : <ul className="reasons">{d.reasons.map((r, i) => <ReasonItem key={i} r={r} />)}</ul>}
      </div>
      {d.notModelled?.length > 0 && (
        <>
          <h5>Not modelled</h5>
          <ul className="muted small">{d.notModelled.map((n, i) => <li key={i}>{n}</li>)}</ul>
        </>
      )}
      {d.caveats?.length > 0 && <ul className="caveats small">{d.caveats.map((c, i) => <li key={i}>{c}</li>)}</ul>}
    </article>
  );
}

function ReasonItem({ r }: { r: Reason }) {
  return (
    <li className="reason">
      <span className={`effect effect-${r.effect}`}>{r.effect}</span> {r.summary}
      <div className="cite"><cite>{r.citation}</cite></div>
      <div className="muted small">
        in force {r.from ? `from ${r.from}` : 'with no start date'}{r.to ? ` until ${r.to}` : ', no end date'} · <code>{r.ruleId}</code>{r.subject ? ` · ${r.subject}` : ''}
      </div>
    </li>
  );
}
