// BIS Denied Persons List (tab-separated text).
import type { ListEntry } from '../../model/index.js';
import type { ListSource } from '../types.js';
import { download } from './download.js';
import { DplMapper, SOURCE } from './mapper.js';
import { readDpl } from './reader.js';

export const bisDpl: ListSource = {
  id: SOURCE,
  formats: ['bis-dpl', 'dpl'],
  title: 'BIS Denied Persons List (tab-separated)',
  input: { kind: 'file' },
  ...(download ? { download } : {}),
  async parse(input, ctx) {
    const mapper = new DplMapper(ctx);
    const entries: ListEntry[] = [];
    for await (const row of readDpl(input.files[input.order[0]!]!, ctx)) entries.push(mapper.map(row));
    ctx.warnings.push(...mapper.countries.warnings(ctx.file));
    return { entries, stats: { rows: entries.length } };
  },
};
