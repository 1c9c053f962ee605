// The measures of a destination through time (GET /api/timeline?format=svg, drawn by the server
// from the same data as `vigil timeline`). Focusing or hovering a band shows its measure, its
// instrument and its dates; clicking or dragging on the chart, or the as-of slider under it (arrow
// keys: a day; Shift+arrows: a month; Page Up/Down: a year), moves the as-of cursor.
// The SVG is inert markup: no script, no style attributes (CSP).
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
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

  // The chart's date range, read from the drawn SVG (data-from / data-to), for the slider.
  const [span, setSpan] = useState<{ from: string; to: string } | null>(null);
  useEffect(() => {
    const root = box.current?.querySelector('svg');
    const f = root?.dataset.from;
    const t = root?.dataset.to;
    setSpan(f && t ? { from: f, to: t } : null);
  }, [svg]);

  const dayAt = (clientX: number): string | null => {
    const root = box.current?.querySelector('svg');
    if (!root) return null;
    const { from: f, to: t, left, right } = root.dataset;
    if (!f || !t || !left || !right) return null;
    const rect = root.getBoundingClientRect();
    const scale = Number(root.getAttribute('width')) / rect.width;
    const x = (clientX - rect.left) * scale;
    const k = (x - Number(left)) / (Number(right) - Number(left));
    if (k < 0 || k > 1) return null;
    return fromDays(toDays(f) + Math.round(k * (toDays(t) - toDays(f))));
  };
  const pick = (e: MouseEvent<HTMLDivElement>) => {
    const d = onPick && dayAt(e.clientX);
    if (d) onPick!(d);
  };
  // Dragging on the chart moves the cursor with the pointer (the page re-assesses once it settles).
  const dragging = useRef(false);
  const lastDrag = useRef('');
  const dragStart = (e: PointerEvent<HTMLDivElement>) => {
    if (!onPick || e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const dragMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const d = dayAt(e.clientX);
    if (d && d !== lastDrag.current) { lastDrag.current = d; onPick!(d); }
  };
  const dragEnd = () => { dragging.current = false; };

  const slide = (day: number) => {
    if (!onPick || !span) return;
    onPick(fromDays(Math.min(toDays(span.to), Math.max(toDays(span.from), day))));
  };
  const sliderKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!asOf || !span) return;
    const d = new Date(`${asOf}T00:00:00Z`);
    if (e.key === 'PageUp' || e.key === 'PageDown') d.setUTCFullYear(d.getUTCFullYear() + (e.key === 'PageUp' ? 1 : -1));
    else if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'ArrowLeft' || e.key === 'ArrowDown')) d.setUTCMonth(d.getUTCMonth() + (e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : -1));
    else return;
    e.preventDefault();
    slide(toDays(d.toISOString().slice(0, 10)));
  };

  return (
    <figure className="law-timeline" aria-labelledby={caption}>
      <figcaption id={caption}>
        The law on {destination.toUpperCase()} through time{asOf ? <>, as of <time dateTime={asOf}>{asOf}</time></> : null}
        <span className="hint"> — one lane per jurisdiction; hatched: suspended; bar: lifted. Tab to a band for its instrument and dates{onPick ? '; click or drag on the chart, or use the slider below it, to move the as-of date' : ''}.</span>
      </figcaption>
      {error && <p className="error" role="alert">{error}</p>}
      <div ref={box} className="law-timeline-svg" data-testid="law-timeline" onFocus={show} onMouseOver={show} onClick={pick}
        onPointerDown={dragStart} onPointerMove={dragMove} onPointerUp={dragEnd} onPointerCancel={dragEnd} dangerouslySetInnerHTML={{ __html: svg }} />
      {onPick && span && asOf && (
        <div className="law-timeline-slider no-print">
          <label htmlFor={`${caption}-slider`}>As-of date on the timeline</label>
          <input id={`${caption}-slider`} type="range" data-testid="asof-slider"
            min={toDays(span.from)} max={toDays(span.to)} step={1} value={Math.min(toDays(span.to), Math.max(toDays(span.from), toDays(asOf)))}
            aria-valuetext={asOf} aria-describedby={`${caption}-slider-hint`}
            onChange={(e) => slide(Number(e.target.value))} onKeyDown={sliderKeys} />
          <span id={`${caption}-slider-hint`} className="hint">Arrow keys: a day; Shift+arrows: a month; Page Up/Down: a year.</span>
        </div>
      )}
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

/** Whole days since 1970-01-01 (UTC): the slider's unit. */
function toDays(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}
function fromDays(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}
