// OFAC consolidated non-SDN legacy CSV set: cons_prim.csv (required) with cons_alt.csv, cons_add.csv
// and cons_comments.csv; same layout as the SDN set (../ofac-legacy/reader.ts).
export const FILES = { main: 'cons_prim.csv', alt: 'cons_alt.csv', add: 'cons_add.csv', comments: 'cons_comments.csv' } as const;

export const FILE_SET = [
  { name: FILES.main, required: true },
  { name: FILES.alt, required: false },
  { name: FILES.add, required: false },
  { name: FILES.comments, required: false },
];
