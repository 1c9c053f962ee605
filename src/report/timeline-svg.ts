// The measures timeline as one SVG document: a lane per jurisdiction, a band per period of a
// measure, suspensions hatched, liftings marked, the as-of date as a cursor. Used by the CLI
// (`vigil timeline --svg`), the API (GET /api/timeline?format=svg), the web UI and the decision memo.
// Plain strings and presentation attributes only (no style attributes, no script): the UI inlines it
// under a strict CSP. Scales from d3-scale, ticks from d3-time; no charting framework.
import { scaleUtc } from 'd3-scale';
import { utcYear } from 'd3-time';
import type { TimelineAnswer, TimelineBand } from '../policy/timeline.js';

export interface TimelineSvgOptions {
  /** Width in px the layout is computed for (default 960). Below 600 the lane names stack above the lanes. */
  width?: number;
  /** A prefix for element ids, unique when several SVGs share a page. */
  idPrefix?: string;
}

export const EFFECT_COLOURS: Record<string, string> = {
  prohibited: '#a4262c',
  'denial-presumed': '#c2410c',
  'licence-required': '#1d4ed8',
  'no-licence-required': '#047857',
  info: '#6b7280',
};
const EFFECT_LABEL: Record<string, string> = {
  prohibited: 'prohibited', 'denial-presumed': 'denial presumed', 'licence-required': 'licence required',
  'no-licence-required': 'no licence required', info: 'information (no restriction)',
};

const FONT = 11;
const LINE = 13;
const BAR = 14;
const CHAR = 6.6; // mean advance of an 11 px sans-serif glyph, for wrapping
const NARROW = 600;

export interface TimelineGeometry {
  width: number;
  left: number;
  right: number;
  narrow: boolean;
  /** Day 'YYYY-MM-DD' → x in px, clamped to the drawn range. */
  x: (day: string) => number;
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function timelineGeometry(t: Pick<TimelineAnswer, 'from' | 'to'>, width = 960): TimelineGeometry {
  const w = Math.max(320, Math.round(width));
  const narrow = w < NARROW;
  const left = narrow ? 8 : 56;
  const right = w - (narrow ? 12 : 18);
  const scale = scaleUtc().domain([toDate(t.from), toDate(t.to)]).range([left, right]).clamp(true);
  return { width: w, left, right, narrow, x: (day: string) => round(scale(toDate(day))) };
}

export function timelineSvg(t: TimelineAnswer, opts: TimelineSvgOptions = {}): string {
  const g = timelineGeometry(t, opts.width);
  const id = (opts.idPrefix ?? `tl-${t.destination.toLowerCase()}`).replace(/[^A-Za-z0-9_-]/g, '');
  const out: string[] = [];
  const titleText = `Sanctions measures on ${t.name} (${t.destination}), ${t.from.slice(0, 4)}–${t.to.slice(0, 4)}, by jurisdiction`;
  const descText = describe(t);

  // Axis: year ticks no closer than ~56 px.
  const years = Number(t.to.slice(0, 4)) - Number(t.from.slice(0, 4)) + 1;
  const step = [1, 2, 5, 10, 20, 50].find((s) => ((g.right - g.left) / years) * s >= (g.narrow ? 44 : 56)) ?? 100;
  const scale = scaleUtc().domain([toDate(t.from), toDate(t.to)]).range([g.left, g.right]);
  const ticks = scale.ticks(utcYear.every(step)!);
  let y = 22;
  const axis: string[] = [];
  for (const d of ticks) {
    const x = round(scale(d));
    axis.push(`<line x1="${x}" x2="${x}" y1="${y - 4}" y2="{{BOTTOM}}" stroke="#d4d4d8" stroke-width="1"/>`,
      `<text x="${x}" y="${y - 8}" text-anchor="middle" fill="#3f3f46">${d.getUTCFullYear()}</text>`);
  }
  out.push(`<g class="axis" aria-hidden="true">${axis.join('')}</g>`);
  y += 6;

  for (const lane of t.lanes) {
    const laneTop = y;
    const parts: string[] = [];
    if (g.narrow) {
      parts.push(`<text class="lane-name" x="${g.left}" y="${y + FONT}" font-weight="700" fill="#18181b">${esc(lane.jurisdiction)}</text>`);
      y += LINE + 4;
    }
    if (!lane.bands.length) {
      parts.push(`<text x="${g.left + (g.narrow ? 0 : 4)}" y="${y + FONT}" fill="#52525b" font-style="italic">no modelled measure</text>`);
      y += LINE + 8;
    }
    for (const b of lane.bands) {
      const x0 = g.x(b.from);
      const x1 = g.x(b.to ?? t.to);
      // The label sits above the bar, starting at the bar unless that leaves too little room.
      const lx = g.right - x0 >= 120 ? x0 : g.right - 120;
      const lines = wrap(`${b.measure} · ${typeLabel(b.type)} · ${b.from.slice(0, 4)}–${b.to ? b.to.slice(0, 4) : 'open'}`, Math.max(120, g.right - lx));
      const labelY = y + FONT;
      const barY = y + lines.length * LINE + 2;
      const colour = EFFECT_COLOURS[b.effect] ?? EFFECT_COLOURS.info!;
      const band: string[] = [];
      band.push(`<title>${esc(bandTitle(b))}</title>`);
      band.push(`<text class="band-label" x="${lx}" y="${labelY}" fill="#18181b">${lines.map((l, i) => `<tspan x="${lx}" dy="${i ? LINE : 0}">${esc(l)}</tspan>`).join('')}</text>`);
      band.push(`<rect class="band-bar" x="${x0}" y="${barY}" width="${round(Math.max(1.5, x1 - x0))}" height="${BAR}" rx="2" fill="${colour}"${b.effect === 'info' ? ' fill-opacity="0.45"' : ''}/>`);
      for (const s of b.suspensions) {
        const s0 = g.x(s.from < b.from ? b.from : s.from);
        const s1 = g.x(s.to === null || (b.to !== null && s.to > b.to) ? (b.to ?? t.to) : s.to);
        if (s1 <= s0) continue;
        band.push(`<rect class="suspension" data-from="${s.from}" data-to="${s.to ?? ''}" x="${s0}" y="${barY}" width="${round(s1 - s0)}" height="${BAR}" fill="#ffffff"/>`,
          `<rect class="suspension-hatch" x="${s0}" y="${barY}" width="${round(s1 - s0)}" height="${BAR}" fill="url(#${id}-hatch)" stroke="${colour}" stroke-width="1"/>`);
      }
      if (b.to === null) {
        // Still in force: an arrowhead at the right edge.
        band.push(`<path d="M${x1} ${barY - 2} l6 ${BAR / 2 + 2} l-6 ${BAR / 2 + 2} z" fill="${colour}"/>`);
      }
      if (b.lifted) {
        const lx1 = g.x(b.lifted.date);
        band.push(`<g class="lifting" data-date="${b.lifted.date}"><path d="M${lx1} ${barY - 3} v${BAR + 6}" stroke="#18181b" stroke-width="2"/><path d="M${lx1 - 4} ${barY + BAR + 7} h8 l-4 -6 z" fill="#18181b"/></g>`);
      }
      parts.push(`<g class="band" role="listitem" tabindex="0" focusable="true" data-measure="${esc(b.measure)}" data-jurisdiction="${esc(b.jurisdiction)}" data-effect="${esc(b.effect)}" data-from="${b.from}" data-to="${b.to ?? ''}" data-citation="${esc(b.citation)}" data-summary="${esc(b.summary)}"${b.lifted ? ` data-lifted="${b.lifted.date}" data-lifted-by="${esc(b.lifted.citation)}"` : ''}${b.suspensions.length ? ` data-suspended="${esc(b.suspensions.map((s) => `${s.from}–${s.to ?? 'open'}`).join(', '))}"` : ''} aria-label="${esc(bandTitle(b).replace(/\n/g, '; '))}">${band.join('')}</g>`);
      y = barY + BAR + 12;
    }
    const laneBottom = y;
    const laneLabel = g.narrow ? '' : `<text class="lane-name" x="8" y="${laneTop + FONT + 2}" font-weight="700" fill="#18181b">${esc(lane.jurisdiction)}</text>`;
    out.push(`<g class="lane" role="list" aria-label="${esc(`${lane.jurisdiction}: ${lane.bands.length} measure period(s)`)}" data-jurisdiction="${esc(lane.jurisdiction)}">`
      + `<line x1="0" x2="${g.width}" y1="${laneBottom - 2}" y2="${laneBottom - 2}" stroke="#e4e4e7" stroke-width="1"/>${laneLabel}${parts.join('')}</g>`);
    y = laneBottom + 4;
  }
  const bottom = y;

  if (t.asOf) {
    const cx = g.x(t.asOf);
    const anchor = cx > g.right - 60 ? 'end' : cx < g.left + 60 ? 'start' : 'middle';
    out.push(`<g class="cursor" data-date="${t.asOf}"><title>As of ${t.asOf}</title><line x1="${cx}" x2="${cx}" y1="14" y2="${bottom}" stroke="#7c3aed" stroke-width="2" stroke-dasharray="4 3"/>`
      + `<text x="${cx}" y="${bottom + 14}" text-anchor="${anchor}" fill="#6d28d9" font-weight="700">as of ${t.asOf}</text></g>`);
  }
  y = bottom + (t.asOf ? 40 : 20);

  // Legend, wrapped to the width.
  const legend: [string, string][] = [
    ...(['prohibited', 'licence-required', 'info'] as const).map((e) => [EFFECT_COLOURS[e]!, EFFECT_LABEL[e]!] as [string, string]),
    [`url(#${id}-hatch)`, 'suspended'], ['lifting', 'lifted'], ['open', 'still in force'],
  ];
  let lx = g.left;
  const legendParts: string[] = [];
  for (const [swatch, label] of legend) {
    const w = 22 + label.length * CHAR + 14;
    if (lx + w > g.right && lx > g.left) { lx = g.left; y += LINE + 6; }
    const sw = swatch === 'lifting'
      ? `<path d="M${lx + 7} ${y - 10} v14" stroke="#18181b" stroke-width="2"/>`
      : swatch === 'open'
        ? `<path d="M${lx + 2} ${y - 10} l8 6 l-8 6 z" fill="#3f3f46"/>`
        : `<rect x="${lx}" y="${y - 10}" width="16" height="12" fill="${swatch}" stroke="#3f3f46" stroke-width="0.5"/>`;
    legendParts.push(`${sw}<text x="${lx + 22}" y="${y}" fill="#3f3f46">${esc(label)}</text>`);
    lx += w;
  }
  out.push(`<g class="legend" aria-hidden="true">${legendParts.join('')}</g>`);
  const height = Math.ceil(y + 10);

  const body = out.join('\n').replaceAll('{{BOTTOM}}', String(bottom));
  return `<svg xmlns="http://www.w3.org/2000/svg" class="vigil-timeline" width="${g.width}" height="${height}" viewBox="0 0 ${g.width} ${height}" role="group" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${FONT}" data-from="${t.from}" data-to="${t.to}" data-left="${g.left}" data-right="${g.right}">
<title id="${id}-title">${esc(titleText)}</title>
<desc id="${id}-desc">${esc(descText)}</desc>
<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#3f3f46" stroke-width="2"/></pattern></defs>
${body}
</svg>
`;
}

/** The plain-text account of the picture, for <desc> and screen readers. */
export function describe(t: TimelineAnswer): string {
  const parts: string[] = [];
  for (const lane of t.lanes) {
    if (!lane.bands.length) { parts.push(`${lane.jurisdiction}: no modelled measure.`); continue; }
    parts.push(`${lane.jurisdiction}: ${lane.bands.map((b) => bandTitle(b).replace(/\n/g, ', ')).join('; ')}.`);
  }
  if (t.asOf) parts.push(`Cursor at ${t.asOf}.`);
  return parts.join(' ');
}

export function bandTitle(b: TimelineBand): string {
  const lines = [`${b.jurisdiction}${b.owner !== b.jurisdiction ? ` (applies ${b.owner})` : ''}: ${b.measure} — ${typeLabel(b.type)}, ${EFFECT_LABEL[b.effect] ?? b.effect}`,
    `in force ${b.from} to ${b.to ?? 'today (still in force)'}`];
  for (const s of b.suspensions) lines.push(`suspended ${s.from} to ${s.to ?? 'open'}${s.citation ? ` (${s.citation})` : ''}`);
  if (b.lifted) lines.push(`lifted ${b.lifted.date} by ${b.lifted.citation}`);
  lines.push(b.citation);
  if (b.status) lines.push(`on the as-of date: ${b.status}`);
  return lines.join('\n');
}

function typeLabel(type: string): string {
  return type.replace(/-/g, ' ');
}

/** Greedy word wrap to a width in px (estimated glyph advance). */
export function wrap(text: string, widthPx: number): string[] {
  const max = Math.max(10, Math.floor(widthPx / CHAR));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else { lines.push(line); line = word; }
    while (line.length > max) {
      // Break a long identifier after a hyphen where one falls in the line, else hard.
      const cut = line.lastIndexOf('-', max - 1);
      const at = cut > max / 2 ? cut + 1 : max;
      lines.push(line.slice(0, at));
      line = line.slice(at);
    }
  }
  if (line) lines.push(line);
  return lines;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
