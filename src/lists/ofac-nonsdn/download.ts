// No official address for the non-SDN legacy files is recorded in the shared data README, so
// `vigil lists update` does not fetch this source; import downloaded files with `vigil lists import`.
import type { DownloadFile } from '../types.js';

export const download: DownloadFile[] | undefined = undefined;
