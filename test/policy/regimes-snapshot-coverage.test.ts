// Every measure of the research snapshot (issue 11) is carried by data/rules or its omission is
// argued: data/rules/SNAPSHOT-COVERAGE.md has one row per snapshot id (the ids are pinned in
// test/fixtures/regimes/snapshot-ids.txt, copied from ../shared/data/policy/embargo_measures.json),
// a `mapped` row names ids that are rules or regime measures of data/rules, and an `omitted` or
// `gap` row says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from './support.js';

const root = join(import.meta.dirname, '../..');
const snapshotIds = readFileSync(join(root, 'test/fixtures/regimes/snapshot-ids.txt'), 'utf8')
  .split('\n').map((l) => l.trim()).filter(Boolean);

interface CoverageRow { line: number; id: string; status: string; carriedBy: string[]; note: string }

/** Table rows of the coverage file: `| \`id\` | dest | period | status | \`a\`, \`b\` | note |`. */
function coverageRows(): CoverageRow[] {
  const text = readFileSync(join(root, 'data/rules/SNAPSHOT-COVERAGE.md'), 'utf8');
  const rows: CoverageRow[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.startsWith('| `')) return;
    const cells = raw.split('|').slice(1, -1).map((c) => c.trim());
    assert.equal(cells.length, 6, `SNAPSHOT-COVERAGE.md line ${i + 1}: expected 6 cells, got ${cells.length}`);
    const [idCell, , , status, carried, note] = cells as [string, string, string, string, string, string];
    rows.push({
      line: i + 1,
      id: idCell.replace(/`/g, ''),
      status,
      carriedBy: [...carried.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      note,
    });
  });
  return rows;
}

test('the pinned snapshot ids are the 136 of the research snapshot, without duplicates', () => {
  assert.equal(snapshotIds.length, 136);
  assert.equal(new Set(snapshotIds).size, snapshotIds.length);
});

test('every snapshot id has exactly one row in data/rules/SNAPSHOT-COVERAGE.md, and no row is for another id', () => {
  const rows = coverageRows();
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  assert.deepEqual(snapshotIds.filter((id) => !seen.has(id)), [], 'snapshot ids with no row');
  assert.deepEqual([...seen].filter(([, n]) => n > 1).map(([id]) => id), [], 'snapshot ids with more than one row');
  assert.deepEqual(rows.filter((r) => !snapshotIds.includes(r.id)).map((r) => `line ${r.line}: ${r.id}`), [], 'rows for ids not in the snapshot');
});

test('a mapped row names rules or regime measures that exist in data/rules; an omitted or gap row argues why', async () => {
  const rs = await rules();
  const problems: string[] = [];
  for (const r of coverageRows()) {
    if (r.status === 'mapped') {
      if (r.carriedBy.length === 0) problems.push(`line ${r.line}: ${r.id} is mapped to nothing`);
      for (const id of r.carriedBy) if (!rs.rule(id)) problems.push(`line ${r.line}: ${r.id} → ${id} is not a rule of data/rules`);
    } else if (r.status === 'omitted' || r.status === 'gap') {
      if (r.carriedBy.length > 0) problems.push(`line ${r.line}: ${r.id} is ${r.status} but names ids`);
      if (r.note.length < 30) problems.push(`line ${r.line}: ${r.id} is ${r.status} without a reason`);
    } else {
      problems.push(`line ${r.line}: ${r.id} has status "${r.status}" (mapped, omitted or gap)`);
    }
  }
  assert.deepEqual(problems, []);
});
