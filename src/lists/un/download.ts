// Official address of the UN Security Council Consolidated List XML, as recorded in the shared data README.
import type { DownloadFile } from '../types.js';

export const download: DownloadFile[] = [
  { url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml', name: 'consolidated.xml', required: true },
];
