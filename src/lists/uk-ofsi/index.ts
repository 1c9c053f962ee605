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
  // The official address now serves the FCDO UK Sanctions List layout, which this ConList parser
  // does not read: a plain `vigil lists update` would fail on it every time (the bundled ConList is
  // kept either way), so only `--source uk-ofsi` tries it.
  updateByDefault: false,
  async parse(input, ctx) {
    const mapper = new UkMapper(ctx);
    const { titleDate } = await readUk(input.files[input.order[0]!]!, ctx, (r) => mapper.add(r));
    const entries = mapper.entries();
    ctx.warnings.push(...mapper.countries.warnings(ctx.file));
    return { entries, stats: { rows: mapper.rows, groups: entries.length }, ...(titleDate ? { listDate: titleDate } : {}) };
  },
};
