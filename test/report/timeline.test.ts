// The measures timeline: built from measuresFor (the same data as `vigil measures`), drawn as SVG.
// Libya tells the story: UN measures suspended in 1999 and lifted on 12 Sep 2003, the US embargo
// to 2004, the EU arms embargo to 11 Oct 2004.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from '../policy/support.js';
import { measuresFor } from '../../src/policy/measures.js';
import { timelineFor, type TimelineAnswer } from '../../src/policy/timeline.js';
import { timelineGeometry, timelineSvg, wrap } from '../../src/report/timeline-svg.js';
import { startApi } from '../api/support.js';
import { parseSvg, type El } from './svg-parse.js';

const BIN = join(import.meta.dirname, '../../bin/vigil');
const TODAY = '2026-12-01';
const band = (t: TimelineAnswer, j: string, id: string) => t.lanes.find((l) => l.jurisdiction === j)!.bands.find((b) => b.measure === id)!;
const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 0.05, `${what}: ${a} ≠ ${b}`);
const bar = (els: El[], id: string, lane: string) => {
  const g = els.find((e) => e.name === 'g' && e.attrs['data-measure'] === id && e.attrs['data-jurisdiction'] === lane);
  assert.ok(g, `a band for ${id} in the ${lane} lane`);
  return { g, children: els.filter((e) => e.parents.includes(g)) };
};

test('timelineFor LY: lanes UN, EU, IT, US; the bands are the measures of measuresFor with their periods', async () => {
  const r = await rules();
  const t = timelineFor(r, 'LY', { today: TODAY, asOf: '2003-10-14' });
  assert.deepEqual(t.lanes.map((l) => l.jurisdiction), ['UN', 'EU', 'IT', 'US']);
  assert.equal(t.from, '1986-01-01', 'the first Libya measure is of 1986, before 1990');
  assert.equal(t.to, TODAY);
  // One source of truth: every measure of `vigil measures LY` is a band of its jurisdiction's lane.
  const m = measuresFor(r, 'LY');
  for (const x of m.measures) {
    const b = band(t, x.jurisdiction, x.id);
    assert.ok(b, `${x.id} drawn`);
    assert.equal(b.from, x.periods[0]!.from);
  }
  const un748 = band(t, 'UN', 'UN-748-arms-military-list');
  assert.deepEqual([un748.from, un748.to], ['1992-04-15', '2003-09-12']);
  assert.deepEqual(un748.suspensions.map((s) => [s.from, s.to]), [['1999-04-05', '2003-09-12']]);
  assert.equal(un748.lifted?.date, '2003-09-12');
  assert.match(un748.lifted!.citation, /UNSCR 1506/);
  assert.equal(un748.status, 'not-in-force');
  const eu = band(t, 'EU', 'EU-LY-1986-arms-embargo-military-list');
  assert.equal(eu.to, '2004-10-11');
  assert.equal(eu.status, 'in-force');
  assert.equal(band(t, 'IT', 'EU-LY-1986-arms-embargo-military-list').owner, 'EU', 'IT applies the EU embargo');
  const us = band(t, 'US', 'US-EO12543-embargo');
  assert.equal(us.to, '2004-09-21');
  assert.match(us.lifted!.citation, /13357/);
  assert.equal(us.status, 'in-force');
  const open = band(t, 'US', 'US-2004-libya-ccl');
  assert.equal(open.to, null);
  assert.equal(open.lifted, undefined);
});

test('timelineFor: --from/--to narrow the range; bands outside it are left out; bad input is named', async () => {
  const r = await rules();
  const t = timelineFor(r, 'LY', { fromYear: 1995, toYear: 2005, today: TODAY });
  assert.equal(t.from, '1995-01-01');
  assert.equal(t.to, '2005-12-31');
  assert.ok(!t.lanes.flatMap((l) => l.bands).some((b) => b.from >= '2011-01-01'), 'the 2011 measures are outside 1995–2005');
  assert.throws(() => timelineFor(r, 'XX'), (e: Error & { where?: string }) => e.where === 'destination');
  assert.throws(() => timelineFor(r, 'LY', { fromYear: 2010, toYear: 2000 }), /after/);
});

test('timelineSvg LY: well-formed, titled, a hatched UN-748 suspension from 1999-04-05, band ends at the dates', async () => {
  const t = timelineFor(await rules(), 'LY', { today: TODAY, asOf: '2003-10-14' });
  const svg = timelineSvg(t, { width: 960 });
  const els = parseSvg(svg);
  const root = els[0]!;
  assert.equal(root.name, 'svg');
  assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg');
  assert.match(root.attrs['aria-labelledby']!, /title/);
  assert.match(els.find((e) => e.name === 'title')!.text, /Libya/);
  assert.match(els.find((e) => e.name === 'desc')!.text, /UN-748-arms-military-list/);
  assert.doesNotMatch(svg, /<script|style=/, 'no script, no style attribute (CSP)');
  const x = timelineGeometry(t, 960).x;

  const un = bar(els, 'UN-748-arms-military-list', 'UN');
  assert.equal(un.g.attrs.tabindex, '0', 'keyboard-focusable');
  assert.match(un.g.attrs['aria-label']!, /1992-04-15 to 2003-09-12/);
  const rect = un.children.find((e) => e.attrs.class === 'band-bar')!;
  near(Number(rect.attrs.x), x('1992-04-15'), 'UN-748 starts 15 Apr 1992');
  near(Number(rect.attrs.x) + Number(rect.attrs.width), x('2003-09-12'), 'UN-748 ends 12 Sep 2003');
  const hatchId = els.find((e) => e.name === 'pattern')!.attrs.id!;
  const susp = un.children.find((e) => e.attrs.class === 'suspension' && e.attrs['data-from'] === '1999-04-05');
  assert.ok(susp, 'a suspension from 1999-04-05');
  near(Number(susp.attrs.x), x('1999-04-05'), 'suspension starts 5 Apr 1999');
  const hatch = un.children.find((e) => e.attrs.class === 'suspension-hatch')!;
  assert.equal(hatch.attrs.fill, `url(#${hatchId})`, 'hatched');
  assert.equal(un.children.find((e) => e.attrs.class === 'lifting')?.attrs['data-date'], '2003-09-12', 'the lifting marked');

  const end = (id: string, lane: string) => { const b = bar(els, id, lane).children.find((e) => e.attrs.class === 'band-bar')!; return Number(b.attrs.x) + Number(b.attrs.width); };
  near(end('US-EO12543-embargo', 'US'), x('2004-09-21'), 'US embargo to 21 Sep 2004');
  near(end('EU-LY-1986-arms-embargo-military-list', 'EU'), x('2004-10-11'), 'EU arms embargo to 11 Oct 2004');
  assert.ok(end('UN-748-arms-military-list', 'UN') < end('US-EO12543-embargo', 'US') && end('US-EO12543-embargo', 'US') < end('EU-LY-1986-arms-embargo-military-list', 'EU'), 'UN, then US, then EU');
  const cursor = els.find((e) => e.attrs.class === 'cursor')!;
  assert.equal(cursor.attrs['data-date'], '2003-10-14');
  near(Number(els.find((e) => e.parents.includes(cursor) && e.name === 'line')!.attrs.x1), x('2003-10-14'), 'the as-of cursor');
});

test('timelineSvg at 390 px: lane names above the lanes, labels wrapped inside the width', async () => {
  const t = timelineFor(await rules(), 'LY', { today: TODAY });
  const els = parseSvg(timelineSvg(t, { width: 390 }));
  assert.equal(els[0]!.attrs.width, '390');
  const names = els.filter((e) => e.attrs.class === 'lane-name');
  assert.deepEqual(names.map((e) => e.text), ['UN', 'EU', 'IT', 'US']);
  assert.ok(names.every((e) => Number(e.attrs.x) < 20), 'stacked: the lane name sits at the left edge above its bands');
  const labels = els.filter((e) => e.attrs.class === 'band-label');
  assert.ok(labels.some((l) => els.filter((e) => e.name === 'tspan' && e.parents.includes(l)).length > 1), 'some labels wrap');
  for (const l of wrap('EU-LY-2011-arms-embargo-military-list · arms embargo · 2011–open', 150)) assert.ok(l.length * 6.6 <= 150, l);
});

test('vigil timeline LY --svg --json: writes a valid SVG with a band per modelled Libya measure; JSON lists the bands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-tl-'));
  try {
    const file = join(dir, 'ly.svg');
    const r = spawnSync(process.execPath, [BIN, 'timeline', 'LY', '--as-of', '2003-10-14', '--svg', file, '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const a = JSON.parse(r.stdout) as TimelineAnswer & { svg: string };
    assert.equal(a.svg, file);
    const ids = new Set(a.lanes.flatMap((l) => l.bands.map((b) => `${l.jurisdiction}:${b.measure}`)));
    const els = parseSvg(readFileSync(file, 'utf8'));
    const drawn = new Set(els.filter((e) => e.attrs.class === 'band').map((e) => `${e.attrs['data-jurisdiction']}:${e.attrs['data-measure']}`));
    assert.deepEqual([...drawn].sort(), [...ids].sort());
    for (const id of ['UN:UN-748-arms-military-list', 'UN:UN-883-oil-equipment', 'EU:EU-LY-1986-arms-embargo-military-list', 'US:US-EO12543-embargo', 'US:US-2004-libya-ccl']) assert.ok(drawn.has(id), id);
    const bad = spawnSync(process.execPath, [BIN, 'timeline', 'LY', '--from', '19x0', '--json'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    // The field is named: on stderr, or (with the JSON error contract) as error.path on stdout.
    assert.match(bad.stdout + bad.stderr, /--from/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('GET /api/timeline: JSON by default, SVG with format=svg, 400 for an unknown destination', async (t) => {
  const api = await startApi(t);
  const j = await api.call('GET', '/api/timeline?destination=LY&asOf=2003-10-14');
  assert.equal(j.status, 200, j.text);
  assert.equal(j.body.lanes.find((l: { jurisdiction: string }) => l.jurisdiction === 'UN').bands[0].measure, 'UN-748-arms-military-list');
  const s = await api.call('GET', '/api/timeline?destination=ly&format=svg&width=390&from=1990&to=2010');
  assert.equal(s.status, 200);
  assert.match(s.headers.get('content-type')!, /image\/svg\+xml/);
  const els = parseSvg(s.text);
  assert.equal(els[0]!.attrs['data-from'], '1990-01-01');
  assert.equal((await api.call('GET', '/api/timeline?destination=XX')).status, 400);
});
