// The denial-notification exchange file: what one Vigil instance (one government) sends another.
// Plain JSON so a partner without Vigil can read and write it too.
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DenialNotification } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';

export const DENIAL_FILE_FORMAT = 'vigil.denial-notifications';
export const DENIAL_FILE_VERSION = 1;

export interface DenialFile {
  format: typeof DENIAL_FILE_FORMAT;
  version: number;
  issuer: string;
  exportedAt: string;
  notifications: DenialNotification[];
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const notificationSchema = z.looseObject({
  id: z.string().min(1),
  issuer: z.string().min(1),
  regime: z.string().min(1),
  entries: z.array(z.string().min(1)).min(1),
  destination: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
  endUser: z.string().min(1),
  reason: z.string().min(1),
  date: day,
  items: z.array(z.looseObject({ code: z.string().optional(), description: z.string() })).optional(),
});

const fileSchema = z.object({
  format: z.literal(DENIAL_FILE_FORMAT),
  version: z.number().int(),
  issuer: z.string().min(1),
  exportedAt: z.string(),
  notifications: z.array(notificationSchema),
});

export function buildDenialFile(issuer: string, notifications: DenialNotification[], exportedAt = new Date().toISOString()): DenialFile {
  // Strip what is local to this instance: the case id and when we imported someone else's.
  const clean = notifications.map(({ caseId: _c, importedAt: _i, importedBy: _b, ...n }) => n as DenialNotification);
  return { format: DENIAL_FILE_FORMAT, version: DENIAL_FILE_VERSION, issuer, exportedAt, notifications: clean };
}

export async function writeDenialFile(path: string, f: DenialFile): Promise<void> {
  await writeFile(path, JSON.stringify(f, null, 2) + '\n', 'utf8');
}

/** Validate a partner's file; errors name the file and the field. */
export function parseDenialFile(text: string, where: string): DenialFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new VigilInputError(`not JSON: ${(err as Error).message}`, where);
  }
  const r = fileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    throw new VigilInputError(issue.message, `${where}: ${field || '(root)'}`);
  }
  if (r.data.version > DENIAL_FILE_VERSION) {
    throw new VigilInputError(`file version ${r.data.version} is newer than this Vigil understands (${DENIAL_FILE_VERSION})`, `${where}: version`);
  }
  return r.data as DenialFile;
}
