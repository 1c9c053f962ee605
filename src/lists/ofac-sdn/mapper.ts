// OFAC SDN rows → ListEntry: everything on this list is sub-list 'SDN' (the join and remark parsing
// are shared with the non-SDN set in ../ofac-legacy/mapper.ts).
import type { LegacySet } from '../ofac-legacy/mapper.js';
import { FILES } from './reader.js';

export const SOURCE = 'ofac-sdn';

export const sdnSet: LegacySet = { source: SOURCE, files: FILES, listOf: () => 'SDN' };
