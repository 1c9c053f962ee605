// Small builders shared by the store tests.
import type { CaseRecord, ListEntry } from '../../src/model/index.js';
import type { NewSnapshot } from '../../src/store/store.js';

export function entry(source: string, n: number, extra: Partial<ListEntry> = {}): ListEntry {
  return {
    id: `${source}:${n}`,
    source,
    list: source === 'un' ? 'UN List' : 'Entity List',
    sourceId: String(n),
    type: n % 2 ? 'person' : 'organization',
    names: [{ name: `Name ${n}`, kind: 'primary' }, { name: `Alias ${n}`, kind: 'aka' }],
    countries: ['IR'],
    programs: ['NPWMD'],
    birthDates: n % 2 ? ['1960'] : [],
    identifiers: [{ type: 'Passport', value: `P${n}`, country: 'IR' }],
    addresses: [{ city: 'Tehran', country: 'IR' }],
    remarks: `Entry number ${n} — ünïcödé ✓`,
    ...extra,
  };
}

export function entries(source: string, from: number, count: number): ListEntry[] {
  return Array.from({ length: count }, (_, i) => entry(source, from + i));
}

export function newSnapshot(source: string, listDate = '2026-02-27'): NewSnapshot {
  return { source, format: `${source}-test`, listDate, sha256: 'ab'.repeat(32), fileName: `${source}.dat` };
}

export function caseRecord(id: string, over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    reference: `IT-2026-${id}`,
    state: 'draft',
    applicant: 'Acme SpA',
    destination: 'AE',
    transaction: {
      date: '2026-03-01',
      exporter: { name: 'Acme SpA', country: 'IT' },
      destination: 'AE',
      parties: [{ role: 'end-user', name: 'Gulf Trading LLC', country: 'AE' }],
      items: [{ description: 'pump', code: '2B350' }],
      endUse: { categories: ['civil'] },
      jurisdictions: ['EU', 'IT'],
    },
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    version: 1,
    timeline: [{ at: '2026-03-01T10:00:00.000Z', actor: 'officer', action: 'created' }],
    ...over,
  };
}
