// Official address of the UK list as recorded in the shared data README. Caveat: that address is the
// FCDO "UK Sanctions List" CSV, whose layout is not the OFSI ConList this folder parses; if it
// serves the other layout the import stops with a missing-column error and nothing changes.
import type { DownloadFile } from '../types.js';

export const download: DownloadFile[] = [
  { url: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv', name: 'UK-Sanctions-List.csv', required: true },
];
