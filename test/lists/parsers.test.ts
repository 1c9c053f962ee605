// Each list parser on the real files: the record counts of the shared data README come out exactly.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseListFile } from '../../src/lists/registry.js';
import {
  CSL_2026, CSL_OLD, CSL_SAMPLE, DPL_2019, DPL_2022, NONSDN, OFAC_2021, OFAC_2024, UK_SAMPLE, UN_2026, byId, countBy,
} from './helpers.js';

describe('us-csl', () => {
  test('2026-07-31: 25,921 parties, per-sub-list counts as published', async () => {
    const r = await parseListFile('us-csl', CSL_2026);
    assert.equal(r.entries.length, 25_921);
    assert.deepEqual(countBy(r.entries, (e) => e.list), {
      SDN: 19_181, 'Entity List': 3_420, 'Denied Persons List': 1_596, 'ITAR Debarred': 787, SSI: 286, 'Unverified List': 222,
      'Nonproliferation Sanctions': 161, PLC: 78, 'Military End User List': 70, CMIC: 68, 'NS-MBS List': 51, 'CAPTA List': 1,
    });
    assert.equal(r.listDate, '2026-07-31');
    assert.equal(r.listDateFrom, 'file name');
    assert.equal(r.sha256, '56fefa41b869ce5ada9a2176c4ffa5cb81825546bb01cd524cdcba5f920b7cd0');
    assert.equal(new Set(r.entries.map((e) => e.id)).size, r.entries.length, 'ids are unique');
    const kunlun = r.entries.find((e) => e.names[0]!.name === 'BANK OF KUNLUN CO LTD')!;
    assert.equal(kunlun.list, 'CAPTA List');
    assert.equal(kunlun.type, 'organization');
    assert.deepEqual(kunlun.countries, ['CN']);
    assert.deepEqual(kunlun.programs, ['561-Related']);
    assert.deepEqual(kunlun.names.slice(1), [
      { name: 'KARAMAY URBAN CREDIT COOPERATIVES', kind: 'aka' }, { name: 'KARAMAY CITY COMMERCIAL BANK CO LTD.', kind: 'aka' },
    ]);
    // The one mis-encoded name of the file is repaired and reported, not silently kept.
    assert.ok(r.entries.some((e) => e.names[0]!.name === 'Murat Bkey'));
    assert.ok(r.warnings.some((w) => /:1765 \(field name\): C1 control/.test(w)), r.warnings.join('\n'));
  });

  test('2025-06 format sample: 13 rows with addresses, ids, dates of birth, licence texts', async () => {
    const r = await parseListFile('csl', CSL_SAMPLE);
    assert.equal(r.entries.length, 13);
    const rim = r.entries.find((e) => e.names[0]!.name === 'RIM, Ryong Nam')!;
    assert.equal(rim.list, 'SDN');
    assert.equal(rim.type, 'person');
    assert.deepEqual(rim.birthDates, ['1978-12-05']);
    assert.deepEqual(rim.countries, ['CN', 'KP']);
    assert.deepEqual(rim.identifiers[0], { type: 'Passport', value: '836238033', country: 'KP' });
    const meu = r.entries.find((e) => e.list === 'Military End User List')!;
    assert.match(meu.licenseRequirement!, /supplement no\. 2 to part 744/);
    assert.match(meu.licensePolicy!, /744\.21/);
    assert.equal(meu.listedOn, '2020-12-23');
    assert.equal(r.entries.find((e) => e.list === 'FSE')!.names[0]!.name, 'Evren KAYAKIRAN');
    assert.equal(r.listDate, '2025-06-01');
    assert.ok(r.warnings.some((w) => /month in the name/.test(w)));
  });

  test('2019 older header (no _id): 115 rows', async () => {
    const r = await parseListFile('us-csl', CSL_OLD);
    assert.equal(r.entries.length, 115);
    assert.equal(new Set(r.entries.map((e) => e.id)).size, 115);
    const dpl = r.entries.filter((e) => e.list === 'Denied Persons List');
    assert.equal(dpl.length, 8);
    assert.equal(dpl[0]!.names[0]!.name, 'ADRIAN MANUEL HERNANDEZ');
    assert.equal(r.listDateFrom, 'file mtime');
    assert.ok(r.warnings.some((w) => /modification date/.test(w)));
    // U+0092 (a Windows-1252 right quote stored as a C1 control) becomes ’.
    assert.ok(r.entries.some((e) => e.names[0]!.name.startsWith('Gui’an New District')));
  });
});

describe('un', () => {
  test('2026-02-27: 730 individuals + 273 entities, 378 with original script', async () => {
    const r = await parseListFile('un', UN_2026);
    assert.equal(r.stats.individuals, 730);
    assert.equal(r.stats.entities, 273);
    assert.equal(r.entries.length, 1_003);
    assert.equal(r.entries.filter((e) => e.names.some((n) => n.kind === 'original-script')).length, 378);
    assert.equal(r.listDate, '2026-02-27');
    assert.equal(r.listDateFrom, 'file content');
    const badege = byId(r.entries, 'un:6907993');
    assert.equal(badege.names[0]!.name, 'ERIC BADEGE');
    assert.deepEqual(badege.birthDates, ['1971']);
    assert.deepEqual(badege.countries, ['CD', 'RW']);
    assert.deepEqual(badege.programs, ['DRC']);
    assert.equal(badege.list, 'UN List');
    assert.deepEqual(badege.identifiers[0], { type: 'UN Reference Number', value: 'CDi.001' });
    const gaston = byId(r.entries, 'un:6907995');
    assert.deepEqual(gaston.names.find((n) => n.name === 'Rumuli'), { name: 'Rumuli', kind: 'weak-aka', quality: 'Low' });
    assert.deepEqual(gaston.names.find((n) => n.name === 'Victor Rumuri'), { name: 'Victor Rumuri', kind: 'aka', quality: 'Good' });
    const adf = byId(r.entries, 'un:6908402');
    assert.equal(adf.type, 'organization');
    assert.equal(adf.names.filter((n) => n.kind === 'fka').length, 3);
    const arabic = r.entries.find((e) => e.names.some((n) => n.kind === 'original-script' && /[\u0600-\u06ff]/.test(n.name)));
    assert.ok(arabic, 'Arabic original-script names are kept');
    assert.ok(r.entries.some((e) => e.birthDates.length >= 2 && e.birthDates.every((d) => /^\d{4}$/.test(d))), 'BETWEEN ranges give each year');
  });
});

describe('ofac-sdn', () => {
  test('2021-07-07 set: 8,976 entries, 11,910 aliases, all joined; remarks continued from sdn_comments', async () => {
    const r = await parseListFile('ofac-sdn', OFAC_2021);
    assert.equal(r.entries.length, 8_976);
    assert.equal(r.stats.aliases, 11_910);
    assert.equal(r.stats.aliasesJoined, 11_910);
    assert.equal(r.stats.addresses, 13_837);
    assert.equal(r.stats.addressesJoined, 13_837);
    assert.equal(r.stats.comments, 5);
    assert.equal(r.stats.commentsJoined, 5);
    assert.equal(r.listDate, '2021-07-07');
    assert.ok(r.entries.every((e) => e.list === 'SDN'));
    const bnc = byId(r.entries, 'ofac-sdn:306');
    assert.equal(bnc.names[0]!.name, 'BANCO NACIONAL DE CUBA');
    assert.deepEqual(bnc.names.find((n) => n.name === 'BNC'), { name: 'BNC', kind: 'weak-aka' });
    assert.deepEqual(bnc.names.find((n) => n.name === 'NATIONAL BANK OF CUBA'), { name: 'NATIONAL BANK OF CUBA', kind: 'aka' });
    assert.deepEqual(bnc.programs, ['CUBA']);
    assert.ok(bnc.addresses.some((a) => a.country === 'CH' && a.city === 'Zurich CH-8022'));
    // sdn.csv cuts the remark of 28263 mid-word ("a.k.a. 'snowsjo"); sdn_comments.csv continues it.
    const e28263 = byId(r.entries, 'ofac-sdn:28263');
    assert.ok(e28263.names.some((n) => n.kind === 'weak-aka' && n.name === 'snowsjohn'), JSON.stringify(e28263.names));
    assert.match(e28263.remarks!, /Linked To: LAZARUS GROUP\.$/);
    const djibo = byId(r.entries, 'ofac-sdn:32391');
    assert.equal(djibo.type, 'person');
    assert.deepEqual(djibo.birthDates, ['1984']);
    assert.ok(djibo.countries.includes('NE'));
    assert.equal(djibo.names.filter((n) => n.kind === 'weak-aka').length, 6);
    assert.equal(r.entries.at(-1)!.sourceId, '32391', 'the row before the 0x1A end-of-file byte is read');
  });

  test('2024-05-03: 14,965 entries; of 18,939 later aliases 18,033 join, 906 are reported', async () => {
    const r = await parseListFile('ofac-sdn', OFAC_2024);
    assert.equal(r.entries.length, 14_965);
    assert.equal(r.stats.aliases, 18_939);
    assert.equal(r.stats.aliasesJoined, 18_033);
    assert.equal(r.stats['unjoined:alt.csv'], 906);
    assert.ok(r.warnings.some((w) => /alt\.csv: 906 row\(s\) name an ent_num missing/.test(w)));
    assert.ok(r.warnings.some((w) => /no add\.csv/.test(w)));
    assert.equal(r.listDate, '2024-05-03');
  });
});

test('ofac-nonsdn 2025-12: 442 entries, 1,073 aliases, sub-lists from programs', async () => {
  const r = await parseListFile('ofac-nonsdn', NONSDN);
  assert.equal(r.entries.length, 442);
  assert.equal(r.stats.aliases, 1_073);
  assert.equal(r.stats.aliasesJoined, 1_073);
  assert.equal(r.stats.addresses, 574);
  assert.equal(r.stats.commentsJoined, 10);
  const lists = countBy(r.entries, (e) => e.list);
  assert.equal(lists.PLC, 78);
  assert.equal(lists.CMIC, 68);
  assert.equal(lists.SSI, 286);
  const haniya = byId(r.entries, 'ofac-nonsdn:9639');
  assert.equal(haniya.list, 'PLC');
  assert.deepEqual(haniya.birthDates, ['1962']);
  assert.ok(haniya.names.some((n) => n.name === 'HANIYA, Ismail' && n.kind === 'aka'));
  assert.equal(r.listDate, '2025-12-01');
  assert.equal(r.listDateFrom, 'file name (month only)');
});

test('bis-dpl: 546 rows (2019) and 581 rows (2022)', async () => {
  const a = await parseListFile('bis-dpl', DPL_2019);
  const b = await parseListFile('dpl', DPL_2022);
  assert.equal(a.entries.length, 546);
  assert.equal(b.entries.length, 581);
  assert.equal(new Set(b.entries.map((e) => e.id)).size, 581);
  const ash = b.entries[0]!;
  assert.equal(ash.names[0]!.name, 'I. ASH');
  assert.equal(ash.list, 'Denied Persons List');
  assert.equal(ash.listedOn, '2003-06-19');
  assert.deepEqual(ash.countries, ['US']);
  assert.match(ash.federalRegisterNotice!, /68 F\.R\. 38290/);
});

test('uk-ofsi 2020 sample: 77 rows grouped into 41 targets; Windows-1252 read with a warning', async () => {
  const r = await parseListFile('uk-ofsi', UK_SAMPLE);
  assert.equal(r.stats.rows, 77);
  assert.equal(r.entries.length, 41);
  assert.ok(r.warnings.some((w) => /read as Windows-1252/.test(w)));
  const q = byId(r.entries, 'uk-ofsi:13349');
  assert.equal(q.names[0]!.name, 'Sheikh Farooq AL-QAHTANI');
  assert.equal(q.type, 'person');
  assert.deepEqual(q.birthDates, ['1980', '1981']);
  assert.deepEqual(q.countries.slice(0, 2), ['SA', 'QA']);
  const kim = byId(r.entries, 'uk-ofsi:13562');
  assert.equal(kim.names[0]!.kind, 'primary');
  assert.deepEqual(kim.birthDates, ['1979-08-01']);
  const corps = r.entries.find((e) => e.names[0]!.name === '14TH MOTORIZED RIFLE BATTALION')!;
  assert.match(corps.remarks!, /’2nd Army Corps’/, 'Windows-1252 quotes decoded');
});

test('a file set hashes by content in a fixed order; --list-date wins and a disagreement is reported', async () => {
  const a = await parseListFile('ofac-nonsdn', NONSDN, { listDate: '2025-12-15' });
  const b = await parseListFile('ofac-nonsdn', `${NONSDN}/cons_prim.csv`);
  assert.equal(a.sha256, b.sha256);
  assert.match(a.sha256, /^[0-9a-f]{64}$/);
  assert.equal(a.listDate, '2025-12-15');
  assert.equal(a.listDateFrom, 'option');
  const un = await parseListFile('un', UN_2026, { listDate: '2026-03-01' });
  assert.ok(un.warnings.some((w) => /differs from the date the file states \(2026-02-27\)/.test(w)));
});
