// Writes the regression samples that test/screening/quality-gates.test.ts reads (the tests must not
// need ../shared): a seeded sample of negatives_global_public.csv by script, and a seeded set of
// generated typo / reorder / dropped-middle-name variants of bundled list names.
//   npx tsx bench/make-matching-fixtures.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledEntries, evalPath, readCsv } from './screening-data.js';
import { generateVariants, rng } from './screening-variants.js';
import { scriptOf } from '../src/matching/script.js';

const stringify = (rows: string[][]): string => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

const out = join(import.meta.dirname, '..', 'test', 'fixtures', 'matching');
const r = rng(16);
const per: Record<string, number> = { latin: 500, arabic: 500, han: 400, hangul: 200, cyrillic: 100 };
const rows = readCsv(evalPath('screening', 'negatives_global_public.csv'));
const picked: string[][] = [];
for (const [script, n] of Object.entries(per)) {
  const pool = rows.filter((x) => scriptOf(x.full_name!.replace(/[^\p{L}]/gu, '')) === script);
  for (let k = 0; k < n && pool.length; k++) {
    const x = pool.splice(Math.floor(r() * pool.length), 1)[0]!;
    picked.push([x.full_name!, x.date_of_birth!.slice(0, 4), script]);
  }
}
writeFileSync(join(out, 'negatives_global_sample.csv'), stringify([['name', 'birth_year', 'script'], ...picked]));
const { entries } = await bundledEntries();
const variants = generateVariants(entries, 200, 23);
writeFileSync(join(out, 'variants_sample.csv'), stringify([['kind', 'query', 'entity_id', 'original'], ...variants.map((v) => [v.kind, v.query, v.entityId, v.original])]));
console.log(`${picked.length} negatives, ${variants.length} variants`);
