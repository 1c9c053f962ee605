// One screening hit: who, how strongly, on which list and programme, and why (token by token).
import type { ScreeningHit } from '../types.ts';
import { markWords } from './highlight.ts';
import { Marked } from './Marked.tsx';
import { ScoreBar } from './ScoreBar.tsx';
import { Chips } from './Chips.tsx';

export function HitCard({ hit, query }: { hit: ScreeningHit; query: string }) {
  const tokens = hit.explanation?.tokens ?? [];
  const matched = tokens.filter((t) => t.matched).map((t) => t.matched!);
  const queryMatched = tokens.filter((t) => t.matched).map((t) => t.query);
  const aliasDiffers = hit.matchedName && hit.matchedName !== hit.name;
  return (
    <article className="hit" data-testid="hit" aria-label={`${hit.name}, score ${hit.score.toFixed(2)}`}>
      <div className="hit-head">
        <h3 className="hit-name"><Marked pieces={markWords(hit.name, matched)} /></h3>
        <ScoreBar score={hit.score} />
      </div>
      {aliasDiffers && (
        <p className="hit-alias">matched on <Marked pieces={markWords(hit.matchedName, matched)} className="name" /></p>
      )}
      <p className="hit-meta">
        <span className="badge list">{hit.list}</span>
        <span className="muted"> {hit.source} · {hit.type}{hit.countries?.length ? ` · ${hit.countries.join(', ')}` : ''} · </span>
        <code className="muted">{hit.entityId}</code>
      </p>
      <Chips items={hit.programs} label="programmes" className="programs" />
      {(tokens.length > 0 || hit.explanation?.notes?.length > 0) && (
        <details className="why">
          <summary>Why this matched</summary>
          <p>Query: <Marked pieces={markWords(query, queryMatched)} /></p>
          {tokens.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">query token</th><th scope="col">list token</th><th scope="col">how</th><th scope="col">score</th><th scope="col">weight</th></tr></thead>
                <tbody>
                  {tokens.map((t, i) => (
                    <tr key={i} className={t.matched ? '' : 'unmatched'}>
                      <td dir="auto">{t.query}</td>
                      <td dir="auto">{t.matched ?? '—'}</td>
                      <td>{t.how}</td>
                      <td>{t.score.toFixed(2)}</td>
                      <td>{t.weight.toFixed(2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ul className="notes">
            <li>name score {hit.explanation.nameScore.toFixed(3)}</li>
            {hit.explanation.adjustments?.map((a, i) => <li key={`a${i}`}>{a.reason} ({a.delta >= 0 ? '+' : ''}{a.delta.toFixed(2)})</li>)}
            {hit.explanation.notes?.map((n, i) => <li key={`n${i}`}>{n}</li>)}
          </ul>
        </details>
      )}
    </article>
  );
}
