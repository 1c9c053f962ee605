// OFAC SDN list in its legacy CSV file set. PATH is the directory holding the files.
import { parseLegacySet } from '../ofac-legacy/mapper.js';
import type { ListSource } from '../types.js';
import { download } from './download.js';
import { SOURCE, sdnSet } from './mapper.js';
import { FILE_SET } from './reader.js';

export const ofacSdn: ListSource = {
  id: SOURCE,
  formats: ['ofac-sdn', 'sdn'],
  title: 'OFAC SDN list, legacy CSV set (sdn, alt, add, sdn_comments)',
  input: { kind: 'directory', files: FILE_SET },
  download,
  parse: (input, ctx) => parseLegacySet(sdnSet, input, ctx),
};
