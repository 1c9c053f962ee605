// Fingerprint of screening answers, to show that a speed change leaves every answer as it was:
// hits (entity, matched name, score, explanation) of negatives and list aliases at two thresholds,
// hashed; `--out FILE` also writes them one query a line, for diffing two versions.
//   npx tsx bench/screening-answers.ts DB_FILE [--n 6000] [--out FILE]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { evalPath, readCsv } from './screening-data.js';
import { ScreeningIndex } from '../src/screening/index.js';
import { validateQueryName } from '../src/screening/screener.js';

const args = process.argv.slice(2);
const db = args[0];
if (!db) throw new Error('usage: npx tsx bench/screening-answers.ts DB_FILE [--n N] [--out FILE]');
const opt = (name: string): string | undefined => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const n = Number(opt('n') ?? 6000);
const bytes = readFileSync(`${db}.screening-index`);
const header = JSON.parse(bytes.toString('utf8', 12, 12 + bytes.readUInt32LE(8))) as { versions: never[] };
const index = ScreeningIndex.deserialise(bytes, header.versions);
if (!index) throw new Error('cache does not match');
const neg = readCsv(evalPath('screening', 'negatives_us.csv')).map((r) => r.full_name!);
const aliases = readCsv(evalPath('pairs', 'ofac_alias_pairs_2024.csv')).map((r) => r.alias_name!).filter(Boolean);
const cross = readCsv(evalPath('pairs', 'un_cross_script_and_alias_pairs_2026-02-27.csv')).flatMap((r) => [r.variant_name!, r.primary_name!]).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
// A name the screener refuses (one UN name carries U+FFFD) is not a screening answer.
const readable = (name: string): boolean => { try { validateQueryName(name); return true; } catch { return false; } };
const queries = [...neg.slice(0, n / 2), ...aliases.slice(0, n / 2), ...cross].filter(readable);
const lines: string[] = [];
let hits = 0;
for (const name of queries) {
  for (const threshold of [0.8, 0.85]) {
    const r = index.screen({ name, threshold, limit: 1000 });
    hits += r.hits.length;
    lines.push(JSON.stringify([name, threshold, r.hits.map((h) => [h.entityId, h.matchedName, h.score, h.explanation])]));
  }
}
const out = opt('out');
if (out) writeFileSync(out, lines.join('\n') + '\n');
console.log(`${queries.length} queries x 2 thresholds, ${hits} hits, sha256 ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`);
