// Issue 11's acceptance facts about the world's regimes, read from the same answer `vigil measures`
// and GET /api/measures give: at least 50 destinations with a dated measure, and what is in force
// for the DPRK today, Iraq in 1995 and Libya in 2000 (UN measures suspended, not in force).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverage, measuresFor } from '../../src/policy/measures.js';
import { rules } from './support.js';

test('at least 50 destinations have a dated measure in at least one jurisdiction', async () => {
  const rows = coverage(await rules());
  assert.ok(rows.length >= 50, `${rows.length} destinations: ${rows.map((r) => r.destination).join(' ')}`);
  for (const cc of ['ZA', 'VN', 'CY', 'AL', 'MN', 'TJ']) assert.ok(rows.some((r) => r.destination === cc), `${cc} is covered`);
});

test('DPRK on 2026-11-27: the UN (1718 et seq.), EU (2016/849) and US (746.4) measures are in force', async () => {
  const a = measuresFor(await rules(), 'KP', { asOf: '2026-11-27' });
  const inForce = a.measures.filter((m) => m.status === 'in-force');
  assert.ok(inForce.some((m) => m.jurisdiction === 'UN' && /UNSCR 1718/.test(m.citation)), 'UN 1718');
  assert.ok(inForce.some((m) => m.jurisdiction === 'EU' && /2016\/849/.test(m.citation)), 'EU 2016/849');
  assert.ok(inForce.some((m) => m.jurisdiction === 'US' && /746\.4/.test(m.citation)), 'US 746.4');
});

test('Iraq on 1995-01-01: UNSCR 661 is in force', async () => {
  const a = measuresFor(await rules(), 'IQ', { asOf: '1995-01-01' });
  assert.ok(a.measures.some((m) => m.jurisdiction === 'UN' && m.status === 'in-force' && /UNSCR 661/.test(m.citation)));
});

test('Libya on 2000-06-01: the UN measures are suspended, not in force', async () => {
  const un = measuresFor(await rules(), 'LY', { asOf: '2000-06-01', jurisdiction: 'UN' }).measures;
  assert.ok(un.length > 0);
  assert.deepEqual(un.map((m) => m.status), un.map(() => 'suspended'));
});

test('South Africa: the UN embargo is in force the day before UNSCR 919 and gone on its day', async () => {
  const rs = await rules();
  const on = (day: string) => measuresFor(rs, 'ZA', { asOf: day, jurisdiction: 'UN' }).measures.map((m) => m.id);
  assert.deepEqual(on('1994-05-24'), ['UN-ZA-418-arms']);
  assert.deepEqual(on('1994-05-25'), []);
});
