// US Consolidated Screening List: reader + mapper + official address, as one list source.
import type { ListEntry } from '../../model/index.js';
import type { ListSource } from '../types.js';
import { download } from './download.js';
import { CslMapper, SOURCE } from './mapper.js';
import { readCsl } from './reader.js';

export const usCsl: ListSource = {
  id: SOURCE,
  formats: ['us-csl', 'csl'],
  title: 'US Consolidated Screening List (CSV)',
  input: { kind: 'file' },
  download,
  async parse(input, ctx) {
    const mapper = new CslMapper(ctx);
    const entries: ListEntry[] = [];
    for await (const row of readCsl(input.files[input.order[0]!]!, ctx)) entries.push(mapper.map(row));
    ctx.warnings.push(...mapper.warnings());
    const stats: Record<string, number> = { rows: entries.length };
    return { entries, stats };
  },
};
