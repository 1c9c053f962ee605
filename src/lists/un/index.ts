// UN Security Council Consolidated List: streamed XML reader + mapper + official address.
import type { ListEntry } from '../../model/index.js';
import { isoDate } from '../dates.js';
import type { ListSource } from '../types.js';
import { download } from './download.js';
import { SOURCE, UnMapper } from './mapper.js';
import { readUn } from './reader.js';

export const un: ListSource = {
  id: SOURCE,
  formats: ['un', 'un-xml'],
  title: 'UN Security Council Consolidated List (XML)',
  input: { kind: 'file' },
  download,
  async parse(input, ctx) {
    const mapper = new UnMapper(ctx);
    const entries: ListEntry[] = [];
    const stats = { individuals: 0, entities: 0, withOriginalScript: 0 };
    const { dateGenerated } = await readUn(input.files[input.order[0]!]!, ctx, (r) => {
      const e = mapper.map(r);
      entries.push(e);
      if (r.kind === 'individual') stats.individuals++; else stats.entities++;
      if (e.names.some((n) => n.kind === 'original-script')) stats.withOriginalScript++;
    });
    ctx.warnings.push(...mapper.countries.warnings(ctx.file));
    const listDate = isoDate(dateGenerated?.slice(0, 10));
    return { entries, stats, ...(listDate && listDate.length === 10 ? { listDate } : {}) };
  },
};
