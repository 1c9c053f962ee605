// Official address of the FCDO UK Sanctions List CSV (the single UK list since 28 January 2026, see
// data/lists/PROVENANCE.md); index.ts reads it, and the ConList it replaced, by their headers.
import type { DownloadFile } from '../types.js';

export const download: DownloadFile[] = [
  { url: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv', name: 'UK-Sanctions-List.csv', required: true },
];
