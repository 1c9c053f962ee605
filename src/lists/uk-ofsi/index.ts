// UK sanctions list: the FCDO UK Sanctions List (the single UK list since 28 January 2026) or the
// OFSI Consolidated List (ConList CSV) it replaced, told apart by the header. One source, because
// the FCDO list is the ConList's successor for the same UK designations: an update replaces the
// ConList snapshot (never two UK lists active at once), and the UK rules keyed on `uk-ofsi` and its
// regime names keep working (see fcdo-mapper.ts).
import type { ListSource, ParseContext, ResolvedInput } from '../types.js';
import { download } from './download.js';
import { FcdoMapper } from './fcdo-mapper.js';
import { readFcdo } from './fcdo-reader.js';
import { detectUkLayout } from './layout.js';
import { SOURCE, UkMapper } from './mapper.js';
import { readUk } from './reader.js';

export const ukOfsi: ListSource = {
  id: SOURCE,
  formats: ['uk-ofsi', 'uk', 'conlist', 'uk-fcdo', 'uksl'],
  title: 'UK sanctions list: FCDO UK Sanctions List (CSV) or the OFSI Consolidated List it replaced (ConList CSV)',
  input: { kind: 'file' },
  download,
  async parse(input, ctx) {
    const file = input.files[input.order[0]!]!;
    return (await detectUkLayout(file)) === 'fcdo' ? parseFcdo(file, ctx) : parseConList(input, ctx);
  },
};

async function parseFcdo(file: string, ctx: ParseContext) {
  const mapper = new FcdoMapper(ctx);
  const { reportDate } = await readFcdo(file, ctx, (r) => mapper.add(r));
  const entries = mapper.entries();
  ctx.warnings.push(...mapper.warnings());
  return { entries, stats: mapper.stats(), ...(reportDate ? { listDate: reportDate } : {}) };
}

async function parseConList(input: ResolvedInput, ctx: ParseContext) {
  const mapper = new UkMapper(ctx);
  const { titleDate } = await readUk(input.files[input.order[0]!]!, ctx, (r) => mapper.add(r));
  const entries = mapper.entries();
  ctx.warnings.push(...mapper.countries.warnings(ctx.file));
  return { entries, stats: { rows: mapper.rows, groups: entries.length }, ...(titleDate ? { listDate: titleDate } : {}) };
}
