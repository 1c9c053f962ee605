// OFAC non-SDN rows → ListEntry. The files carry no list column: the sub-list (SSI, PLC, CMIC...)
// comes from the program tags through data/lists/reference/ofac-nonsdn-sub-lists.json.
import type { LegacySet } from '../ofac-legacy/mapper.js';
import { referenceData } from '../reference-data.js';
import { FILES } from './reader.js';

export const SOURCE = 'ofac-nonsdn';

interface SubLists { fallback: string; programs: Record<string, string> }

export const nonSdnSet: LegacySet = {
  source: SOURCE,
  files: FILES,
  listOf(programs) {
    const t = referenceData<SubLists>('lists/reference/ofac-nonsdn-sub-lists.json');
    for (const p of programs) if (t.programs[p]) return t.programs[p]!;
    return t.fallback;
  },
};
