// OFAC SDN legacy CSV set: sdn.csv (required) with alt.csv, add.csv and sdn_comments.csv beside it.
// The rows are read by the shared legacy reader (../ofac-legacy/reader.ts).
export const FILES = { main: 'sdn.csv', alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv' } as const;

/** Fixed order of the set: how it is hashed and downloaded. */
export const FILE_SET = [
  { name: FILES.main, required: true },
  { name: FILES.alt, required: false },
  { name: FILES.add, required: false },
  { name: FILES.comments, required: false },
];
