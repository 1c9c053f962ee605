// Official address of the CSL CSV (data.trade.gov), as recorded in the shared data README.
import type { DownloadFile } from '../types.js';

export const download: DownloadFile[] = [
  { url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv', name: 'consolidated.csv', required: true },
];
