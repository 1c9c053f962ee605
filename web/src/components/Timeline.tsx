// The measures of a destination through time (GET /api/timeline?format=svg, drawn by the server
// from the same data as `vigil timeline`). Focusing or hovering a band shows its measure, its
// instrument and its dates; clicking the chart (or the date field) moves the as-of cursor.
// The SVG is inert markup: no script, no style attributes (CSP).
import { useEffect, useId, useRef, useState, type FocusEvent, type MouseEvent } from 'react';
import { apiRaw } from '../api.ts';

interface BandInfo { measure: string; jurisdiction: string; effect: string; from: string; to: string; citation: string; summary: string; lifted?: string; liftedBy?: string; suspended?: string }

export function Timeline({ destination, asOf, onPick, from, to }: { destination: string; asOf?: string; onPick?: (day: string) => void; from?: number; to?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const caption = useId();
  const [width, setWidth] = useState(0);
  const [svg, setSvg] = useState('');
  const [error, setError] = useState('');
  const [band, setBand] = useState<BandInfo | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(320, Math.min(1600, Math.floor(el.clientWidth / 10) * 10)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!width || !/^[A-Za-z]{2}$/.test(destination)) { setSvg(''); return; }
    const ctl = new AbortController();
    const q = new URLSearchParams({ destination, format: 'svg', width: String(width) });
    if (asOf) q.set('asOf', asOf);
    if (from) q.set('from', String(from));
    if (to) q.set('to', String(to));
    apiRaw(`/api/timeline?${q}`, { signal: ctl.signal, accept: 'image/svg+xml' })
      .then((r) => r.text())
      .then((t) => { setSvg(t); setError(''); })
      .catch((e: Error) => { if (e.name !== 'AbortError') { setError(e.message); setSvg(''); } });
    return () => ctl.abort();
  }, [destination, asOf, width, from, to]);

  const show = (e: FocusEvent<HTMLDivElement> | MouseEvent<HTMLDivElement>) => {
    const g = (e.target as Element).closest?.('g.band') as SVGGElement | null;
    if (!g) return;
    const d = g.dataset;
    setBand({
      measure: d.measure ?? '', jurisdiction: d.jurisdiction ?? '', effect: d.effect ?? '', from: d.from ?? '', to: d.to ?? '',
      citation: d.citation ?? '', summary: d.summary ?? '', lifted: d.lifted, liftedBy: d.liftedBy, suspended: d.suspended,
    });
  };

  const pick = (e: MouseEvent<HTMLDivElement>) => {
    if (!onPick) return;
    const root = box.current?.querySelector('svg');
    if (!root) return;
    const { from: f, to: t, left, right } = root.dataset;
    if (!f || !t || !left || !right) return;
    const rect = root.getBoundingClientRect();
    const scale = Number(root.getAttribute('width')) / rect.width;
    const x = (e.clientX - rect.left) * scale;
    const k = (x - Number(left)) / (Number(right) - Number(left));
    if (k < 0 || k > 1) return;
    const t0 = Date.parse(`${f}T00:00:00Z`);
    const t1 = Date.parse(`${t}T00:00:00Z`);
    onPick(new Date(t0 + k * (t1 - t0)).toISOString().slice(0, 10));
  };

  return (
    <figure className="law-timeline" aria-labelledby={caption}>
      <figcaption id={caption}>
        The law on {destination.toUpperCase()} through time{asOf ? <>, as of <time dateTime={asOf}>{asOf}</time></> : null}
        <span className="hint"> — one lane per jurisdiction; hatched: suspended; bar: lifted. Tab to a band for its instrument and dates{onPick ? '; click the chart to move the as-of date' : ''}.</span>
      </figcaption>
      {error && <p className="error" role="alert">{error}</p>}
      <div ref={box} className="law-timeline-svg" data-testid="law-timeline" onFocus={show} onMouseOver={show} onClick={pick} dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="law-timeline-detail" role="status" aria-live="polite" data-testid="law-timeline-detail">
        {band
          ? (
            <>
              <strong>{band.jurisdiction}: <code>{band.measure}</code></strong> <span className={`effect effect-${band.effect}`}>{band.effect}</span>
              <div>{band.summary}</div>
              <div className="cite"><cite>{band.citation}</cite></div>
              <div className="muted small">
                in force from {band.from} {band.to ? `until ${band.to}` : '(still in force)'}
                {band.suspended ? ` · suspended ${band.suspended}` : ''}
                {band.lifted ? ` · lifted ${band.lifted} by ${band.liftedBy}` : ''}
              </div>
            </>
          )
          : <span className="muted small">Focus or point at a band to see its measure, instrument and dates.</span>}
      </div>
    </figure>
  );
}
