// Official address of the EU Financial Sanctions Files (FSF) full list, XML 1.1, as recorded in the
// shared data README and data/lists/PROVENANCE.md. The CSV 1.1 variant is at
// .../csvFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw and `vigil lists import eu FILE.csv` reads it.
import type { DownloadFile } from '../types.js';

export const download: DownloadFile[] = [
  {
    url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
    name: 'xmlFullSanctionsList_1_1.xml',
    required: true,
  },
];
