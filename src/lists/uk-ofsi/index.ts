// UK OFSI Consolidated List (ConList CSV).
import type { ListSource } from '../types.js';
import { download } from './download.js';
import { SOURCE, UkMapper } from './mapper.js';
import { readUk } from './reader.js';

export const ukOfsi: ListSource = {
  id: SOURCE,
  formats: ['uk-ofsi', 'uk', 'conlist'],
  title: 'UK OFSI Consolidated List (ConList CSV)',
  input: { kind: 'file' },
  download,
  async parse(input, ctx) {
    const mapper = new UkMapper(ctx);
    const { titleDate } = await readUk(input.files[input.order[0]!]!, ctx, (r) => mapper.add(r));
    const entries = mapper.entries();
    ctx.warnings.push(...mapper.countries.warnings(ctx.file));
    return { entries, stats: { rows: mapper.rows, groups: entries.length }, ...(titleDate ? { listDate: titleDate } : {}) };
  },
};
