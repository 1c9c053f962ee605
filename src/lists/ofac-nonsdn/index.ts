// OFAC consolidated non-SDN list in its legacy CSV file set. PATH is the directory holding the files.
import { parseLegacySet } from '../ofac-legacy/mapper.js';
import type { ListSource } from '../types.js';
import { download } from './download.js';
import { SOURCE, nonSdnSet } from './mapper.js';
import { FILE_SET } from './reader.js';

export const ofacNonSdn: ListSource = {
  id: SOURCE,
  formats: ['ofac-nonsdn', 'nonsdn', 'ofac-cons'],
  title: 'OFAC consolidated non-SDN list, legacy CSV set (cons_prim, cons_alt, cons_add, cons_comments)',
  input: { kind: 'directory', files: FILE_SET },
  ...(download ? { download } : {}),
  parse: (input, ctx) => parseLegacySet(nonSdnSet, input, ctx),
};
