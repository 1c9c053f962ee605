// The shared data README records no official address for the BIS DPL text file (BIS now publishes
// it inside the CSL), so `vigil lists update` does not fetch it; use `vigil lists import bis-dpl FILE`.
import type { DownloadFile } from '../types.js';

export const download: DownloadFile[] | undefined = undefined;
