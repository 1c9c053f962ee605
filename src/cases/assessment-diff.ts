// What differs between two assessments of the same transaction, in terms an officer reads:
// outcomes per jurisdiction, rules that fired, red flags, screening hits, item classification.
import type { Assessment } from '../model/index.js';

export interface Difference {
  /** 'determination.US.outcome', 'screening.end-user.hits', 'redFlags', ... */
  path: string;
  before: unknown;
  after: unknown;
}

/** Red flags that come from the case's partner denials, not from the assessment's own data. */
const CASE_FLAGS = new Set(['consultation-required']);

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function diffAssessments(before: Assessment, after: Assessment): Difference[] {
  const out: Difference[] = [];
  const push = (path: string, b: unknown, a: unknown) => out.push({ path, before: b, after: a });

  const jurisdictions = sorted([...before.determinations, ...after.determinations].map((d) => d.jurisdiction));
  for (const j of jurisdictions) {
    const b = before.determinations.find((d) => d.jurisdiction === j);
    const a = after.determinations.find((d) => d.jurisdiction === j);
    if (!b || !a) { push(`determination.${j}`, b?.outcome ?? null, a?.outcome ?? null); continue; }
    if (b.applies !== a.applies) push(`determination.${j}.applies`, b.applies, a.applies);
    if (b.outcome !== a.outcome) push(`determination.${j}.outcome`, b.outcome, a.outcome);
    const br = sorted(b.reasons.map((r) => `${r.ruleId}:${r.effect}`));
    const ar = sorted(a.reasons.map((r) => `${r.ruleId}:${r.effect}`));
    if (!sameList(br, ar)) push(`determination.${j}.reasons`, br.filter((x) => !ar.includes(x)), ar.filter((x) => !br.includes(x)));
  }
  if (before.divergent !== after.divergent) push('divergent', before.divergent, after.divergent);

  const flags = (x: Assessment) => sorted(x.redFlags.filter((f) => !CASE_FLAGS.has(f.code)).map((f) => (f.subject ? `${f.code}:${f.subject}` : f.code)));
  const bf = flags(before);
  const af = flags(after);
  if (!sameList(bf, af)) push('redFlags', bf, af);

  const parties = sorted([...before.screening, ...after.screening].map((p) => `${p.role}|${p.name}`));
  for (const key of parties) {
    const hits = (x: Assessment) => sorted((x.screening.find((p) => `${p.role}|${p.name}` === key)?.hits ?? [])
      .map((h) => `${h.entityId}@${h.score.toFixed(4)}`));
    const bh = hits(before);
    const ah = hits(after);
    if (!sameList(bh, ah)) push(`screening.${key.replace('|', '.')}.hits`, bh, ah);
  }

  const items = (x: Assessment) => sorted(x.items.flatMap((it) => it.entries.map((e) => `${it.index}:${e.paragraph ?? e.code}`)));
  const bi = items(before);
  const ai = items(after);
  if (!sameList(bi, ai)) push('items.entries', bi, ai);
  return out;
}
