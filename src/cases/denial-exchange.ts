// Sending our denial notifications to partners and taking in theirs, as JSON files.
import { readFile } from 'node:fs/promises';
import type { DenialNotification } from '../model/index.js';
import type { Store } from '../store/store.js';
import { inputHash } from './audit-trail.js';
import { buildDenialFile, parseDenialFile, writeDenialFile, type DenialFile } from './denial-file.js';
import { VigilInputError } from '../model/errors.js';

export interface ExportResult { file: string; issuer: string; count: number; ids: string[] }

/**
 * The exchange document of this instance's own notifications (not the ones it imported); `path`
 * (the file written, or the API route) is recorded as the audit subject.
 */
export async function exportDenialFile(store: Store, subject: string, issuer: string, actor: string, opts: { since?: string } = {}): Promise<DenialFile> {
  const own = (await store.listDenialNotifications()).filter((n) => !n.importedAt && (!opts.since || n.date >= opts.since));
  const file = buildDenialFile(issuer, own);
  await store.appendAudit({
    actor, action: 'denials.export', subject, inputHash: inputHash(file.notifications),
    outcome: `${own.length} notification${own.length === 1 ? '' : 's'} exported`, detail: { ids: own.map((n) => n.id), issuer },
  });
  return file;
}

export async function exportDenials(store: Store, path: string, issuer: string, actor: string, opts: { since?: string } = {}): Promise<ExportResult> {
  const file = await exportDenialFile(store, path, issuer, actor, opts);
  await writeDenialFile(path, file);
  const ids = file.notifications.map((n) => n.id);
  return { file: path, issuer, count: ids.length, ids };
}

export interface ImportResult {
  file: string;
  issuer: string;
  imported: string[];
  updated: string[];
  skipped: { id: string; why: string }[];
}

/**
 * Take in a partner's file. New references are added, known partner references updated (a partner
 * may revise or revoke a denial); our own references are never overwritten by someone else's file.
 */
export async function importDenials(store: Store, path: string, ownIssuer: string | undefined, actor: string): Promise<ImportResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new VigilInputError(`cannot read: ${(err as Error).message}`, path);
  }
  return importDenialText(store, text, path, ownIssuer, actor);
}

/** Import the text of an exchange file; `path` names it in errors and in the audit trail. */
export async function importDenialText(store: Store, text: string, path: string, ownIssuer: string | undefined, actor: string): Promise<ImportResult> {
  const file: DenialFile = parseDenialFile(text, path);
  const now = new Date().toISOString();
  const result: ImportResult = { file: path, issuer: file.issuer, imported: [], updated: [], skipped: [] };
  await store.transaction(async (tx) => {
    // Read-then-write: imports are serialised (a meta read inside a transaction holds its key until
    // commit), so two concurrent imports of one file cannot both count a notification as new, nor
    // overwrite one the other just recorded with a different importedAt.
    await tx.getMeta('denials.import.lock');
    const known = new Map((await tx.listDenialNotifications()).map((n) => [n.id, n]));
    for (const n of file.notifications) {
      const mine = known.get(n.id);
      if ((mine && !mine.importedAt) || (ownIssuer && n.issuer === ownIssuer)) {
        result.skipped.push({ id: n.id, why: 'issued by this instance' });
        continue;
      }
      const rec: DenialNotification = { ...n, importedAt: mine?.importedAt ?? now, importedBy: actor, importedFrom: file.issuer };
      await tx.putDenialNotification(rec);
      (mine ? result.updated : result.imported).push(n.id);
    }
    await tx.appendAudit({
      actor, action: 'denials.import', subject: path, inputHash: inputHash(text),
      outcome: `${result.imported.length} imported, ${result.updated.length} updated, ${result.skipped.length} skipped`,
      detail: { issuer: file.issuer, imported: result.imported, updated: result.updated, skipped: result.skipped.map((s) => s.id) },
    });
  });
  return result;
}
