// EU Financial Sanctions Files (FSF) full list, XML 1.1 or CSV 1.1 (told apart by content).
import type { ListEntry } from '../../model/index.js';
import { dmyDate, isoDate } from '../dates.js';
import type { ListSource } from '../types.js';
import { download } from './download.js';
import { EuMapper, SOURCE } from './mapper.js';
import { readEu } from './reader.js';

export const euFsf: ListSource = {
  id: SOURCE,
  formats: ['eu-fsf', 'eu', 'eu-xml', 'eu-csv'],
  title: 'EU Financial Sanctions Files, consolidated list (XML 1.1 or CSV 1.1)',
  input: { kind: 'file' },
  download,
  async parse(input, ctx) {
    const mapper = new EuMapper(ctx);
    const entries: ListEntry[] = [];
    const stats = { persons: 0, organizations: 0, withUnReference: 0, withOriginalScript: 0 };
    const file = await readEu(input.files[input.order[0]!]!, ctx, (r) => {
      const e = mapper.map(r);
      entries.push(e);
      if (e.type === 'person') stats.persons++; else stats.organizations++;
      if (e.identifiers.some((i) => i.type === 'UN Reference Number')) stats.withUnReference++;
      if (e.names.some((n) => n.kind === 'original-script')) stats.withOriginalScript++;
    });
    ctx.warnings.push(...mapper.countries.warnings(ctx.file));
    const raw = file.generationDate;
    const listDate = isoDate(raw?.slice(0, 10)) ?? dmyDate(raw);
    return { entries, stats, ...(listDate && listDate.length === 10 ? { listDate } : {}) };
  },
};
