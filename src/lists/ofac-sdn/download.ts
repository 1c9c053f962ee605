// Official addresses of the OFAC legacy SDN files (Sanctions List Service), from the shared data README.
import type { DownloadFile } from '../types.js';

const BASE = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/';

export const download: DownloadFile[] = [
  { url: `${BASE}sdn.csv`, name: 'sdn.csv', required: true },
  { url: `${BASE}alt.csv`, name: 'alt.csv', required: true },
  { url: `${BASE}add.csv`, name: 'add.csv', required: true },
  { url: `${BASE}sdn_comments.csv`, name: 'sdn_comments.csv', required: true },
];
